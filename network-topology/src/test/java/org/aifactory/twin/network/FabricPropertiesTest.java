package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.aifactory.twin.model.FabricKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.Catalog;

/**
 * Invariants of every generated fabric, over random sizes, radices, NIC counts, tiers, topology
 * types and oversubscriptions (fixed seed): links join existing nodes, no port is used twice, no
 * node uses more ports than it has, flows respect capacities and failures never add bandwidth.
 */
class FabricPropertiesTest {

    private static final int[] RADIX = {8, 16, 32, 64, 144};
    private static final int[] NICS = {1, 2, 4, 8};
    private static final FabricKind[] KINDS = {
        FabricKind.COMPUTE_INFINIBAND, FabricKind.COMPUTE_ETHERNET, FabricKind.FRONTEND_ETHERNET
    };

    @Property(tries = 60, seed = "20261122")
    void generatedLinksJoinExistingPortsAndNoPortIsUsedTwice(
            @ForAll @IntRange(min = 1, max = 400) int racks,
            @ForAll @IntRange(min = 0, max = 4) int radixIndex,
            @ForAll @IntRange(min = 0, max = 3) int nicIndex,
            @ForAll @IntRange(min = 1, max = 3) int tiers,
            @ForAll boolean rail,
            @ForAll @IntRange(min = 1, max = 3) int oversubscription,
            @ForAll @IntRange(min = 0, max = 2) int kindIndex) {
        int radix = RADIX[radixIndex];
        FabricKind kind = KINDS[kindIndex];
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("n", NICS[nicIndex], NICS[nicIndex], 400)),
                List.of(TestFabrics.switchOf("sw", radix, kind == FabricKind.FRONTEND_ETHERNET ? 800 : 400)));
        Facility f = TestFabrics.facility(
                "n",
                racks,
                TestFabrics.spec(
                        rail ? TopologyType.RAIL_OPTIMIZED : TopologyType.FAT_TREE, tiers, oversubscription, "sw"),
                local,
                kind);

        FabricSolver.Solved s = TestFabrics.solve(f, local);
        FabricGraph g = s.graph();

        PortPlan ports = PortPlan.assign(g);
        Set<Long> taken = new HashSet<>();
        for (int b = 0; b < g.bundleCount(); b++) {
            int x = g.a(b);
            int y = g.b(b);
            assertThat(x).isBetween(0, g.nodeCount() - 1);
            assertThat(y).isBetween(0, g.nodeCount() - 1);
            assertThat(x).isNotEqualTo(y);
            assertThat(g.node(x).tier()).isLessThanOrEqualTo(g.node(y).tier());
            assertThat(g.count(b)).isPositive();
            for (int k = 0; k < g.count(b); k++) {
                int pa = ports.firstPortA(b) + k;
                int pb = ports.firstPortB(b) + k;
                assertThat(pa)
                        .as("port %d of %s", pa, g.node(x).id())
                        .isLessThan(g.node(x).ports());
                assertThat(pb)
                        .as("port %d of %s", pb, g.node(y).id())
                        .isLessThan(g.node(y).ports());
                assertThat(taken.add(((long) x << 32) | pa))
                        .as("port %d of %s used twice", pa, g.node(x).id())
                        .isTrue();
                assertThat(taken.add(((long) y << 32) | pb))
                        .as("port %d of %s used twice", pb, g.node(y).id())
                        .isTrue();
            }
        }
        int[] used = g.portsUsed();
        for (int n = 0; n < g.nodeCount(); n++) {
            assertThat(used[n])
                    .as("ports of %s", g.node(n).id())
                    .isLessThanOrEqualTo(g.node(n).ports());
        }
        assertThat(s.findings()).noneMatch(x -> x.code().equals("NETWORK_PORTS_EXHAUSTED"));
        // every rack's NICs (front-end: its front-end ports) are linked, each exactly once
        for (int e : g.endpoints()) {
            int expected = kind == FabricKind.FRONTEND_ETHERNET
                    ? 2 * ((NICS[nicIndex] + 3) / 4)
                    : kind == FabricKind.COMPUTE_ETHERNET ? 2 * NICS[nicIndex] : NICS[nicIndex];
            assertThat(used[e]).as("links of %s", g.node(e).id()).isEqualTo(expected);
        }
        // twin-port modules: at least half the optical links ending at switches, at most one per link
        long nicModules = s.cables().transceiverLines().stream()
                .filter(t -> t.end().equals(CablePlan.NIC_END))
                .mapToLong(NetworkReport.TransceiverLine::count)
                .sum();
        long twinModules = s.cables().transceiverLines().stream()
                .filter(t -> t.end().equals(CablePlan.SWITCH_END))
                .mapToLong(NetworkReport.TransceiverLine::count)
                .sum();
        long opticalNicLinks = 0;
        long opticalSwitchEnds = 0;
        for (int b = 0; b < g.bundleCount(); b++) {
            if (s.cables().type(b) != null && CablePlan.isOptics(s.cables().type(b))) {
                opticalNicLinks += g.node(g.a(b)).role() == FabricGraph.Role.ENDPOINT ? g.count(b) : 0;
                opticalSwitchEnds += (g.node(g.a(b)).role() == FabricGraph.Role.SWITCH ? g.count(b) : 0) + g.count(b);
            }
        }
        assertThat(nicModules).isEqualTo(opticalNicLinks);
        assertThat(twinModules).isBetween((opticalSwitchEnds + 1) / 2, opticalSwitchEnds);
        assertThat(s.summary().transceivers()).isEqualTo(nicModules + twinModules);
    }

    @Property(tries = 40, seed = "20261123")
    void flowsStayWithinCapacityAndFailuresNeverAddBandwidth(
            @ForAll @IntRange(min = 2, max = 300) int racks,
            @ForAll @IntRange(min = 0, max = 4) int radixIndex,
            @ForAll @IntRange(min = 0, max = 3) int nicIndex,
            @ForAll @IntRange(min = 2, max = 3) int tiers,
            @ForAll boolean rail,
            @ForAll @IntRange(min = 1, max = 3) int oversubscription) {
        int radix = RADIX[radixIndex];
        int nics = NICS[nicIndex];
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("n", nics, nics, 400)), List.of(TestFabrics.switchOf("sw", radix, 400)));
        Facility f = TestFabrics.facility(
                "n",
                racks,
                TestFabrics.spec(
                        rail ? TopologyType.RAIL_OPTIMIZED : TopologyType.FAT_TREE, tiers, oversubscription, "sw"),
                local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);
        NetworkReport.FabricSummary sum = s.summary();

        double eps = 1e-9 * Math.max(1, sum.injectionTbps());
        assertThat(sum.injectionTbps()).isCloseTo(racks * nics * 0.4, org.assertj.core.api.Assertions.within(eps));
        // the bisection flow cannot exceed what half the racks inject
        assertThat(sum.bisectionTbps()).isLessThanOrEqualTo(sum.injectionTbps() / 2 + nics * 0.4 + eps);
        assertThat(sum.allToAll().maxConcurrentFlowFraction()).isBetween(0.0, 1.0);
        for (NetworkReport.FailureCase c : s.failures()) {
            assertThat(c.bisectionTbps()).isLessThanOrEqualTo(sum.bisectionTbps() + eps);
            assertThat(c.bandwidthLeftFraction()).isBetween(0.0, 1.0 + 1e-9);
        }
        // a generated fabric within three tiers' reach (k^3/4 host ports) meets its own spec
        if ((long) racks * nics <= (long) radix * radix * radix / 4) {
            assertThat(s.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
            assertThat(sum.maxHops()).isLessThanOrEqualTo(2 * sum.tiers() - 1);
            // ECMP delivers no more than the best routing could (cut bound)
            assertThat(sum.allToAll().ecmpFraction())
                    .isLessThanOrEqualTo(sum.allToAll().maxConcurrentFlowFraction() + 1e-9);
        }
    }
}
