package org.aifactory.twin.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;

/**
 * Where every rack stands in site coordinates (its hall's origin plus its placement, metres), with
 * its catalog type: what cable routing and switch placement need from the layout. Racks whose type
 * is unknown are left out (the validator reports them).
 */
public final class SiteGeometry {

    /** A rack's place and type. */
    public record RackPlace(String id, RackType type, String rowId, String hallId, double xM, double yM) {}

    private final Map<String, RackPlace> racks;
    private final List<Hall> halls;

    private SiteGeometry(Map<String, RackPlace> racks, List<Hall> halls) {
        this.racks = racks;
        this.halls = halls;
    }

    public static SiteGeometry of(Facility facility, CatalogIndex catalog) {
        Map<String, Hall> halls = new HashMap<>();
        facility.halls().forEach(h -> halls.put(h.id(), h));
        Map<String, RackPlace> places = new HashMap<>(facility.racks().size() * 2);
        for (Rack r : facility.racks()) {
            Optional<RackType> type = catalog.rack(r.type());
            if (type.isEmpty()) {
                continue;
            }
            Hall h = r.placement().hallId() == null ? null : halls.get(r.placement().hallId());
            double ox = h == null ? 0 : h.originXM();
            double oy = h == null ? 0 : h.originYM();
            places.put(r.id(), new RackPlace(r.id(), type.get(), r.rowId(), r.placement().hallId(),
                    ox + r.placement().xM(), oy + r.placement().yM()));
        }
        return new SiteGeometry(places, List.copyOf(facility.halls()));
    }

    public Optional<RackPlace> rack(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(racks.get(id));
    }

    /** The hall whose floor contains the site point, or null (the yard). */
    public String hallAt(double xM, double yM) {
        for (Hall h : halls) {
            if (xM >= h.originXM() && xM <= h.originXM() + h.widthM() && yM >= h.originYM()
                    && yM <= h.originYM() + h.depthM()) {
                return h.id();
            }
        }
        return null;
    }
}
