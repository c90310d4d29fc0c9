package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.layout.FacilityLayout;
import org.aifactory.twin.model.layout.PlacedItem;
import org.aifactory.twin.model.layout.SiteFrame;

/**
 * Free floor for new network racks: positions in the halls where a rack of the catalog's
 * {@code network-rack} footprint stands clear of everything the layout already places
 * ({@link FacilityLayout}), so that aisles, cross aisles and the space in front of fan walls stay
 * open. Shared by all fabrics of one analysis (one slot is never given twice). Mutable.
 *
 * <p>Rules (docs/network.md, "Where switches sit"), all [E]:
 * <ul>
 *   <li>A candidate stands at rotation 0 on a lattice of the rack's width along x (racks side by
 *       side form a row) and {@link #Y_STEP_M} along y, its footprint at least
 *       {@link NetworkAssumptions#wallClearanceM()} inside the hall's walls.</li>
 *   <li>Its footprint grown by {@link NetworkAssumptions#floorClearanceM()} on every side must not
 *       overlap any placed item (so a 3 m cross aisle or a 1.8 m hot/cold aisle never takes one).</li>
 *   <li>New racks form their own rows: a taken slot blocks the other candidates whose footprint,
 *       grown by {@link NetworkAssumptions#newRowAisleM()} in y, it overlaps, except candidates of
 *       the same y (its row neighbours).</li>
 *   <li>A request takes the free slot nearest (Manhattan, site coordinates) to where the switch is
 *       wanted, in the wanted hall if it has one left, else in any hall.</li>
 * </ul>
 */
final class FloorPlanner {

    /** Lattice step across rows, m [E]: fine enough to find strips between rows and walls. */
    static final double Y_STEP_M = 0.3;

    private static final double CELL_M = 2.0;

    /** A free floor position: hall coordinates of the rack's centre, and the same point on the site. */
    record Slot(String hallId, double xM, double yM, double siteXM, double siteYM) {}

    private static final class HallFloor {
        final Hall hall;
        final List<double[]> free = new ArrayList<>(); // {x, y, siteX, siteY, taken(0/1)}

        HallFloor(Hall hall) {
            this.hall = hall;
        }
    }

    private final Map<String, HallFloor> halls = new HashMap<>();
    private final List<HallFloor> order = new ArrayList<>();
    private final double widthM;
    private final double depthM;
    private final double aisleM;
    private int taken;

    private FloorPlanner(double widthM, double depthM, double aisleM) {
        this.widthM = widthM;
        this.depthM = depthM;
        this.aisleM = aisleM;
    }

    /** The free floor of every hall of {@code facility} for racks of the {@code network-rack} footprint. */
    static FloorPlanner of(Facility facility, CatalogIndex catalog, NetworkAssumptions as) {
        var type = catalog.rack("network-rack");
        double w = type.map(t -> t.widthM()).filter(v -> v > 0).orElse(0.6);
        double d = type.map(t -> t.depthM()).filter(v -> v > 0).orElse(1.2);
        FloorPlanner planner = new FloorPlanner(w, d, as.newRowAisleM());
        List<PlacedItem> items = FacilityLayout.items(facility, catalog);
        Map<String, List<PlacedItem>> byHall = new HashMap<>();
        for (PlacedItem it : items) {
            // An overhead busway hangs above the aisle: it takes no floor (as in the validator's overlap check).
            if (it.hallId() != null && !FacilityLayout.isOverhead(it, catalog)) {
                byHall.computeIfAbsent(it.hallId(), k -> new ArrayList<>()).add(it);
            }
        }
        SiteFrame frame = new SiteFrame(facility.halls());
        for (Hall h : facility.halls()) {
            if (planner.halls.containsKey(h.id())) {
                continue;
            }
            HallFloor floor = new HallFloor(h);
            planner.halls.put(h.id(), floor);
            planner.order.add(floor);
            planner.scan(floor, byHall.getOrDefault(h.id(), List.of()), frame, as);
        }
        return planner;
    }

    private void scan(HallFloor floor, List<PlacedItem> items, SiteFrame frame, NetworkAssumptions as) {
        double c = as.floorClearanceM();
        // grid of the items' footprints grown by the clearance (axis-aligned bounds of the corners)
        Map<Long, List<double[]>> grid = new HashMap<>();
        for (PlacedItem it : items) {
            double[] box = PlacedItem.bounds(it.corners());
            box[0] -= c;
            box[1] -= c;
            box[2] += c;
            box[3] += c;
            for (long gx = cell(box[0]); gx <= cell(box[2]); gx++) {
                for (long gy = cell(box[1]); gy <= cell(box[3]); gy++) {
                    grid.computeIfAbsent(key(gx, gy), q -> new ArrayList<>(4)).add(box);
                }
            }
        }
        Hall h = floor.hall;
        double wall = as.wallClearanceM();
        for (int j = 0; ; j++) {
            double y = mm(wall + depthM / 2 + j * Y_STEP_M);
            if (y + depthM / 2 > h.depthM() - wall + Tolerances.EPSILON) {
                break;
            }
            for (int i = 0; ; i++) {
                double x = mm(wall + widthM / 2 + i * widthM);
                if (x + widthM / 2 > h.widthM() - wall + Tolerances.EPSILON) {
                    break;
                }
                if (clear(grid, x - widthM / 2, y - depthM / 2, x + widthM / 2, y + depthM / 2)) {
                    floor.free.add(new double[] {x, y, frame.xM(h.id(), x), frame.yM(h.id(), y), 0});
                }
            }
        }
    }

    /** Rounded to the millimetre, so that positions read cleanly in the report. */
    private static double mm(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static boolean clear(Map<Long, List<double[]>> grid, double x0, double y0, double x1, double y1) {
        for (long gx = cell(x0); gx <= cell(x1); gx++) {
            for (long gy = cell(y0); gy <= cell(y1); gy++) {
                for (double[] b : grid.getOrDefault(key(gx, gy), List.of())) {
                    if (x0 < b[2] - Tolerances.EPSILON
                            && b[0] < x1 - Tolerances.EPSILON
                            && y0 < b[3] - Tolerances.EPSILON
                            && b[1] < y1 - Tolerances.EPSILON) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static long cell(double v) {
        return (long) Math.floor(v / CELL_M);
    }

    private static long key(long gx, long gy) {
        return gx * 1_000_003L + gy;
    }

    /**
     * Takes the free slot nearest to the site point, in {@code hallId} if that hall has one left,
     * else in any hall; null when no hall has free floor.
     */
    Slot take(String hallId, double siteXM, double siteYM) {
        double[] best = null;
        HallFloor bestHall = null;
        HallFloor own = hallId == null ? null : halls.get(hallId);
        if (own != null) {
            best = nearest(own, siteXM, siteYM);
            bestHall = best == null ? null : own;
        }
        if (best == null) {
            double bestD = Double.POSITIVE_INFINITY;
            for (HallFloor f : order) {
                double[] s = nearest(f, siteXM, siteYM);
                if (s != null && distance(s, siteXM, siteYM) < bestD) {
                    best = s;
                    bestHall = f;
                    bestD = distance(s, siteXM, siteYM);
                }
            }
        }
        if (best == null) {
            return null;
        }
        best[4] = 1;
        taken++;
        block(bestHall, best);
        return new Slot(bestHall.hall.id(), best[0], best[1], best[2], best[3]);
    }

    /** Site distance to the nearest free slot, in the hall or anywhere (as {@link #take} would choose); infinite if none. */
    double distanceToFree(String hallId, double siteXM, double siteYM) {
        HallFloor own = hallId == null ? null : halls.get(hallId);
        double[] s = own == null ? null : nearest(own, siteXM, siteYM);
        if (s != null) {
            return distance(s, siteXM, siteYM);
        }
        double bestD = Double.POSITIVE_INFINITY;
        for (HallFloor f : order) {
            double[] t = nearest(f, siteXM, siteYM);
            if (t != null) {
                bestD = Math.min(bestD, distance(t, siteXM, siteYM));
            }
        }
        return bestD;
    }

    private static double[] nearest(HallFloor f, double x, double y) {
        double[] best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (double[] s : f.free) {
            if (s[4] == 0) {
                double d = distance(s, x, y);
                if (d < bestD - Tolerances.EPSILON) {
                    best = s;
                    bestD = d;
                }
            }
        }
        return best;
    }

    private static double distance(double[] s, double x, double y) {
        return Math.abs(s[2] - x) + Math.abs(s[3] - y);
    }

    /** A taken slot blocks the candidates it overlaps, or whose aisle to it would be narrower than the new-row aisle. */
    private void block(HallFloor f, double[] t) {
        for (double[] s : f.free) {
            if (s[4] != 0) {
                continue;
            }
            boolean overlapX = Math.abs(s[0] - t[0]) < 2 * widthM - Tolerances.EPSILON; // its column or a neighbour's
            double dy = Math.abs(s[1] - t[1]);
            boolean sameRow = dy <= Tolerances.EPSILON;
            if (overlapX
                    && (sameRow
                            ? Math.abs(s[0] - t[0]) < widthM - Tolerances.EPSILON
                            : dy < depthM + aisleM - Tolerances.EPSILON)) {
                s[4] = 2;
            }
        }
    }

    /** Free slots left in all halls. */
    int freeSlots() {
        int n = 0;
        for (HallFloor f : order) {
            for (double[] s : f.free) {
                n += s[4] == 0 ? 1 : 0;
            }
        }
        return n;
    }

    int taken() {
        return taken;
    }
}
