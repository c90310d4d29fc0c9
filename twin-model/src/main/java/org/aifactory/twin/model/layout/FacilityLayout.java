package org.aifactory.twin.model.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.Footprinted;

/**
 * The floor plan of a facility: every placed item with its footprint from the catalog. Items
 * whose type is unknown or that have no placement are left out (the validator reports the
 * former). Cable and pipe lengths are derived from these positions.
 */
public final class FacilityLayout {
    private FacilityLayout() {}

    public static List<PlacedItem> items(Facility facility, CatalogIndex catalog) {
        List<PlacedItem> items = new ArrayList<>(facility.racks().size() + 64);
        List<Rack> racks = facility.racks();
        for (int i = 0; i < racks.size(); i++) {
            Rack r = racks.get(i);
            add(items, r.id(), "rack", r.type(), r.placement(), catalog.rack(r.type()), "/racks/" + i);
        }
        List<Cdu> cdus = facility.cooling().cdus();
        for (int i = 0; i < cdus.size(); i++) {
            Cdu c = cdus.get(i);
            add(items, c.id(), "cdu", c.type(), c.placement(), catalog.cdu(c.type()), "/cooling/cdus/" + i);
        }
        List<AirHandler> ahus = facility.cooling().airHandlers();
        for (int i = 0; i < ahus.size(); i++) {
            AirHandler a = ahus.get(i);
            add(
                    items,
                    a.id(),
                    "air-handler",
                    a.type(),
                    a.placement(),
                    catalog.airHandler(a.type()),
                    "/cooling/airHandlers/" + i);
        }
        List<HeatRejectionUnit> hrus = facility.cooling().heatRejection();
        for (int i = 0; i < hrus.size(); i++) {
            HeatRejectionUnit h = hrus.get(i);
            add(
                    items,
                    h.id(),
                    "heat-rejection",
                    h.type(),
                    h.placement(),
                    catalog.heatRejection(h.type()),
                    "/cooling/heatRejection/" + i);
        }
        List<PowerNode> nodes = facility.power().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            PowerNode n = nodes.get(i);
            add(items, n.id(), "power", n.type(), n.placement(), catalog.powerEquipment(n.type()), "/power/nodes/" + i);
        }
        return items;
    }

    /**
     * True for an item that hangs overhead and takes no floor: a busway, run along its row above
     * the racks it feeds (its placement is the centre of the run) [E: overhead busway is the usual
     * way to feed high-density rows]. Such items overlap nothing on the floor.
     */
    public static boolean isOverhead(PlacedItem item, CatalogIndex catalog) {
        return "power".equals(item.kind())
                && catalog.powerEquipment(item.type())
                        .map(t -> t.kind() == PowerNodeKind.BUSWAY)
                        .orElse(false);
    }

    /**
     * The items as seen from above: {@link #items} with every overhead busway drawn along its run
     * ({@code lengthM} of its power node as its width, centred on its placement); a busway without a
     * length keeps its catalog footprint.
     */
    public static List<PlacedItem> itemsSeenFromAbove(Facility facility, CatalogIndex catalog) {
        Map<String, Double> runLengthM = new HashMap<>();
        for (PowerNode n : facility.power().nodes()) {
            if (n.lengthM() != null && n.lengthM() > 0) {
                runLengthM.put(n.id(), n.lengthM());
            }
        }
        List<PlacedItem> items = items(facility, catalog);
        items.replaceAll(i -> isOverhead(i, catalog) && runLengthM.containsKey(i.id())
                ? new PlacedItem(
                        i.id(),
                        i.kind(),
                        i.type(),
                        i.hallId(),
                        i.xM(),
                        i.yM(),
                        i.rotationDeg(),
                        runLengthM.get(i.id()),
                        i.depthM(),
                        i.heightM(),
                        i.path())
                : i);
        return items;
    }

    private static void add(
            List<PlacedItem> items,
            String id,
            String kind,
            String type,
            Placement p,
            Optional<? extends Footprinted> footprint,
            String path) {
        if (p == null || footprint.isEmpty()) {
            return;
        }
        Footprinted f = footprint.get();
        items.add(new PlacedItem(
                id,
                kind,
                type,
                p.hallId(),
                p.xM(),
                p.yM(),
                p.rotationDeg(),
                f.widthM(),
                f.depthM(),
                f.heightM(),
                path));
    }
}
