package org.aifactory.twin.model.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds pairs of footprints that overlap, in about linear time: items are bucketed in a uniform
 * grid by their bounding boxes and only items sharing a cell are compared, with the separating
 * axis test for rotated rectangles. Touching edges do not count (tolerance {@link #TOLERANCE_M}).
 */
public final class OverlapFinder {
    /** Overlaps thinner than this are taken as touching: 1 mm. */
    public static final double TOLERANCE_M = 1e-3;

    private static final double CELL_M = 2.0;

    private OverlapFinder() {}

    /** Pairs of indices into {@code items} whose footprints overlap (same hall, or both in the yard). */
    public static List<int[]> overlaps(List<PlacedItem> items) {
        Map<String, Map<Long, List<Integer>>> grids = new HashMap<>();
        List<int[]> result = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        double[][] corners = new double[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            PlacedItem it = items.get(i);
            corners[i] = it.corners();
            Map<Long, List<Integer>> grid =
                    grids.computeIfAbsent(Objects.toString(it.hallId(), "\0yard"), k -> new HashMap<>());
            double[] b = PlacedItem.bounds(corners[i]);
            double minX = b[0];
            double minY = b[1];
            double maxX = b[2];
            double maxY = b[3];
            for (long gx = (long) Math.floor(minX / CELL_M); gx <= (long) Math.floor(maxX / CELL_M); gx++) {
                for (long gy = (long) Math.floor(minY / CELL_M); gy <= (long) Math.floor(maxY / CELL_M); gy++) {
                    List<Integer> cell = grid.computeIfAbsent(gx * 1_000_003L + gy, k -> new ArrayList<>(4));
                    for (int j : cell) {
                        long key = (long) j * items.size() + i;
                        if (!seen.contains(key) && intersects(corners[i], corners[j])) {
                            seen.add(key);
                            result.add(new int[] {j, i});
                        }
                    }
                    cell.add(i);
                }
            }
        }
        return result;
    }

    /** Separating axis test for two convex quadrilaterals given as 8 coordinates each. */
    static boolean intersects(double[] a, double[] b) {
        return !separatedOnAxesOf(a, a, b) && !separatedOnAxesOf(b, a, b);
    }

    private static boolean separatedOnAxesOf(double[] poly, double[] a, double[] b) {
        for (int e = 0; e < 4; e++) {
            int n = (e + 1) % 4;
            double ax = -(poly[2 * n + 1] - poly[2 * e + 1]);
            double ay = poly[2 * n] - poly[2 * e];
            double len = Math.hypot(ax, ay);
            if (len == 0) {
                continue;
            }
            ax /= len;
            ay /= len;
            double minA = Double.POSITIVE_INFINITY;
            double maxA = Double.NEGATIVE_INFINITY;
            double minB = Double.POSITIVE_INFINITY;
            double maxB = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 4; k++) {
                double pa = a[2 * k] * ax + a[2 * k + 1] * ay;
                double pb = b[2 * k] * ax + b[2 * k + 1] * ay;
                minA = Math.min(minA, pa);
                maxA = Math.max(maxA, pa);
                minB = Math.min(minB, pb);
                maxB = Math.max(maxB, pb);
            }
            if (maxA <= minB + TOLERANCE_M || maxB <= minA + TOLERANCE_M) {
                return true;
            }
        }
        return false;
    }
}
