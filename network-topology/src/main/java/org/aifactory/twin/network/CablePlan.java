package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aifactory.twin.model.catalog.CableMedium;
import org.aifactory.twin.model.catalog.CableType;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The cables of a fabric: every bundle's routed length, the cable or transceiver type chosen by
 * reach, and the bill of materials by type and standard length.
 *
 * <p>Routing (docs/network.md, "Routing cables"): within one rack, {@code sameRackLengthM}.
 * Otherwise the cable runs from the port up to the top of its rack ({@code rackHeight -
 * portHeight}) plus {@code inRackRunM}, at each end; between racks of the same row it crosses over
 * the rack tops; between rows or halls it also climbs to the overhead tray ({@code trayHeight -
 * rackHeight}) at each end and follows the trays along x then y (Manhattan distance between the
 * rack centres, site coordinates). The sum gets {@code slackFraction} of service loop.
 *
 * <p>Choice: the first catalog type, in order of medium (DAC, active copper, AOC, multimode
 * optics, single-mode optics) then reach, whose reach and speed cover the link; where the file
 * names a type, that type, checked for reach. Power: {@code powerPerEndW} at both ends of every
 * link (transceivers or active cable ends).
 */
public final class CablePlan {

    /** Standard lengths of the bill of materials, metres; longer runs round up to 100 m. */
    static final double[] STANDARD_LENGTHS_M = {0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 15, 20, 25, 30, 40, 50, 70, 100, 150,
            200, 300, 500, 1000, 1500, 2000};

    /** A bundle that no cable type reaches (or whose named type does not). */
    public record TooLong(int bundle, double lengthM, String cableType) {}

    private final double[] lengthM;
    private final int[] typeOf;
    private final List<CableType> types;
    private final Map<String, Long> bom;
    private final double powerW;
    private final long transceivers;
    private final List<TooLong> tooLong;

    private CablePlan(double[] lengthM, int[] typeOf, List<CableType> types, Map<String, Long> bom, double powerW,
            long transceivers, List<TooLong> tooLong) {
        this.lengthM = lengthM;
        this.typeOf = typeOf;
        this.types = types;
        this.bom = bom;
        this.powerW = powerW;
        this.transceivers = transceivers;
        this.tooLong = tooLong;
    }

    /** Routed length of one link between nodes {@code x} and {@code y} of {@code g}, metres. */
    public static double lengthM(FabricGraph g, int x, int y, NetworkAssumptions as) {
        FabricGraph.Node p = g.node(x);
        FabricGraph.Node q = g.node(y);
        if (p.rackId() != null && p.rackId().equals(q.rackId())) {
            return as.sameRackLengthM();
        }
        boolean sameRow = p.rowId() != null && p.rowId().equals(q.rowId())
                && java.util.Objects.equals(p.hallId(), q.hallId());
        double horizontal = Math.abs(p.xM() - q.xM()) + Math.abs(p.yM() - q.yM());
        double vertical = rise(p, sameRow, as) + rise(q, sameRow, as);
        return (horizontal + vertical) * (1 + as.slackFraction());
    }

    private static double rise(FabricGraph.Node n, boolean sameRow, NetworkAssumptions as) {
        double toTop = Math.max(0, n.rackHeightM() - as.portHeightM()) + as.inRackRunM();
        return sameRow ? toTop : toTop + Math.max(0, as.trayHeightM() - n.rackHeightM());
    }

    /** Plans every bundle of {@code g}. */
    public static CablePlan plan(FabricGraph g, CatalogIndex catalog, NetworkAssumptions as) {
        List<CableType> types = new ArrayList<>(catalog.cableTypes());
        types.sort(Comparator.comparing(CableType::medium).thenComparingDouble(CableType::maxReachM)
                .thenComparing(CableType::id));
        int n = g.bundleCount();
        double[] length = new double[n];
        int[] typeOf = new int[n];
        long[][] counts = new long[types.size() + 1][STANDARD_LENGTHS_M.length + 64];
        double powerW = 0;
        long transceivers = 0;
        List<TooLong> tooLong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double len = lengthM(g, g.a(i), g.b(i), as);
            length[i] = len;
            int t = -1;
            String named = g.cableType(i);
            if (named != null) {
                for (int k = 0; k < types.size(); k++) {
                    if (types.get(k).id().equals(named)) {
                        t = k;
                    }
                }
                if (t < 0 || types.get(t).maxReachM() < len - Tolerances.EPSILON) {
                    tooLong.add(new TooLong(i, len, named));
                }
            } else {
                double speed = g.linkSpeedGbps(i);
                for (int k = 0; k < types.size() && t < 0; k++) {
                    CableType c = types.get(k);
                    if (c.maxReachM() >= len - Tolerances.EPSILON && c.speedGbps() >= speed - Tolerances.EPSILON) {
                        t = k;
                    }
                }
                if (t < 0) {
                    tooLong.add(new TooLong(i, len, null));
                }
            }
            typeOf[i] = t;
            int bin = bin(len);
            counts[t < 0 ? types.size() : t][bin] += g.count(i);
            if (t >= 0) {
                CableType c = types.get(t);
                powerW += 2 * c.powerPerEndW() * g.count(i);
                if (c.medium() == CableMedium.OPTICS_MULTIMODE || c.medium() == CableMedium.OPTICS_SINGLEMODE) {
                    transceivers += 2L * g.count(i);
                }
            }
        }
        Map<String, Long> bom = new TreeMap<>();
        for (int t = 0; t <= types.size(); t++) {
            for (int bin = 0; bin < counts[t].length; bin++) {
                if (counts[t][bin] > 0) {
                    bom.put(key(t < types.size() ? types.get(t).id() : NONE, binLengthM(bin)), counts[t][bin]);
                }
            }
        }
        return new CablePlan(length, typeOf, List.copyOf(types), bom, powerW, transceivers, List.copyOf(tooLong));
    }

    /** BOM type name of links that no catalog type serves. */
    static final String NONE = "none-reaches";

    private static String key(String type, double lengthM) {
        return type + "|" + lengthM;
    }

    static int bin(double lengthM) {
        for (int k = 0; k < STANDARD_LENGTHS_M.length; k++) {
            if (lengthM <= STANDARD_LENGTHS_M[k] + Tolerances.EPSILON) {
                return k;
            }
        }
        double last = STANDARD_LENGTHS_M[STANDARD_LENGTHS_M.length - 1];
        return STANDARD_LENGTHS_M.length + Math.min(63, (int) Math.ceil((lengthM - last) / 100.0) - 1);
    }

    static double binLengthM(int bin) {
        if (bin < STANDARD_LENGTHS_M.length) {
            return STANDARD_LENGTHS_M[bin];
        }
        return STANDARD_LENGTHS_M[STANDARD_LENGTHS_M.length - 1] + 100.0 * (bin - STANDARD_LENGTHS_M.length + 1);
    }

    public double lengthM(int bundle) {
        return lengthM[bundle];
    }

    /** The chosen (or named) cable type of a bundle, or null when none reaches. */
    public CableType type(int bundle) {
        return typeOf[bundle] < 0 ? null : types.get(typeOf[bundle]);
    }

    /** Bill of materials lines, by type then length. */
    public List<NetworkReport.CableLine> lines() {
        List<NetworkReport.CableLine> out = new ArrayList<>();
        bom.forEach((k, v) -> {
            int bar = k.lastIndexOf('|');
            out.add(new NetworkReport.CableLine(k.substring(0, bar), Double.parseDouble(k.substring(bar + 1)), v));
        });
        return out;
    }

    /** Power of all transceivers and active cable ends, W. */
    public double powerW() {
        return powerW;
    }

    /** Optical transceivers: two per optical link. */
    public long transceivers() {
        return transceivers;
    }

    public List<TooLong> tooLong() {
        return tooLong;
    }
}
