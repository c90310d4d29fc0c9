package org.aifactory.twin.network;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.layout.SiteFrame;

/**
 * Where every rack stands in site coordinates (its hall's origin plus its placement, metres), with
 * its catalog type: what cable routing and switch placement need from the layout. Racks whose type
 * is unknown are left out (the validator reports them).
 */
public final class SiteGeometry {

    /** A rack's place and type. */
    public record RackPlace(String id, RackType type, String rowId, String hallId, double xM, double yM) {}

    private final Map<String, RackPlace> racks;
    private final SiteFrame frame;

    private SiteGeometry(Map<String, RackPlace> racks, SiteFrame frame) {
        this.racks = racks;
        this.frame = frame;
    }

    public static SiteGeometry of(Facility facility, CatalogIndex catalog) {
        SiteFrame frame = new SiteFrame(facility.halls());
        Map<String, RackPlace> places = new HashMap<>(facility.racks().size() * 2);
        for (Rack r : facility.racks()) {
            Optional<RackType> type = catalog.rack(r.type());
            if (type.isEmpty()) {
                continue;
            }
            places.put(
                    r.id(),
                    new RackPlace(
                            r.id(),
                            type.get(),
                            r.rowId(),
                            r.placement().hallId(),
                            frame.xM(r.placement()),
                            frame.yM(r.placement())));
        }
        return new SiteGeometry(places, frame);
    }

    public Optional<RackPlace> rack(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(racks.get(id));
    }

    /** The hall whose floor contains the site point, or null (the yard). */
    public String hallAt(double xM, double yM) {
        return frame.hallAt(xM, yM);
    }
}
