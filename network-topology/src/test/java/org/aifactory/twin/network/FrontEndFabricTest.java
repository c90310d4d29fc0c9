package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.aifactory.twin.model.FabricKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The front-end (storage and in-band) Ethernet fabric of GB300 NVL72 racks, generated from racks
 * only. Each rack: 72 GPUs / 4 per compute tray = 18 trays x 2 x 400GbE = 36 ports (NVL72 Enterprise
 * RA), 14.4 Tb/s. SN5600: 64 x 800G broken out to 128 x 400G; non-blocking leaves give 64 ports to
 * hosts and 64 up. Dual-homed: a rack's ports split over a leaf pair, 18 to each, so a pair takes
 * floor(64 / 18) = 3 racks.
 */
class FrontEndFabricTest {

    private static Facility frontEnd(int racks, int tiers) {
        return TestFabrics.facility(
                "gb300-nvl72",
                racks,
                TestFabrics.spec(TopologyType.FAT_TREE, tiers, 1.0, "spectrum-x-sn5600"),
                Catalog.EMPTY,
                FabricKind.FRONTEND_ETHERNET);
    }

    /** 1 SU (8 racks): pairs of 3, 3, 2 racks = 6 leaves; spines: smallest divisor d of 64 with d x 128 >= 6 x 64: 4. */
    @Test
    void oneScalableUnitTwoTiers() {
        FabricSolver.Solved s = TestFabrics.solve(frontEnd(8, 2), Catalog.EMPTY);

        assertThat(s.summary().injectionTbps()).isCloseTo(8 * 36 * 0.4, within(1e-9));
        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(6);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(4);
        // each rack: two bundles of 18 x 400G on two different leaves
        FabricGraph g = s.graph();
        for (int e : g.endpoints()) {
            Set<Integer> leaves = new HashSet<>();
            int links = 0;
            for (int b : g.bundlesOf(e)) {
                assertThat(g.count(b)).isEqualTo(18);
                assertThat(g.linkSpeedGbps(b)).isEqualTo(400.0);
                leaves.add(g.b(b));
                links += g.count(b);
            }
            assertThat(leaves).hasSize(2);
            assertThat(links).isEqualTo(36);
        }
        // leaves: 54 x 400G down, 64 x 400G up: 0.84:1; bisection = half the injection
        assertThat(s.summary().oversubscription()).isCloseTo(54.0 / 64, within(1e-9));
        assertThat(s.summary().bisectionTbps()).isCloseTo(8 * 36 * 0.4 / 2, within(1e-9));
        assertThat(s.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * 192 racks, three tiers: 64 leaf pairs = 128 leaves; pods of at most 128 / 2 = 64 leaves = 2
     * pods; per pod the smallest divisor d of 64 with d x 64 >= 64 x 64: 64 spines; every spine sends
     * its 64 downlinks' worth up: 128 x 64 = 8,192 uplinks on 128-port cores = 64 cores. Non-blocking:
     * bisection = half of 192 x 14.4 Tb/s.
     */
    @Test
    void largeFrontEndBuildsThreeTiers() {
        FabricSolver.Solved s = TestFabrics.solve(frontEnd(192, 3), Catalog.EMPTY);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(128);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(128);
        assertThat(TestFabrics.switchesOfTier(s, 3)).isEqualTo(64);
        assertThat(s.summary().maxHops()).isEqualTo(5);
        assertThat(s.summary().bisectionTbps()).isCloseTo(192 * 36 * 0.4 / 2, within(1e-6));
        assertThat(s.summary().oversubscription()).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(s.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** A two-tier spec too large for two tiers (402 racks = 134 pairs = 268 leaves > 128 spine ports) gets a third tier. */
    @Test
    void tooLargeForTwoTiersRaisesToThree() {
        FabricSolver.Solved s = TestFabrics.solve(frontEnd(402, 2), Catalog.EMPTY);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(268);
        assertThat(TestFabrics.switchesOfTier(s, 3)).isPositive();
        assertThat(s.findings()).anyMatch(f -> f.code().equals("NETWORK_TIERS_RAISED"));
        assertThat(s.summary().bisectionTbps()).isCloseTo(402 * 36 * 0.4 / 2, within(1e-6));
    }
}
