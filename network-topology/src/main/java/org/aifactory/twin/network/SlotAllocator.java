package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Finds rack space for generated switches: free rack units in the fabric's existing network racks
 * near where a switch is wanted (within {@link NetworkAssumptions#reuseRadiusM()}), otherwise a new
 * network rack proposed at that point, which the report lists for the designer to place. Mutable,
 * used by one generation only.
 */
final class SlotAllocator {

    /** Where a switch went. */
    record Spot(String rackId, String rowId, String hallId, double xM, double yM, double rackHeightM, boolean proposed) {}

    private static final class Host {
        final String id;
        final String rowId;
        final String hallId;
        final double xM;
        final double yM;
        final double heightM;
        final boolean proposed;
        int freeUnits;
        int switches;

        Host(String id, String rowId, String hallId, double xM, double yM, double heightM, int freeUnits, boolean proposed) {
            this.id = id;
            this.rowId = rowId;
            this.hallId = hallId;
            this.xM = xM;
            this.yM = yM;
            this.heightM = heightM;
            this.freeUnits = freeUnits;
            this.proposed = proposed;
        }
    }

    private final String fabricId;
    private final NetworkAssumptions assumptions;
    private final double newRackHeightM;
    private final Map<String, Host> byId = new LinkedHashMap<>();
    private final Map<String, List<Host>> byHall = new HashMap<>();
    private final List<Host> proposed = new ArrayList<>();
    private int placedInExisting;

    SlotAllocator(String fabricId, NetworkAssumptions assumptions, double newRackHeightM) {
        this.fabricId = fabricId;
        this.assumptions = assumptions;
        this.newRackHeightM = newRackHeightM;
    }

    /** Registers an existing network rack (once; later calls are ignored). */
    void addRack(SiteGeometry.RackPlace rack) {
        if (byId.containsKey(rack.id())) {
            return;
        }
        Host h = new Host(rack.id(), rack.rowId(), rack.hallId(), rack.xM(), rack.yM(), rack.type().heightM(),
                assumptions.usableRackUnits(), false);
        byId.put(h.id, h);
        byHall.computeIfAbsent(Objects.toString(h.hallId, ""), k -> new ArrayList<>()).add(h);
    }

    /** Takes the units of a switch the file already mounts in {@code rackId}. */
    void occupy(String rackId, int units) {
        Host h = byId.get(rackId);
        if (h != null) {
            h.freeUnits -= units;
            h.switches++;
        }
    }

    /** Finds space for one switch of {@code units} rack units near the site point. */
    Spot place(String hallId, double xM, double yM, int units) {
        Host best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Host h : byHall.getOrDefault(Objects.toString(hallId, ""), List.of())) {
            if (h.freeUnits < units) {
                continue;
            }
            double d = Math.abs(h.xM - xM) + Math.abs(h.yM - yM);
            boolean near = h.proposed ? d <= Tolerances.EPSILON : d <= assumptions.reuseRadiusM();
            if (near && d < bestDistance) {
                best = h;
                bestDistance = d;
            }
        }
        if (best == null) {
            String id = String.format(Locale.ROOT, "%s-new-net-rack-%d", fabricId, proposed.size() + 1);
            best = new Host(id, null, hallId, xM, yM, newRackHeightM, assumptions.usableRackUnits(), true);
            proposed.add(best);
            byId.put(id, best);
            byHall.computeIfAbsent(Objects.toString(hallId, ""), k -> new ArrayList<>()).add(best);
        } else if (!best.proposed) {
            placedInExisting++;
        }
        best.freeUnits -= units;
        best.switches++;
        return new Spot(best.id, best.rowId, best.hallId, best.xM, best.yM, best.heightM, best.proposed);
    }

    int placedInExisting() {
        return placedInExisting;
    }

    /** The new network racks the generated switches need, in the order they were opened. */
    List<NetworkReport.ProposedRack> proposedRacks() {
        return proposed.stream()
                .map(h -> new NetworkReport.ProposedRack(h.id, h.hallId, h.xM, h.yM, h.switches))
                .toList();
    }

    /** Existing racks whose mounted switches take more units than they have. */
    List<String> overfull() {
        return byId.values().stream().filter(h -> !h.proposed && h.freeUnits < 0).map(h -> h.id).toList();
    }
}
