package org.aifactory.twin.thermal.hydraulics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NewtonNetworkSolverTest {
    /** Kirchhoff at every node, relative to the flow scale (issue 3). */
    private static final double KIRCHHOFF_TOLERANCE = 1e-9;

    private final NewtonNetworkSolver solver = new NewtonNetworkSolver();

    private static void assertKirchhoff(HydraulicNetwork net, HydraulicSolution s, double flowScale) {
        double[] imbalance = net.nodeImbalance(s.flows());
        for (int i = 0; i < imbalance.length; i++) {
            assertThat(Math.abs(imbalance[i]) / flowScale)
                    .as("node %d imbalance", i)
                    .isLessThanOrEqualTo(KIRCHHOFF_TOLERANCE);
        }
    }

    /**
     * A pump against one resistance. Pump head H(Q) = 300 − 20·Q² (kPa, Q in L/s), resistance
     * 10·Q²: 300 − 20Q² = 10Q² gives Q = √(300/30) = √10 = 3.1623 L/s at 100 kPa.
     */
    @Test
    void pumpMeetsSystemCurveWhereHeadEqualsDrop() {
        HydraulicNetwork.Builder b = HydraulicNetwork.builder(2).reference(0);
        int pump = b.edge(0, 1, new PumpLaw(300, 20, 1));
        int pipe = b.edge(1, 0, new QuadraticLaw(10, 0));
        HydraulicNetwork net = b.build();
        HydraulicSolution s = solver.solve(net, new double[] {1, 1});
        assertThat(s.flow(pump)).isCloseTo(Math.sqrt(10), within(1e-9));
        assertThat(s.flow(pipe)).isCloseTo(Math.sqrt(10), within(1e-9));
        assertThat(s.potential(1)).isCloseTo(100, within(1e-7));
        assertKirchhoff(net, s, Math.sqrt(10));
    }

    /**
     * Pump N-1: the curve above, H = 300 − 20·Q², is a set of 3 identical parallel pumps; 2 left
     * have a = 20 × (3/2)² = 45. At 120 kPa the set gives √(180/20) = 3 L/s, the two √(180/45) = 2
     * L/s (2/3 of it); against the same 10·Q² resistance, 300 − 45Q² = 10Q² gives Q = √(300/55) =
     * 2.3355 L/s.
     */
    @Test
    void twoOfThreeParallelPumpsGiveTwoThirdsOfTheFlowAtTheSameHead() {
        PumpLaw set = new PumpLaw(300, 20, 1);
        PumpLaw two = set.withRunning(2, 3);
        assertThat(two.a()).isCloseTo(45, within(1e-12));
        assertThat(two.head(2)).isCloseTo(set.head(3), within(1e-12));
        HydraulicNetwork.Builder b = HydraulicNetwork.builder(2).reference(0);
        int pump = b.edge(0, 1, two);
        b.edge(1, 0, new QuadraticLaw(10, 0));
        HydraulicNetwork net = b.build();
        HydraulicSolution s = solver.solve(net, new double[] {1, 1});
        assertThat(s.flow(pump)).isCloseTo(Math.sqrt(300.0 / 55), within(1e-9));
        assertKirchhoff(net, s, s.flow(pump));
    }

    /**
     * A pump feeding two identical branches (k = 10 each) through a common header (k = 2): by
     * symmetry each branch carries half. Hand check: with Q total, the branch drop is
     * 10·(Q/2)² = 2.5Q², so 300 − 20Q² = 2Q² + 2.5Q² and Q = √(300/24.5) = 3.4993, 1.7496 per branch.
     */
    @Test
    void symmetricTwoBranchLoopSplitsEvenly() {
        HydraulicNetwork.Builder b = HydraulicNetwork.builder(3).reference(0);
        int pump = b.edge(0, 1, new PumpLaw(300, 20, 1));
        b.edge(1, 2, new QuadraticLaw(2, 0));
        int left = b.edge(2, 0, new QuadraticLaw(10, 0));
        int right = b.edge(2, 0, new QuadraticLaw(10, 0));
        HydraulicNetwork net = b.build();
        // deliberately lopsided guess
        HydraulicSolution s = solver.solve(net, new double[] {1, 1, 0.9, 0.1});
        double q = Math.sqrt(300 / 24.5);
        assertThat(s.flow(pump)).isCloseTo(q, within(1e-9));
        assertThat(s.flow(left)).isCloseTo(q / 2, within(1e-9));
        assertThat(s.flow(right)).isCloseTo(s.flow(left), within(1e-12));
        assertKirchhoff(net, s, q);
    }

    /**
     * The three-loop, ten-pipe network of E. Maurer, "Hydraulics and Water Resources: Examples
     * Using R" / R package {@code hydraulics} vignette §7.0 (Hardy-Cross method), fixed friction
     * factors, h_f = K·Q² with the published K per pipe. Nodes reconstructed from its clockwise
     * loop lists {1,2,3,4,5}, {4,6,7,8}, {3,9,10,6}: 0.08 m³/s enters at node 0 and leaves 0.04 at
     * node 3, 0.02 at node 6 and 0.02 at node 7 (the demands its initial flows imply).
     * Published flows after its Hardy-Cross iterations, 4 decimals (m³/s, sign as in the first
     * loop listing the pipe): 0.0383, 0.0383, 0.0232, -0.0258, -0.0417, 0.0090, 0.0041, -0.0159,
     * 0.0151, -0.0049. Hardy-Cross stops when the mean correction is under 1 % of the mean flow,
     * so the published values carry up to ~3e-4 m³/s of iteration error on top of rounding.
     */
    @Test
    void textbookThreeLoopNetworkMatchesPublishedFlows() {
        double[] k = {
            159.7828, 535.9666, 669.9582, 669.9582, 535.9666, 2430.5356, 207.7883, 2430.5356, 2430.5356, 207.7883
        };
        int[][] ends = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {3, 5}, {5, 6}, {6, 4}, {2, 7}, {7, 5}};
        HydraulicNetwork.Builder b = HydraulicNetwork.builder(8).reference(0);
        for (int e = 0; e < 10; e++) {
            b.edge(ends[e][0], ends[e][1], new QuadraticLaw(k[e], 0));
        }
        b.inject(0, 0.08).inject(3, -0.04).inject(6, -0.02).inject(7, -0.02);
        HydraulicNetwork net = b.build();
        HydraulicSolution s =
                solver.solve(net, new double[] {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01});
        double[] published = {0.0383, 0.0383, 0.0232, -0.0258, -0.0417, 0.0090, 0.0041, -0.0159, 0.0151, -0.0049};
        for (int e = 0; e < 10; e++) {
            assertThat(s.flow(e)).as("pipe %d", e + 1).isCloseTo(published[e], within(3e-4));
        }
        assertKirchhoff(net, s, 0.08);
        // energy: the head loss around each loop closes (loop 1: pipes 1..5 in order)
        double loop1 = 0;
        for (int e = 0; e < 5; e++) {
            loop1 += k[e] * s.flow(e) * Math.abs(s.flow(e));
        }
        assertThat(loop1).isCloseTo(0, within(1e-9));
    }

    @Test
    void disconnectedNetworkIsReported() {
        HydraulicNetwork.Builder b = HydraulicNetwork.builder(4).reference(0);
        b.edge(0, 1, new QuadraticLaw(1, 0.1));
        b.edge(2, 3, new QuadraticLaw(1, 0.1));
        HydraulicNetwork net = b.build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> solver.solve(net, new double[] {0, 0}))
                .isInstanceOf(HydraulicSolverException.class)
                .hasMessageContaining("not connected");
    }

    /** Swamee-Jain against a Colebrook value: Re 1e5, ε/D 1e-4 gives f = 0.0185 (Moody chart). */
    @Test
    void frictionFactorMatchesColebrookAndLaminarLimit() {
        assertThat(FrictionFactor.darcy(1e5, 1e-4)).isCloseTo(0.0185, within(0.0004));
        assertThat(FrictionFactor.darcy(1000, 1e-4)).isCloseTo(0.064, within(1e-12));
    }
}
