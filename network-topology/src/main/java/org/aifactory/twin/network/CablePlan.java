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
    static final double[] STANDARD_LENGTHS_M = {
        0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 15, 20, 25, 30, 40, 50, 70, 100, 150, 200, 300, 500, 1000, 1500, 2000
    };

    /** A bundle that no cable type reaches (or whose named type does not). */
    public record TooLong(int bundle, double lengthM, String cableType) {}

    private final double[] lengthM;
    private final int[] typeOf;
    private final List<CableType> types;
    private final Map<String, Long> bom;
    private final double powerW;
    private final long transceivers;
    private final List<NetworkReport.TransceiverLine> modules;
    private final List<TooLong> tooLong;

    private CablePlan(
            double[] lengthM,
            int[] typeOf,
            List<CableType> types,
            Map<String, Long> bom,
            double powerW,
            long transceivers,
            List<NetworkReport.TransceiverLine> modules,
            List<TooLong> tooLong) {
        this.lengthM = lengthM;
        this.typeOf = typeOf;
        this.types = types;
        this.bom = bom;
        this.powerW = powerW;
        this.transceivers = transceivers;
        this.modules = modules;
        this.tooLong = tooLong;
    }

    /** Routed length of one link between nodes {@code x} and {@code y} of {@code g}, metres. */
    public static double lengthM(FabricGraph g, int x, int y, NetworkAssumptions as) {
        FabricGraph.Node p = g.node(x);
        FabricGraph.Node q = g.node(y);
        if (p.rackId() != null && p.rackId().equals(q.rackId())) {
            return as.sameRackLengthM();
        }
        boolean sameRow =
                p.rowId() != null && p.rowId().equals(q.rowId()) && java.util.Objects.equals(p.hallId(), q.hallId());
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
        types.sort(Comparator.comparing(CableType::medium)
                .thenComparingDouble(CableType::maxReachM)
                .thenComparing(CableType::id));
        int n = g.bundleCount();
        double[] length = new double[n];
        int[] typeOf = new int[n];
        long[][] counts = new long[types.size() + 1][STANDARD_LENGTHS_M.length + 64];
        double powerW = 0;
        long transceivers = 0;
        List<TooLong> tooLong = new ArrayList<>();
        // per (switch node, type): optical links ending there, and the power of a twin-port module for them
        long[] switchLinks = new long[g.nodeCount() * Math.max(1, types.size())];
        double[] switchModuleW = new double[switchLinks.length];
        long[] singlePort = new long[types.size()];
        double[] singlePortW = new double[types.size()];
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
                    if (c.maxReachM() >= len - Tolerances.EPSILON
                            && c.speedGbps() >= speed - Tolerances.EPSILON
                            && servesLaneRate(c, speed)) {
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
                double speed = g.linkSpeedGbps(i);
                if (isOptics(c)) {
                    for (int side = 0; side < 2; side++) {
                        int end = side == 0 ? g.a(i) : g.b(i);
                        if (g.node(end).role() == FabricGraph.Role.SWITCH) {
                            int k = end * types.size() + t;
                            switchLinks[k] += g.count(i);
                            switchModuleW[k] = Math.max(switchModuleW[k], twinPortW(c, speed));
                        } else {
                            singlePort[t] += g.count(i);
                            singlePortW[t] += singlePortW(c, speed) * g.count(i);
                        }
                    }
                } else {
                    powerW += 2 * c.powerPerEndW() * g.count(i);
                }
            }
        }
        long[] twin = new long[types.size()];
        double[] twinW = new double[types.size()];
        for (int k = 0; k < switchLinks.length; k++) {
            if (switchLinks[k] > 0) {
                int t = k % types.size();
                long modules = (switchLinks[k] + LINKS_PER_TWIN_PORT - 1) / LINKS_PER_TWIN_PORT;
                twin[t] += modules;
                twinW[t] += modules * switchModuleW[k];
            }
        }
        List<NetworkReport.TransceiverLine> modules = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            if (twin[t] > 0) {
                modules.add(new NetworkReport.TransceiverLine(types.get(t).id(), SWITCH_END, twin[t], twinW[t] / 1000));
                transceivers += twin[t];
                powerW += twinW[t];
            }
            if (singlePort[t] > 0) {
                modules.add(new NetworkReport.TransceiverLine(
                        types.get(t).id(), NIC_END, singlePort[t], singlePortW[t] / 1000));
                transceivers += singlePort[t];
                powerW += singlePortW[t];
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
        return new CablePlan(
                length,
                typeOf,
                List.copyOf(types),
                bom,
                powerW,
                transceivers,
                List.copyOf(modules),
                List.copyOf(tooLong));
    }

    /** Links one switch-side twin-port OSFP module carries: two cages' worth of ports in one plug [P] (ref §4). */
    static final int LINKS_PER_TWIN_PORT = 2;
    /** {@link NetworkReport.TransceiverLine#end()} of switch-side twin-port modules. */
    static final String SWITCH_END = "switch-twin-port";
    /** {@link NetworkReport.TransceiverLine#end()} of NIC-side single-port modules. */
    static final String NIC_END = "nic-single-port";

    static boolean isOptics(CableType c) {
        return c.medium() == CableMedium.OPTICS_MULTIMODE || c.medium() == CableMedium.OPTICS_SINGLEMODE;
    }

    /**
     * Links faster than 400 Gb/s run 200G-PAM4 lanes (XDR InfiniBand, 800GbE), for which NVIDIA
     * offers only linear active copper and single-mode optics: no passive DAC (too short at
     * 200G-PAM4), no AOC, no multimode [P] (docs.nvidia.com "800Gb/s XDR twin-port OSFP and OSFP
     * transceivers ... based on 200G-PAM4").
     */
    static boolean servesLaneRate(CableType c, double linkSpeedGbps) {
        if (linkSpeedGbps <= 400 + Tolerances.EPSILON) {
            return true;
        }
        return c.medium() == CableMedium.ACC || c.medium() == CableMedium.OPTICS_SINGLEMODE;
    }

    /**
     * Power of one switch-side twin-port module carrying two links of {@code linkSpeedGbps}: the
     * catalog figure is the twin-port module's ({@code speedGbps} in all, e.g. 2 x 400G SR8 15 W,
     * DR8 17 W [P]); for faster links (2 x 800G "1.6T" modules on XDR) the same energy per bit [E].
     */
    static double twinPortW(CableType c, double linkSpeedGbps) {
        return c.powerPerEndW() * Math.max(1.0, LINKS_PER_TWIN_PORT * linkSpeedGbps / c.speedGbps());
    }

    /**
     * Power of one NIC-side single-port module of {@code linkSpeedGbps}: the twin-port module's
     * energy per bit [D]. Check: DR8 17 W / 2 = 8.5 W per 400G port against the 400G single-port DR4
     * module's 9 W maximum [P] (docs.nvidia.com MMS4X00-NS400).
     */
    static double singlePortW(CableType c, double linkSpeedGbps) {
        return c.powerPerEndW() * linkSpeedGbps / c.speedGbps();
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

    /** Optical transceivers: twin-port modules at switch ends, single-port modules at NIC ends. */
    public long transceivers() {
        return transceivers;
    }

    /** Transceivers by type and end, with their power. */
    public List<NetworkReport.TransceiverLine> transceiverLines() {
        return modules;
    }

    public List<TooLong> tooLong() {
        return tooLong;
    }
}
