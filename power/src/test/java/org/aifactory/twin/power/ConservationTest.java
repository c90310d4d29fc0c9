package org.aifactory.twin.power;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** Power in = power out + losses at every node, to 1e-9 relative, in every mode and after failures. */
class ConservationTest {

    private static void checkAllModes(Facility f) {
        for (PowerOptions options :
                List.of(PowerOptions.DEFAULT, PowerOptions.of(LoadMode.MAX), PowerOptions.capped(0.8))) {
            PowerGraph g = new PowerGraph(f, Chains.CATALOG, options);
            Conservation.check(g, LoadFlow.solve(g));
        }
    }

    @Test
    void everySampleConservesPowerAtEveryNode() {
        for (Samples s : Samples.all()) {
            checkAllModes(s.load());
        }
    }

    @Test
    void everySampleConservesPowerAfterEachSingleNodeFailure() {
        for (Samples s : List.of(Samples.LAB, Samples.SCALABLE_UNIT)) {
            PowerGraph g = Chains.graph(s.load());
            for (int i = 0; i < g.nodeCount; i++) {
                Conservation.check(g, LoadFlow.solve(g, i));
            }
        }
    }

    @Property(tries = 8, seed = "20250604")
    void generatedCampusesConservePower(@ForAll @IntRange(min = 1, max = 1_200) int gpuRacks) {
        checkAllModes(new FacilityGenerator(CatalogIo.builtIn()).campus(gpuRacks));
    }

    @Property(tries = 200, seed = "42")
    void randomChainsConservePowerWithAndWithoutFailures(@ForAll long seed) {
        PowerGraph g = Chains.graph(RandomChains.facility(seed));
        Conservation.check(g, LoadFlow.solve(g));
        for (int i = 0; i < g.nodeCount; i++) {
            Conservation.check(g, LoadFlow.solve(g, i));
        }
    }
}
