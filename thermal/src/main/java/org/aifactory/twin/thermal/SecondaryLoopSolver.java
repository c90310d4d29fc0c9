package org.aifactory.twin.thermal;

import static org.aifactory.twin.thermal.ThermalAssumptions.BRANCH_LENGTH_M;
import static org.aifactory.twin.thermal.ThermalAssumptions.BRANCH_VELOCITY_M_PER_S;
import static org.aifactory.twin.thermal.ThermalAssumptions.CDU_CONNECTION_LENGTH_M;
import static org.aifactory.twin.thermal.ThermalAssumptions.FITTINGS_LENGTH_FACTOR;
import static org.aifactory.twin.thermal.ThermalAssumptions.PIPE_ROUGHNESS_M;
import static org.aifactory.twin.thermal.ThermalAssumptions.PUMP_MIN_SPEED_FRACTION;
import static org.aifactory.twin.thermal.ThermalAssumptions.RACK_DESIGN_PRESSURE_DROP_KPA;
import static org.aifactory.twin.thermal.ThermalAssumptions.RACK_LINEAR_DROP_SHARE;

import java.util.Comparator;
import java.util.List;
import org.aifactory.twin.thermal.hydraulics.EdgeLaw;
import org.aifactory.twin.thermal.hydraulics.HydraulicNetwork;
import org.aifactory.twin.thermal.hydraulics.HydraulicSolution;
import org.aifactory.twin.thermal.hydraulics.NewtonNetworkSolver;
import org.aifactory.twin.thermal.hydraulics.PipeLaw;
import org.aifactory.twin.thermal.hydraulics.PumpLaw;
import org.aifactory.twin.thermal.hydraulics.QuadraticLaw;

/**
 * One secondary loop as a hydraulic ladder: the CDU pump lifts coolant from the return header's
 * end (node R0, the reference: the expansion tank) to the supply header's start (S0); the supply
 * header runs from rack to rack in order of Manhattan distance from the CDU, each rack's branch
 * (hoses + manifold + cold plates) joins it to the return header, which runs back beside it
 * (direct return).
 * <pre>
 *   S0 ──seg── S1 ──seg── S2 ── … ── Sn        supply header
 *   ▲pump      │rack 1    │rack 2       │rack n
 *   R0 ──seg── R1 ──seg── R2 ── … ── Rn        return header
 * </pre>
 * Segment lengths are the Manhattan distances between consecutive racks (the CDU first) times
 * {@value ThermalAssumptions#FITTINGS_LENGTH_FACTOR} for fittings; the first adds
 * {@value ThermalAssumptions#CDU_CONNECTION_LENGTH_M} m. Pump speed is controlled so the index
 * (worst-supplied) rack gets exactly its required flow, as a variable-speed CDU does with its
 * differential-pressure setpoint tuned to the index circuit [E]; if full speed is not enough the
 * loop runs at full speed and the racks short of flow are starved.
 */
final class SecondaryLoopSolver {
    private static final int SPEED_ITERATIONS = 12;
    private static final double SPEED_TOLERANCE = 1e-4;

    private final NewtonNetworkSolver newton = new NewtonNetworkSolver();

    /**
     * One rack on the loop.
     *
     * @param designFlowM3s the OCP design flow of its maximum liquid heat: sizes its branch hoses
     * @param coldPlateFlowM3s with {@code coldPlateDropPa}: one point of its manifold + cold-plate
     *     curve (catalog coldPlateFlowLpm/coldPlateDropKpa, or the default: the design flow at
     *     {@value ThermalAssumptions#RACK_DESIGN_PRESSURE_DROP_KPA} kPa)
     */
    record RackOnLoop(
            String id,
            double xM,
            double yM,
            double requiredFlowM3s,
            double designFlowM3s,
            double coldPlateFlowM3s,
            double coldPlateDropPa) {

        /** A rack with the default cold-plate curve: {@value ThermalAssumptions#RACK_DESIGN_PRESSURE_DROP_KPA} kPa at its design flow. */
        RackOnLoop(String id, double xM, double yM, double requiredFlowM3s, double designFlowM3s) {
            this(id, xM, yM, requiredFlowM3s, designFlowM3s, designFlowM3s, RACK_DESIGN_PRESSURE_DROP_KPA * 1000);
        }
    }

    /**
     * @param rackFlowM3s per rack, in the order given
     * @param rackDropPa per rack, header tee to header tee
     * @param pipeVolumeM3 coolant in headers and branches
     */
    record Outcome(
            double[] rackFlowM3s,
            double[] rackDropPa,
            double pumpFlowM3s,
            double pumpHeadPa,
            double speedFraction,
            int newtonIterations,
            double maxNodeImbalanceRelative,
            double pipeVolumeM3) {}

    Outcome solve(
            double cduXM,
            double cduYM,
            PumpLaw fullSpeedPump,
            double headerDiameterM,
            List<RackOnLoop> racks,
            double densityKgPerM3,
            double viscosityPaS) {
        int n = racks.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                Comparator.<Integer>comparingDouble(i -> manhattan(cduXM, cduYM, racks.get(i)))
                        .thenComparing(i -> racks.get(i).id()));
        HydraulicNetwork.Builder b = HydraulicNetwork.builder(2 * n + 2).reference(1);
        int pumpEdge = b.edge(1, 0, fullSpeedPump);
        int[] rackEdge = new int[n];
        double volume = 0;
        double px = cduXM;
        double py = cduYM;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += racks.get(i).requiredFlowM3s();
        }
        double[] init = new double[3 * n + 1];
        init[pumpEdge] = total;
        double downstream = total;
        for (int k = 0; k < n; k++) {
            RackOnLoop r = racks.get(order[k]);
            double len = FITTINGS_LENGTH_FACTOR * (Math.abs(r.xM() - px) + Math.abs(r.yM() - py))
                    + (k == 0 ? CDU_CONNECTION_LENGTH_M : 0);
            PipeLaw header = new PipeLaw(len, headerDiameterM, PIPE_ROUGHNESS_M, densityKgPerM3, viscosityPaS);
            int s = b.edge(2 * k, 2 * k + 2, header);
            int ret = b.edge(2 * k + 3, 2 * k + 1, header);
            double branchD = Math.sqrt(4 * r.designFlowM3s() / (Math.PI * BRANCH_VELOCITY_M_PER_S));
            PipeLaw hoses = new PipeLaw(BRANCH_LENGTH_M, branchD, PIPE_ROUGHNESS_M, densityKgPerM3, viscosityPaS);
            EdgeLaw coldPlates =
                    QuadraticLaw.through(r.coldPlateFlowM3s(), r.coldPlateDropPa(), RACK_LINEAR_DROP_SHARE);
            rackEdge[order[k]] = b.edge(2 * k + 2, 2 * k + 3, EdgeLaw.series(hoses, coldPlates));
            init[s] = downstream;
            init[ret] = downstream;
            init[rackEdge[order[k]]] = r.requiredFlowM3s();
            downstream -= r.requiredFlowM3s();
            volume += 2 * header.areaM2() * len + hoses.areaM2() * BRANCH_LENGTH_M;
            px = r.xM();
            py = r.yM();
        }
        HydraulicNetwork net = b.build();
        double speed = 1;
        HydraulicSolution sol = newton.solve(net, init);
        int iterations = sol.iterations();
        double ratio = minRatio(sol, rackEdge, racks);
        // Speed control: flows scale almost linearly with speed (exactly, were every law quadratic),
        // so s <- s / ratio converges in a few warm-started solves. Full speed caps it.
        for (int k = 0; k < SPEED_ITERATIONS && Math.abs(ratio - 1) > SPEED_TOLERANCE; k++) {
            double next = Math.min(1, Math.max(PUMP_MIN_SPEED_FRACTION, speed / ratio));
            if (next == speed) {
                break;
            }
            double scale = next / speed;
            speed = next;
            double[] guess = sol.flows().clone();
            for (int e = 0; e < guess.length; e++) {
                guess[e] *= scale;
            }
            sol = newton.solve(net.withLaw(pumpEdge, fullSpeedPump.atSpeed(speed)), guess);
            iterations += sol.iterations();
            ratio = minRatio(sol, rackEdge, racks);
        }
        double[] flows = new double[n];
        double[] drops = new double[n];
        for (int i = 0; i < n; i++) {
            int e = rackEdge[i];
            flows[i] = sol.flow(e);
            drops[i] = sol.potential(net.from(e)) - sol.potential(net.to(e));
        }
        double q = sol.flow(pumpEdge);
        double head = sol.potential(0) - sol.potential(1);
        return new Outcome(flows, drops, q, head, speed, iterations, sol.maxNodeImbalanceRelative(), volume);
    }

    private static double minRatio(HydraulicSolution sol, int[] rackEdge, List<RackOnLoop> racks) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rackEdge.length; i++) {
            m = Math.min(m, sol.flow(rackEdge[i]) / racks.get(i).requiredFlowM3s());
        }
        return m;
    }

    private static double manhattan(double x, double y, RackOnLoop r) {
        return Math.abs(r.xM() - x) + Math.abs(r.yM() - y);
    }
}
