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
 * network rack on the nearest free floor of the layout ({@link FloorPlanner}), which the report
 * lists with its hall, position and switches for the designer to add. Without free floor the new
 * rack is proposed at the wanted point itself and flagged as not on the floor. Mutable, used by one
 * generation only; the floor planner may be shared by the fabrics of one analysis.
 */
final class SlotAllocator {

    /** Where a switch went. */
    record Spot(
            String rackId, String rowId, String hallId, double xM, double yM, double rackHeightM, boolean proposed) {}

    private static final class Host {
        final String id;
        final String rowId;
        final String hallId;
        final double xM;
        final double yM;
        final double heightM;
        final boolean proposed;
        /** Where the switches of a proposed rack were wanted (site), to fill it before opening another. */
        double wantedXM;

        double wantedYM;
        String wantedHall;
        FloorPlanner.Slot slot;
        int freeUnits;
        final List<String> switchIds = new ArrayList<>();

        Host(
                String id,
                String rowId,
                String hallId,
                double xM,
                double yM,
                double heightM,
                int freeUnits,
                boolean proposed) {
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
    private final FloorPlanner floor;
    private final Map<String, Host> byId = new LinkedHashMap<>();
    private final Map<String, List<Host>> byHall = new HashMap<>();
    private final List<Host> existing = new ArrayList<>();
    private final List<Host> proposed = new ArrayList<>();
    private int placedInExisting;
    /** The last free-floor distance asked for (cores are all wanted at one point). */
    private double cachedFree;

    private double cachedX = Double.NaN;
    private double cachedY = Double.NaN;
    private int cachedTaken = -1;

    /** {@code floor} may be null: new racks are then proposed where they are wanted, off the floor plan. */
    SlotAllocator(String fabricId, NetworkAssumptions assumptions, double newRackHeightM, FloorPlanner floor) {
        this.fabricId = fabricId;
        this.assumptions = assumptions;
        this.newRackHeightM = newRackHeightM;
        this.floor = floor;
    }

    /** Registers an existing network rack (once; later calls are ignored). */
    void addRack(SiteGeometry.RackPlace rack) {
        if (byId.containsKey(rack.id())) {
            return;
        }
        Host h = new Host(
                rack.id(),
                rack.rowId(),
                rack.hallId(),
                rack.xM(),
                rack.yM(),
                rack.type().heightM(),
                assumptions.usableRackUnits(),
                false);
        byId.put(h.id, h);
        byHall.computeIfAbsent(Objects.toString(h.hallId, ""), k -> new ArrayList<>())
                .add(h);
        existing.add(h);
    }

    /** Takes the units of a switch the file already mounts in {@code rackId}. */
    void occupy(String rackId, int units) {
        Host h = byId.get(rackId);
        if (h != null) {
            h.freeUnits -= units;
        }
    }

    /**
     * Finds space for switch {@code switchId} of {@code units} rack units wanted at the site point:
     * the nearest existing network rack of the fabric with free units, in the wanted hall within the
     * reuse radius (wanted outside any hall: in any hall, if no farther than the nearest free floor
     * plus the reuse radius); else the proposed rack opened for the same point; else a new rack on
     * the nearest free floor.
     */
    Spot place(String switchId, String hallId, double xM, double yM, int units) {
        Host best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        List<Host> candidates = hallId == null ? existing : byHall.getOrDefault(hallId, List.of());
        for (Host h : candidates) {
            if (h.proposed || h.freeUnits < units) {
                continue;
            }
            double d = Math.abs(h.xM - xM) + Math.abs(h.yM - yM);
            if (d < bestDistance) {
                best = h;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance > limit(hallId, xM, yM) + Tolerances.EPSILON) {
            best = null;
        }
        if (best == null) {
            for (Host h : proposed) {
                if (h.freeUnits >= units
                        && Objects.equals(h.wantedHall, hallId)
                        && Math.abs(h.wantedXM - xM) + Math.abs(h.wantedYM - yM) <= Tolerances.EPSILON) {
                    best = h;
                    break;
                }
            }
        }
        if (best == null) {
            String id = String.format(Locale.ROOT, "%s-new-net-rack-%d", fabricId, proposed.size() + 1);
            FloorPlanner.Slot slot = floor == null ? null : floor.take(hallId, xM, yM);
            best = slot == null
                    ? new Host(id, null, hallId, xM, yM, newRackHeightM, assumptions.usableRackUnits(), true)
                    : new Host(
                            id,
                            null,
                            slot.hallId(),
                            slot.siteXM(),
                            slot.siteYM(),
                            newRackHeightM,
                            assumptions.usableRackUnits(),
                            true);
            best.slot = slot;
            best.wantedXM = xM;
            best.wantedYM = yM;
            best.wantedHall = hallId;
            proposed.add(best);
            byId.put(id, best);
        } else if (!best.proposed) {
            placedInExisting++;
        }
        best.freeUnits -= units;
        best.switchIds.add(switchId);
        return new Spot(best.id, best.rowId, best.hallId, best.xM, best.yM, best.heightM, best.proposed);
    }

    /** How far an existing rack may be from the wanted point; outside any hall: the nearest free floor plus the radius. */
    private double limit(String hallId, double xM, double yM) {
        if (hallId != null) {
            return assumptions.reuseRadiusM();
        }
        if (floor == null) {
            return Double.POSITIVE_INFINITY;
        }
        if (cachedTaken != floor.taken() || cachedX != xM || cachedY != yM) {
            cachedFree = floor.distanceToFree(null, xM, yM);
            cachedTaken = floor.taken();
            cachedX = xM;
            cachedY = yM;
        }
        return cachedFree + assumptions.reuseRadiusM();
    }

    int placedInExisting() {
        return placedInExisting;
    }

    /** The new network racks the generated switches need, in the order they were opened. */
    List<NetworkReport.ProposedRack> proposedRacks() {
        return proposed.stream()
                .map(h -> new NetworkReport.ProposedRack(
                        h.id,
                        h.hallId,
                        h.slot == null ? null : h.slot.xM(),
                        h.slot == null ? null : h.slot.yM(),
                        h.xM,
                        h.yM,
                        h.slot != null,
                        h.switchIds.size(),
                        List.copyOf(h.switchIds)))
                .toList();
    }

    /** Existing racks whose mounted switches take more units than they have. */
    List<String> overfull() {
        return byId.values().stream()
                .filter(h -> !h.proposed && h.freeUnits < 0)
                .map(h -> h.id)
                .toList();
    }
}
