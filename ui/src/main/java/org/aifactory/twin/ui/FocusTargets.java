package org.aifactory.twin.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FacilityWaterLoop;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.Row;

/**
 * Which drawn items to frame for an element: the element itself when it is drawn; otherwise what
 * stands for it on the floor: a row's or hall's racks, a busway's or PDU's racks (through any
 * undrawn power nodes below it), a loop's racks and CDU, a facility loop's CDUs and heat
 * rejection. Pure model navigation, no JavaFX.
 */
final class FocusTargets {
    private FocusTargets() {}

    /** Ids of items that may be drawn, the element first; empty if nothing on the floor stands for it. */
    static List<String> of(String id, ElementIndex index) {
        Set<String> out = new LinkedHashSet<>();
        Object value = index.find(id).map(ElementIndex.Element::value).orElse(null);
        Facility f = index.facility();
        if (value instanceof Rack || value instanceof Cdu || value instanceof HeatRejectionUnit) {
            out.add(id);
        } else if (value instanceof Row r) {
            index.racksOfRow(r.id()).forEach(rack -> out.add(rack.id()));
        } else if (value instanceof Hall h) {
            index.rowsOf(h.id()).forEach(r -> index.racksOfRow(r.id()).forEach(rack -> out.add(rack.id())));
            index.rowlessRacksOf(h.id()).forEach(rack -> out.add(rack.id()));
        } else if (value instanceof PowerNode n) {
            out.add(n.id());
            if (n.placement() == null) {
                out.addAll(racksBelow(n.id(), f));
            }
        } else if (value instanceof CoolingLoop l) {
            out.add(l.cduId());
            f.racks().stream().filter(r -> l.id().equals(r.coolingLoopId())).forEach(r -> out.add(r.id()));
        } else if (value instanceof FacilityWaterLoop l) {
            f.cooling().cdus().stream()
                    .filter(c -> l.id().equals(c.facilityLoopId()))
                    .forEach(c -> out.add(c.id()));
            f.cooling().heatRejection().stream()
                    .filter(h -> l.id().equals(h.facilityLoopId()))
                    .forEach(h -> out.add(h.id()));
        } else if (value != null) {
            out.add(id);
        }
        return new ArrayList<>(out);
    }

    /** Racks fed by {@code nodeId} directly or through power nodes downstream of it. */
    private static List<String> racksBelow(String nodeId, Facility f) {
        Map<String, List<String>> children = new HashMap<>();
        for (PowerNode n : f.power().nodes()) {
            n.inputs()
                    .forEach(in ->
                            children.computeIfAbsent(in, k -> new ArrayList<>()).add(n.id()));
        }
        Set<String> below = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(nodeId));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (below.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        List<String> racks = new ArrayList<>();
        for (Rack r : f.racks()) {
            for (RackFeed feed : r.feeds()) {
                if (below.contains(feed.source())) {
                    racks.add(r.id());
                    break;
                }
            }
        }
        return racks;
    }
}
