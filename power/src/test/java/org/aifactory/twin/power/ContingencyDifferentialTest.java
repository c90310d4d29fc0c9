package org.aifactory.twin.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** The incremental N-1 solver agrees with a full re-solve per failure. */
class ContingencyDifferentialTest {

    private static void assertSame(Facility f, PowerOptions options) {
        PowerGraph g = new PowerGraph(f, Chains.CATALOG, options);
        FlowState base = LoadFlow.solve(g);
        List<ContingencyOutcome> fast = new IncrementalContingencySolver().solveAll(g, base);
        List<ContingencyOutcome> slow = new NaiveContingencySolver().solveAll(g, base);
        assertThat(fast).hasSameSizeAs(slow);
        for (int k = 0; k < fast.size(); k++) {
            ContingencyOutcome a = fast.get(k);
            ContingencyOutcome b = slow.get(k);
            String failed = a.failure().elementId(g);
            assertThat(a.failure()).isEqualTo(b.failure());
            assertThat(a.unpoweredRacks()).as("unpowered after %s", failed).containsExactly(b.unpoweredRacks());
            assertThat(a.overloadedNodes())
                    .as("overloaded nodes after %s", failed)
                    .containsExactly(b.overloadedNodes());
            assertThat(a.overloadedRacks())
                    .as("overloaded racks after %s", failed)
                    .containsExactly(b.overloadedRacks());
            Conservation.assertClose("lost load after " + failed, a.lostLoadKw(), b.lostLoadKw());
            // sums of deltas against a fresh sum: relative to the baseline demand
            double scale = Conservation.RELATIVE * base.sourceDemandKw + 1e-12;
            assertThat(Math.abs(a.sourceDemandKw() - b.sourceDemandKw()))
                    .as("demand after %s", failed)
                    .isLessThanOrEqualTo(scale);
            assertThat(Math.abs(a.lossesKw() - b.lossesKw()))
                    .as("losses after %s", failed)
                    .isLessThanOrEqualTo(scale);
            if (a.failure().type() == Failure.Type.NODE) {
                double[] incremental = IncrementalContingencySolver.outputsAfter(
                        g, base, a.failure().index());
                FlowState full = LoadFlow.solve(g, a.failure().index());
                for (int i = 0; i < g.nodeCount; i++) {
                    assertThat(Math.abs(incremental[i] - full.outputKw[i]))
                            .as("output of %s after %s", g.nodeIds[i], failed)
                            .isLessThanOrEqualTo(scale);
                }
                Conservation.check(g, full, incremental);
            }
        }
    }

    @Property(tries = 300, seed = "7")
    void incrementalEqualsFullResolveOnRandomChains(@ForAll long seed) {
        Facility f = RandomChains.facility(seed);
        assertSame(f, PowerOptions.DEFAULT);
        assertSame(f, PowerOptions.of(LoadMode.MAX));
    }

    @Test
    void incrementalEqualsFullResolveOnTheSamples() {
        for (Samples s : Samples.all()) {
            assertSame(s.load(), PowerOptions.DEFAULT);
            assertSame(s.load(), PowerOptions.of(LoadMode.MAX));
        }
    }
}
