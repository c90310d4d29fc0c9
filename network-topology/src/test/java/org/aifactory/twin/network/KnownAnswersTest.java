package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.Catalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated fabrics against published or textbook switch counts and bandwidths. */
class KnownAnswersTest {

    private static final double TBPS = 1e-6;

    /**
     * A k-ary fat tree (Al-Fares et al., "A Scalable, Commodity Data Center Network Architecture",
     * SIGCOMM 2008): k-port switches, k pods of k/2 leaves and k/2 spines, (k/2)^2 cores; k^3/4
     * hosts and 5k^2/4 switches. Hosts here are one-NIC racks, the spec a non-blocking 3-tier fat tree.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 24})
    void kAryFatTreeHasFiveKSquaredOverFourSwitches(int k) {
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("host", 1, 1, 100)), List.of(TestFabrics.switchOf("k-port", k, 100)));
        int hosts = k * k * k / 4;
        Facility f =
                TestFabrics.facility("host", hosts, TestFabrics.spec(TopologyType.FAT_TREE, 3, 1.0, "k-port"), local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(s.summary().gpus()).isEqualTo(hosts);
        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(k * k / 2);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(k * k / 2);
        assertThat(TestFabrics.switchesOfTier(s, 3)).isEqualTo(k * k / 4);
        assertThat(s.summary().switches()).isEqualTo(5 * k * k / 4);
        // every port of every switch in use: 3 tiers x (hosts) links, each taking 2 ports
        assertThat(s.summary().tierDetail())
                .allSatisfy(t -> assertThat(t.portsSpare()).isZero());
        assertThat(s.summary().maxHops()).isEqualTo(5);
        // non-blocking: bisection = half the hosts' injection = hosts/2 x 100 Gb/s
        assertThat(s.summary().bisectionTbps()).isCloseTo(hosts / 2.0 * 100 / 1000, within(TBPS));
        assertThat(s.summary().allToAll().ecmpFraction()).isCloseTo(1.0, within(1e-9));
        // non-blocking: every pattern is delivered in full, by ECMP and by the cut bound
        for (NetworkReport.TrafficPattern p :
                List.of(s.summary().ringAllReduce(), s.summary().kvCacheTransfer())) {
            assertThat(p.ecmpFraction()).isCloseTo(1.0, within(1e-9));
            assertThat(p.maxConcurrentFlowFraction()).isCloseTo(1.0, within(1e-9));
        }
        // ring: every host sends 100 Gb/s; KV: the 1st half of the hosts sends 100 Gb/s each to the 2nd
        assertThat(s.summary().ringAllReduce().demandTbps()).isCloseTo(hosts * 0.1, within(TBPS));
        assertThat(s.summary().kvCacheTransfer().demandTbps()).isCloseTo(hosts / 2.0 * 0.1, within(TBPS));
        assertThat(s.summary().kvCacheTransfer().sendingRacks()).isEqualTo(hosts / 2);
        assertThat(s.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
    }

    /** Two tiers of k-port switches: k leaves of k/2 hosts, k/2 spines, k^2/2 hosts. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 64})
    void twoTierFatTreeHasKLeavesAndHalfKSpines(int k) {
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("host", 1, 1, 100)), List.of(TestFabrics.switchOf("k-port", k, 100)));
        int hosts = k * k / 2;
        Facility f =
                TestFabrics.facility("host", hosts, TestFabrics.spec(TopologyType.FAT_TREE, 2, 1.0, "k-port"), local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(k);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(k / 2);
        assertThat(s.summary().maxHops()).isEqualTo(3);
        assertThat(s.summary().bisectionTbps()).isCloseTo(hosts / 2.0 * 100 / 1000, within(TBPS));
    }

    /**
     * NVIDIA DGX SuperPOD B300-XDR reference architecture (ref §4, [P]
     * docs.nvidia.com/dgx-superpod/reference-architecture/scalable-infrastructure-b300-xdr): 1 SU
     * (576 GPUs) 8 leaf / 4 spine; 2 SU 16 / 8; 4 SU 32 / 18; 8 SU 64 / 36; 18 SU 144 / 72 with
     * 10,368 node-leaf cables. SU = 72 DGX B300 (8 GPUs, 8 CX-8 800G NICs) on Quantum-X800 Q3400
     * (144 x 800G), rail-optimised, non-blocking, two tiers. Note: ref §4 prints "18 SU (9,216
     * GPUs)", but 18 x 576 = 10,368, matching the cable count; the counts tested are the table's.
     */
    @ParameterizedTest
    @CsvSource({"1, 8, 4", "2, 16, 8", "4, 32, 18", "8, 64, 36", "18, 144, 72"})
    void b300XdrSuperPodSwitchCountsMatchTheReferenceArchitecture(int sus, int leaves, int spines) {
        Catalog local = TestFabrics.catalog(List.of(TestFabrics.node("dgx-b300", 8, 8, 800)), List.of());
        Facility f = TestFabrics.facility(
                "dgx-b300",
                72 * sus,
                TestFabrics.spec(TopologyType.RAIL_OPTIMIZED, 2, 1.0, "quantum-x800-q3400"),
                local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(leaves);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(spines);
        assertThat(s.summary().gpus()).isEqualTo(576L * sus);
        long nodeLeafCables = 0;
        for (int b = 0; b < s.graph().bundleCount(); b++) {
            if (s.graph().node(s.graph().a(b)).tier() == 0) {
                nodeLeafCables += s.graph().count(b);
            }
        }
        assertThat(nodeLeafCables).isEqualTo(576L * sus); // 18 SU: 10,368
        assertThat(s.summary().bisectionTbps()).isCloseTo(576.0 * sus / 2 * 800 / 1000, within(TBPS));
        assertThat(s.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
    }

    /** The same scalable units built of GB300 NVL72 racks (8 racks = 576 GPUs per SU) give the same counts. */
    @ParameterizedTest
    @CsvSource({"1, 8, 4", "4, 32, 18", "18, 144, 72"})
    void nvl72ScalableUnitsNeedTheSameSwitches(int sus, int leaves, int spines) {
        Facility f = TestFabrics.facility(
                "gb300-nvl72",
                8 * sus,
                TestFabrics.spec(TopologyType.RAIL_OPTIMIZED, 2, 1.0, "quantum-x800-q3400"),
                Catalog.EMPTY);

        FabricSolver.Solved s = TestFabrics.solve(f, Catalog.EMPTY);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(leaves);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(spines);
    }

    /**
     * NVIDIA DGX SuperPOD B200 reference architecture (ref §4, [P]): 16 SU / 4,096 GPUs in three
     * tiers, 128 leaf / 128 spine / 64 core. SU = 32 DGX B200 (8 GPUs, 8 x 400G) on Quantum-2 QM9700
     * (64 x 400G).
     */
    @org.junit.jupiter.api.Test
    void b200SuperPodThreeTiersMatchTheReferenceArchitecture() {
        Catalog local = TestFabrics.catalog(List.of(TestFabrics.node("dgx-b200", 8, 8, 400)), List.of());
        Facility f = TestFabrics.facility(
                "dgx-b200", 32 * 16, TestFabrics.spec(TopologyType.RAIL_OPTIMIZED, 3, 1.0, "quantum-2-qm9700"), local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(s.summary().gpus()).isEqualTo(4096);
        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(128);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(128);
        assertThat(TestFabrics.switchesOfTier(s, 3)).isEqualTo(64);
        assertThat(s.summary().bisectionTbps()).isCloseTo(4096 / 2.0 * 400 / 1000, within(TBPS));
    }

    /** The spine rule alone, for the B300-XDR table: smallest divisor of 72 uplinks covering L x 72 / 144. */
    @ParameterizedTest
    @CsvSource({"8, 4", "16, 8", "32, 18", "64, 36", "144, 72", "145, -1"})
    void spineRuleReproducesTheTable(int leaves, int spines) {
        assertThat(TierSizing.upperSwitches(leaves, 72, 144)).isEqualTo(spines);
    }

    /**
     * A 2:1 oversubscribed two-tier tree of 12-port switches: leaves give floor(12 x 2/3) = 8 ports to
     * hosts and 4 up, so 96 hosts need 12 leaves and 4 spines (4 | 4, 4 x 12 >= 12 x 4). Bisection:
     * 6 leaves x 4 uplinks x 100 Gb/s = 2.4 Tb/s = half of the 48 hosts' 4.8 Tb/s injection.
     */
    @org.junit.jupiter.api.Test
    void twoToOneOversubscribedTreeHasHalfTheBisection() {
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("host", 1, 1, 100)), List.of(TestFabrics.switchOf("k12", 12, 100)));
        Facility f = TestFabrics.facility("host", 96, TestFabrics.spec(TopologyType.FAT_TREE, 2, 2.0, "k12"), local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(12);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(4);
        assertThat(s.summary().bisectionTbps()).isCloseTo(2.4, within(TBPS));
        assertThat(s.summary().requiredBisectionTbps()).isCloseTo(2.4, within(TBPS));
        assertThat(s.summary().oversubscription()).isCloseTo(2.0, within(1e-9));
        // all-to-all: a leaf sends 8 x 100 x (96 - 8)/(96 - 1) up over 4 x 100 -> utilisation 1.853
        assertThat(s.summary().allToAll().ecmpMaxLinkUtilization()).isCloseTo(800.0 * 88 / 95 / 400, within(1e-9));
        assertThat(s.summary().allToAll().maxConcurrentFlowFraction())
                .isCloseTo(s.summary().allToAll().ecmpFraction(), within(1e-9));
        // ring over the hosts in order: 7 of a leaf's 8 ring hops stay on the leaf; one 100 Gb/s hop
        // leaves and one enters, on 4 x 100 Gb/s of uplinks (0.25): the NICs (1.0) limit, fraction 1
        assertThat(s.summary().ringAllReduce().ecmpMaxLinkUtilization()).isCloseTo(1.0, within(1e-9));
        assertThat(s.summary().ringAllReduce().ecmpFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(s.summary().ringAllReduce().maxConcurrentFlowFraction()).isCloseTo(1.0, within(1e-9));
        // KV cache: hosts 1-48 (leaves 1-6) send 100 Gb/s each to hosts 49-96: a prefill leaf pushes
        // 8 x 100 = 800 Gb/s up 400 Gb/s of uplinks, so half gets through
        assertThat(s.summary().kvCacheTransfer().ecmpFraction()).isCloseTo(0.5, within(1e-9));
        assertThat(s.summary().kvCacheTransfer().maxConcurrentFlowFraction()).isCloseTo(0.5, within(1e-9));
        assertThat(s.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
    }

    /**
     * The same 2:1 tree with one 8-NIC rack per leaf (12 racks of 8 x 100G, leaves of 8 host ports and
     * 4 uplinks, 4 spines). Traffic inside a rack rides NVLink, so in uniform all-to-all every rack
     * sends its whole 8 x 100 = 800 Gb/s off its leaf, over 4 x 100 = 400 Gb/s of uplinks: ECMP
     * utilisation 800 / 400 = 2, fraction 0.5; the leaf's cut carries at most 400 of the 800 Gb/s
     * that must cross it, so the max concurrent flow bound is 0.5 too. The ring (rack i to rack i+1
     * at 800 Gb/s) crosses a leaf at every hop: 0.5 as well.
     */
    @org.junit.jupiter.api.Test
    void allToAllOnATwoToOneTreeAchievesHalf() {
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("rack8", 8, 8, 100)), List.of(TestFabrics.switchOf("k12", 12, 100)));
        Facility f = TestFabrics.facility("rack8", 12, TestFabrics.spec(TopologyType.FAT_TREE, 2, 2.0, "k12"), local);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(12);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(4);
        assertThat(s.summary().allToAll().ecmpMaxLinkUtilization()).isCloseTo(2.0, within(1e-9));
        assertThat(s.summary().allToAll().ecmpFraction()).isCloseTo(0.5, within(1e-9));
        assertThat(s.summary().allToAll().maxConcurrentFlowFraction()).isCloseTo(0.5, within(1e-9));
        assertThat(s.summary().ringAllReduce().ecmpFraction()).isCloseTo(0.5, within(1e-9));
        assertThat(s.summary().ringAllReduce().maxConcurrentFlowFraction()).isCloseTo(0.5, within(1e-9));
        assertThat(s.summary().kvCacheTransfer().ecmpFraction()).isCloseTo(0.5, within(1e-9));
    }

    /**
     * B300 Spectrum-X SuperPOD (ref §4): SU = 64 nodes of 8 GPUs; two planes, 2 x 400GbE per GPU,
     * rail-aligned; 1 SU: 16 leaf / 8 spine, 16 SU: 256 / 128. Per plane a node gives 8 x 400G, one
     * per rail leaf; an SN5600 (64 x 800G, broken out to 128 x 400G) gives 64 ports to hosts, so 64
     * nodes fill a rail group of 8 leaves; spines: the smallest divisor d of 64 with
     * d x 128 >= leaves x 64, i.e. 4 (1 SU) or 64 (16 SU) per plane.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1, 16, 8", "16, 256, 128"})
    void spectrumXEthernetPlanesMatchTheReferenceArchitecture(int sus, int leaves, int spines) {
        Catalog local = TestFabrics.catalog(List.of(TestFabrics.node("dgx-b300", 8, 8, 800)), List.of());
        Facility f = TestFabrics.facility(
                "dgx-b300",
                64 * sus,
                TestFabrics.spec(TopologyType.RAIL_OPTIMIZED, 2, 1.0, "spectrum-x-sn5600"),
                local,
                org.aifactory.twin.model.FabricKind.COMPUTE_ETHERNET);

        FabricSolver.Solved s = TestFabrics.solve(f, local);

        assertThat(TestFabrics.switchesOfTier(s, 1)).isEqualTo(leaves);
        assertThat(TestFabrics.switchesOfTier(s, 2)).isEqualTo(spines);
        // non-blocking: half of 64 x sus nodes x 8 x 800G
        assertThat(s.summary().bisectionTbps()).isCloseTo(64 * sus * 8 * 0.8 / 2, within(TBPS));
        // one SU is one rail group: its nodes share every leaf (1 hop); more SUs meet at the spines
        assertThat(s.summary().maxHops()).isEqualTo(sus == 1 ? 1 : 3);
        assertThat(s.summary().tierDetail())
                .allSatisfy(t -> assertThat(t.worstOversubscription()).isLessThanOrEqualTo(1.0));
        assertThat(s.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
    }
}
