package org.aifactory.twin.power;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the power balance of a solved state, independently of the solver's own bookkeeping. */
final class Conservation {
    private Conservation() {}

    /** Relative tolerance of every balance: 1e-9 (issue 4). */
    static final double RELATIVE = 1e-9;

    static void check(PowerGraph g, FlowState s) {
        check(g, s, s.outputKw);
    }

    /**
     * At every node: input = output + losses; output = what its racks and children draw from it
     * (recomputed here from the rack loads and the children's inputs); and over the whole chain:
     * source demand = IT + losses.
     */
    static void check(PowerGraph g, FlowState s, double[] outputs) {
        double[] drawn = new double[g.nodeCount];
        double it = 0;
        for (int r = 0; r < g.rackCount; r++) {
            int live = 0;
            for (int f : g.rackFeeds[r]) {
                live += s.nodeLive[f] ? 1 : 0;
            }
            assertThat(s.rackPowered[r]).as("rack %s powered", g.rackIds[r]).isEqualTo(live > 0);
            if (live == 0) {
                continue;
            }
            it += g.rackLoadKw[r];
            for (int f : g.rackFeeds[r]) {
                if (s.nodeLive[f]) {
                    drawn[f] += g.rackLoadKw[r] / live;
                }
            }
        }
        double losses = 0;
        double demand = 0;
        for (int i = 0; i < g.nodeCount; i++) {
            if (!s.nodeLive[i]) {
                assertThat(outputs[i]).as("dead node %s output", g.nodeIds[i]).isZero();
                continue;
            }
            assertClose("input = output + losses at " + g.nodeIds[i], s.inputKw[i], outputs[i] + s.lossKw[i]);
            assertThat(s.lossKw[i]).as("losses at %s", g.nodeIds[i]).isGreaterThanOrEqualTo(0);
            losses += s.lossKw[i];
            if (g.isSource(i)) {
                demand += s.inputKw[i];
                continue;
            }
            boolean primary = LoadFlow.hasLivePrimary(g, i, s.nodeLive);
            int active = 0;
            for (int k = 0; k < g.inputs[i].length; k++) {
                active += LoadFlow.isActive(g, i, k, primary, s.nodeLive) ? 1 : 0;
            }
            for (int k = 0; k < g.inputs[i].length; k++) {
                if (LoadFlow.isActive(g, i, k, primary, s.nodeLive)) {
                    drawn[g.inputs[i][k]] += s.inputKw[i] / active;
                }
            }
        }
        for (int i = 0; i < g.nodeCount; i++) {
            if (s.nodeLive[i]) {
                assertClose("output = sum drawn at " + g.nodeIds[i], outputs[i], drawn[i]);
            }
        }
        assertClose("IT power", s.itPowerKw, it);
        assertClose("losses", s.lossesKw, losses);
        assertClose("source demand = IT + losses", demand, it + losses);
        assertClose("source demand", s.sourceDemandKw, demand);
    }

    static void assertClose(String what, double actual, double expected) {
        double tolerance = RELATIVE * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-12;
        assertThat(Math.abs(actual - expected))
                .as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
