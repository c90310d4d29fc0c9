package org.aifactory.twin.ui.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Link;
import org.aifactory.twin.model.SwitchInstance;

/**
 * The network fabrics drawn as cable bundles in overhead trays, computed off the FX thread. Each
 * link bundle runs from the top of its first rack along that rack's row line (site x) to the
 * column of its other end, then across (site y) to it: the usual layout of trays over the rows
 * and cross trays between them. Bundles that share a stretch of tray are added up, so each
 * stretch is one box whose cross-section grows with the number of cables in it; a sweep over
 * the start and end of every bundle per tray line finds the stretches. A bundle of n cables is
 * drawn sqrt(n) cable diameters thick (a round bundle of that many cables; [E] packing ignored).
 */
public final class CableTrays {
    /** Diameter of one cable, m [E: a fibre or DAC cable of a 400-800 Gb/s port is roughly 3-9 mm]. */
    static final double CABLE_DIAMETER_M = 0.008;
    /** Bundles are drawn at least this thick, so that a single link still shows, m. */
    static final double MIN_THICKNESS_M = 0.04;
    /** Trays hang this far above the highest rack top, m [E: a common clearance for overhead trays]. */
    static final double CLEARANCE_M = 0.5;

    /** One stretch of tray: along site x ({@code alongX}) or y, at {@code lineM} across, from {@code fromM} to {@code toM}. */
    public record Stretch(boolean alongX, double lineM, double fromM, double toM, int cables) {}

    private final List<Stretch> stretches;
    private final double trayBottomM;

    private CableTrays(List<Stretch> stretches, double trayBottomM) {
        this.stretches = List.copyOf(stretches);
        this.trayBottomM = trayBottomM;
    }

    public List<Stretch> stretches() {
        return stretches;
    }

    /** Height of the trays' underside above the floor, m. */
    public double trayBottomM() {
        return trayBottomM;
    }

    /** The trays of every fabric of {@code facility}, its racks drawn as {@code racks}. */
    public static CableTrays of(Facility facility, BoxMeshData racks) {
        double top = 0;
        for (ItemGeometry g : racks.items()) {
            top = Math.max(top, g.heightM());
        }
        Map<String, String> rackOfSwitch = new HashMap<>();
        for (Fabric f : facility.network().fabrics()) {
            for (SwitchInstance s : f.switches()) {
                if (s.rackId() != null) {
                    rackOfSwitch.put(s.id(), s.rackId());
                }
            }
        }
        // Per tray line: the positions where bundles start (+cables) and end (-cables).
        Map<Line, List<double[]>> events = new HashMap<>();
        for (Fabric f : facility.network().fabrics()) {
            for (Link l : f.links()) {
                Optional<ItemGeometry> a = racks.geometry(rackOfSwitch.getOrDefault(l.a(), l.a()));
                Optional<ItemGeometry> b = racks.geometry(rackOfSwitch.getOrDefault(l.b(), l.b()));
                if (a.isEmpty() || b.isEmpty() || l.count() <= 0) {
                    continue;
                }
                double xa = a.get().centreX();
                double za = a.get().centreZ();
                double xb = b.get().centreX();
                double zb = b.get().centreZ();
                add(events, new Line(true, mm(za)), xa, xb, l.count());
                add(events, new Line(false, mm(xb)), za, zb, l.count());
            }
        }
        List<Stretch> out = new ArrayList<>();
        for (Map.Entry<Line, List<double[]>> e : events.entrySet()) {
            List<double[]> ev = e.getValue();
            ev.sort((p, q) -> Double.compare(p[0], q[0]));
            int cables = 0;
            double from = 0;
            for (int i = 0; i < ev.size(); i++) {
                double at = ev.get(i)[0];
                if (cables > 0 && at > from + 1e-6) {
                    out.add(new Stretch(e.getKey().alongX(), e.getKey().lineMm() / 1000.0, from, at, cables));
                }
                cables += (int) ev.get(i)[1];
                from = at;
            }
        }
        return new CableTrays(out, top + CLEARANCE_M);
    }

    private record Line(boolean alongX, long lineMm) {}

    private static long mm(double m) {
        return Math.round(m * 1000);
    }

    private static void add(Map<Line, List<double[]>> events, Line line, double a, double b, int cables) {
        if (Math.abs(a - b) < 1e-6) {
            return;
        }
        List<double[]> ev = events.computeIfAbsent(line, k -> new ArrayList<>());
        ev.add(new double[] {Math.min(a, b), cables});
        ev.add(new double[] {Math.max(a, b), -cables});
    }

    /** How thick a bundle of {@code cables} is drawn, m. */
    static double thicknessM(int cables) {
        return Math.max(MIN_THICKNESS_M, CABLE_DIAMETER_M * Math.sqrt(cables));
    }

    /** The stretches as boxes standing on y = 0 (lift the mesh by {@link #trayBottomM()}). */
    List<ItemGeometry> boxes() {
        List<ItemGeometry> out = new ArrayList<>(stretches.size());
        for (Stretch s : stretches) {
            double t = thicknessM(s.cables());
            double mid = (s.fromM() + s.toM()) / 2;
            double length = s.toM() - s.fromM() + t;
            out.add(
                    s.alongX()
                            ? new ItemGeometry("tray", mid, s.lineM(), length, t, t, 0)
                            : new ItemGeometry("tray", s.lineM(), mid, t, length, t, 0));
        }
        return out;
    }
}
