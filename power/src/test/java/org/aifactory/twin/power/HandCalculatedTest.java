package org.aifactory.twin.power;

import static org.aifactory.twin.power.Chains.fixed;
import static org.aifactory.twin.power.Chains.lossless;
import static org.aifactory.twin.power.Chains.racks;
import static org.aifactory.twin.power.Chains.transformer;
import static org.aifactory.twin.power.Chains.ups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RedundancyGroup;
import org.aifactory.twin.model.RedundancyScheme;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.Finding;
import org.junit.jupiter.api.Test;

/** Small chains whose every number is worked out by hand in the comments. */
class HandCalculatedTest {

    private static final double KW = 1e-9;

    /**
     * utility -> tx-a -> bus-a, utility -> tx-b -> bus-b; 4 racks of 100 kW fed A from bus-a and B
     * from bus-b. Transformers lossless; busways eta 0.8 (exaggerated so the numbers stay round).
     */
    private static Facility twoN(double buswayRatingKw, double rackKw) {
        return Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 10_000),
                        lossless("tx-a", PowerNodeKind.TRANSFORMER, 2_000, "utility"),
                        lossless("tx-b", PowerNodeKind.TRANSFORMER, 2_000, "utility"),
                        fixed("bus-a", PowerNodeKind.BUSWAY, buswayRatingKw, 0.8, "tx-a"),
                        fixed("bus-b", PowerNodeKind.BUSWAY, buswayRatingKw, 0.8, "tx-b")),
                List.of(new RedundancyGroup(
                        "sides", RedundancyScheme.TWO_N, List.of("tx-a", "tx-b", "bus-a", "bus-b"))),
                racks(4, rackKw, "bus-a", "bus-b"));
    }

    @Test
    void twoNBaselineSplitsEachRackOverItsTwoFeeds() {
        PowerGraph g = Chains.graph(twoN(450, 100));
        FlowState s = LoadFlow.solve(g);
        int busA = g.nodeIndex("bus-a");
        int txA = g.nodeIndex("tx-a");
        // each bus: 4 racks x 100 kW / 2 feeds = 200 kW out; in = 200 / 0.8 = 250 kW; loss 50 kW
        assertThat(s.outputKw[busA]).isCloseTo(200, within(KW));
        assertThat(s.lossKw[busA]).isCloseTo(50, within(KW));
        assertThat(s.outputKw[txA]).isCloseTo(250, within(KW));
        // utility: 2 x 250 = 500 kW = IT 400 + losses 100
        assertThat(s.sourceDemandKw).isCloseTo(500, within(KW));
        assertThat(s.itPowerKw).isCloseTo(400, within(KW));
        assertThat(s.lossesKw).isCloseTo(100, within(KW));
        // current on bus-a: 200,000 W / (sqrt(3) x 415 V x 0.95) = 200,000 / 682.861 = 292.89 A
        assertThat(PowerAnalysis.currentA(200, 415, 0.95)).isCloseTo(292.886, within(1e-3));
    }

    @Test
    void losingSideAMovesAllLoadToSideB() {
        PowerGraph g = Chains.graph(twoN(450, 100));
        FlowState base = LoadFlow.solve(g);
        int txA = g.nodeIndex("tx-a");
        // tx-a fails: bus-a dies with it; each rack's 100 kW moves onto its B feed.
        // bus-b: 4 x 100 = 400 kW out (<= 450 rating), in 400 / 0.8 = 500, loss 100; tx-b 500 kW; utility 500 kW.
        double[] out = IncrementalContingencySolver.outputsAfter(g, base, txA);
        assertThat(out[g.nodeIndex("bus-b")]).isCloseTo(400, within(KW));
        assertThat(out[g.nodeIndex("tx-b")]).isCloseTo(500, within(KW));
        assertThat(out[g.nodeIndex("utility")]).isCloseTo(500, within(KW));
        assertThat(out[g.nodeIndex("bus-a")]).isZero();
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, txA)))
                .get(0);
        assertThat(o.ok()).isTrue();
        assertThat(o.lossesKw()).isCloseTo(100, within(KW));
        assertThat(o.sourceDemandKw()).isCloseTo(500, within(KW));
    }

    @Test
    void losingSideAOverloadsAnUndersizedBusB() {
        // bus rating 350 kW < the 400 kW that lands on bus-b
        PowerGraph g = Chains.graph(twoN(350, 100));
        FlowState base = LoadFlow.solve(g);
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("bus-a"))))
                .get(0);
        assertThat(o.ok()).isFalse();
        assertThat(o.overloadedNodes()).containsExactly(g.nodeIndex("bus-b"));
        assertThat(o.unpoweredRacks()).isEmpty();
    }

    @Test
    void aRackAboveOneSidesShelvesIsOverloadedWhenASideIsLost() {
        // GB200: 8 shelves x 33 kW, 4 per feed = 132 kW per side. A 140 kW rack fits on both sides
        // (264 kW) but not on one: losing bus-a overloads every rack's B shelves.
        PowerGraph g = Chains.graph(twoN(1_000, 140));
        FlowState base = LoadFlow.solve(g);
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("bus-a"))))
                .get(0);
        assertThat(o.overloadedRacks()).containsExactly(0, 1, 2, 3);
        // one lost shelf of eight: 7 x 33 = 231 kW >= 140 kW, carried
        ContingencyOutcome shelf = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.SHELF, 0)))
                .get(0);
        assertThat(shelf.ok()).isTrue();
    }

    @Test
    void losingBothFeedsSourceUnpowersTheRacks() {
        // the utility is the only source: its failure drops all 4 racks (400 kW lost)
        PowerGraph g = Chains.graph(twoN(450, 100));
        FlowState base = LoadFlow.solve(g);
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("utility"))))
                .get(0);
        assertThat(o.unpoweredRacks()).containsExactly(0, 1, 2, 3);
        assertThat(o.lostLoadKw()).isCloseTo(400, within(KW));
        assertThat(o.sourceDemandKw()).isZero();
        assertThat(o.lossesKw()).isZero();
    }

    /**
     * N+1 UPS block: utility -> tx (lossless) -> ups-1, ups-2, ups-3 (2,500 kW, the catalog curve)
     * -> swbd (LV switchgear, 3 inputs, lossless) -> bus-1 (lossless) -> racks of 120 kW.
     */
    private static Facility nPlusOne(int rackCount) {
        return Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 100_000),
                        lossless("tx", PowerNodeKind.TRANSFORMER, 100_000, "utility"),
                        ups("ups-1", 2_500, Chains.UPS_CURVE, "tx"),
                        ups("ups-2", 2_500, Chains.UPS_CURVE, "tx"),
                        ups("ups-3", 2_500, Chains.UPS_CURVE, "tx"),
                        lossless("swbd", PowerNodeKind.LV_SWITCHGEAR, 100_000, "ups-1", "ups-2", "ups-3"),
                        lossless("bus-1", PowerNodeKind.BUSWAY, 100_000, "swbd")),
                List.of(new RedundancyGroup(
                        "ups-block", RedundancyScheme.N_PLUS_1, List.of("ups-1", "ups-2", "ups-3"))),
                racks(rackCount, 120.0, "bus-1"));
    }

    @Test
    void nPlusOneUpsBlockCarriesTheLoadOnTwoUnits() {
        // 25 racks x 120 kW = 3,000 kW. Baseline: 1,000 kW per UPS, f = 0.4,
        // eta = 0.85 + (0.4 - 0.25)/0.25 x (0.93 - 0.85) = 0.898, loss = 1,000 x (1/0.898 - 1) = 113.586 kW each.
        PowerGraph g = Chains.graph(nPlusOne(25));
        FlowState base = LoadFlow.solve(g);
        int ups1 = g.nodeIndex("ups-1");
        assertThat(base.outputKw[ups1]).isCloseTo(1_000, within(KW));
        assertThat(base.lossKw[ups1])
                .isCloseTo(1_000 * (1 / 0.898 - 1), within(KW))
                .isCloseTo(113.586, within(1e-3));
        assertThat(base.lossesKw).isCloseTo(3 * 1_000 * (1 / 0.898 - 1), within(KW));
        // ups-1 fails: 1,500 kW each on ups-2 and ups-3, f = 0.6, eta = 0.936, loss 102.564 kW each;
        // total losses fall from 340.757 to 205.128 kW (better efficiency at higher load); tx carries 3,205.128 kW.
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, ups1)))
                .get(0);
        assertThat(o.ok()).isTrue();
        assertThat(o.lossesKw())
                .isCloseTo(2 * 1_500 * (1 / 0.936 - 1), within(KW))
                .isCloseTo(205.128, within(1e-3));
        double[] out = IncrementalContingencySolver.outputsAfter(g, base, ups1);
        assertThat(out[g.nodeIndex("ups-2")]).isCloseTo(1_500, within(KW));
        assertThat(out[g.nodeIndex("tx")]).isCloseTo(3_000 + 2 * 1_500 * (1 / 0.936 - 1), within(KW));
    }

    @Test
    void nPlusOneUpsBlockOverloadsWhenTheLoadNeedsAllThree() {
        // 45 racks x 120 kW = 5,400 kW: 1,800 kW per UPS (72 %) in the baseline, within 2,500 kW;
        // with one down, 2,700 kW each on the other two: over their 2,500 kW.
        Facility f = nPlusOne(45);
        PowerGraph g = Chains.graph(f);
        FlowState base = LoadFlow.solve(g);
        assertThat(ContingencySolver.overloadedNodes(g, base)).isEmpty();
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("ups-1"))))
                .get(0);
        assertThat(o.overloadedNodes()).containsExactly(Chains.indices(g, "ups-2", "ups-3"));
        // and the analysis calls it: the N+1 group promised one may fail
        List<Finding> findings = new PowerAnalysis()
                .analyze(f, Chains.CATALOG, AnalysisContext.empty())
                .findings();
        assertThat(findings)
                .filteredOn(x -> x.code().equals("POWER_REDUNDANCY_NOT_MET"))
                .extracting(Finding::element)
                .containsExactly("ups-1", "ups-2", "ups-3");
    }

    /**
     * Block redundant ("catcher"): utility -> tx (lossless) -> ups-1..3 (block UPSs) and ups-r (the
     * reserve), 1,000 kW, fixed eta 0.96; each block's sts-k (LV switchgear, lossless) takes ups-k and,
     * as its standby input (a static transfer switch), ups-r; bus-k feeds 8 racks of 120 kW.
     */
    private static Facility blockRedundant(boolean transferSwitch) {
        List<PowerNode> nodes = new ArrayList<>(List.of(
                lossless("utility", PowerNodeKind.UTILITY, 100_000),
                lossless("tx", PowerNodeKind.TRANSFORMER, 100_000, "utility"),
                fixed("ups-r", PowerNodeKind.UPS, 1_000, 0.96, "tx")));
        List<Rack> racks = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            nodes.add(fixed("ups-" + k, PowerNodeKind.UPS, 1_000, 0.96, "tx"));
            PowerNode sts = lossless("sts-" + k, PowerNodeKind.LV_SWITCHGEAR, 100_000, "ups-" + k, "ups-r");
            nodes.add(transferSwitch ? sts.withStandbyInputs(List.of("ups-r")) : sts);
            nodes.add(lossless("bus-" + k, PowerNodeKind.BUSWAY, 100_000, "sts-" + k));
            for (int r = 1; r <= 8; r++) {
                racks.add(Chains.rack("rack-" + k + "-" + r, 120.0, "bus-" + k));
            }
        }
        return Chains.facility(
                nodes,
                List.of(new RedundancyGroup(
                        "ups", RedundancyScheme.BLOCK_REDUNDANT, List.of("ups-1", "ups-2", "ups-3", "ups-r"))),
                racks);
    }

    @Test
    void blockRedundantCatcherIdlesUntilABlockUpsFails() {
        // Baseline: each block UPS delivers 8 x 120 = 960 kW, loses 960 x (1/0.96 - 1) = 40 kW, draws 1,000 kW;
        // the catcher delivers 0 (its transfer switches hold the primary). tx carries 3,000 kW.
        PowerGraph g = Chains.graph(blockRedundant(true));
        FlowState base = LoadFlow.solve(g);
        assertThat(base.outputKw[g.nodeIndex("ups-2")]).isCloseTo(960, within(KW));
        assertThat(base.outputKw[g.nodeIndex("ups-r")]).isZero();
        assertThat(base.lossesKw).isCloseTo(3 * 40, within(KW));
        assertThat(base.outputKw[g.nodeIndex("tx")]).isCloseTo(3_000, within(KW));
        Conservation.check(g, base);
        // ups-2 fails: sts-2 transfers to the catcher, which now delivers 960 kW with 40 kW loss; nothing else
        // moves, nothing is over rating, the losses and the tx load are unchanged.
        int ups2 = g.nodeIndex("ups-2");
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, ups2)))
                .get(0);
        assertThat(o.ok()).isTrue();
        assertThat(o.lossesKw()).isCloseTo(3 * 40, within(KW));
        double[] out = IncrementalContingencySolver.outputsAfter(g, base, ups2);
        assertThat(out[g.nodeIndex("ups-r")]).isCloseTo(960, within(KW));
        assertThat(out[g.nodeIndex("ups-1")]).isCloseTo(960, within(KW));
        assertThat(out[g.nodeIndex("tx")]).isCloseTo(3_000, within(KW));
        // the catcher failing changes nothing; the incremental solver agrees with the full re-solve on every failure
        assertThat(new IncrementalContingencySolver()
                        .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("ups-r"))))
                        .get(0)
                        .ok())
                .isTrue();
        List<Failure> all = Failure.all(g);
        List<ContingencyOutcome> fast = new IncrementalContingencySolver().solve(g, base, all);
        List<ContingencyOutcome> slow = new NaiveContingencySolver().solve(g, base, all);
        for (int k = 0; k < all.size(); k++) {
            assertThat(fast.get(k).ok()).isEqualTo(slow.get(k).ok());
            assertThat(fast.get(k).lossesKw()).isCloseTo(slow.get(k).lossesKw(), within(1e-9));
        }
        List<Finding> findings = new PowerAnalysis()
                .analyze(blockRedundant(true), Chains.CATALOG, AnalysisContext.empty())
                .findings();
        assertThat(findings)
                .noneMatch(x ->
                        x.code().equals("POWER_REDUNDANCY_NOT_MET") || x.code().equals("POWER_OVER_RATING"));
    }

    @Test
    void blockRedundantWithoutTransferSwitchesOverloadsTheCatcher() {
        // Without standby inputs each sts splits its 960 kW over both UPSs: the catcher delivers 3 x 480 = 1,440 kW,
        // over its 1,000 kW: the file must mark the catcher as a standby input.
        PowerGraph g = Chains.graph(blockRedundant(false));
        FlowState base = LoadFlow.solve(g);
        assertThat(base.outputKw[g.nodeIndex("ups-r")]).isCloseTo(1_440, within(KW));
        assertThat(ContingencySolver.overloadedNodes(g, base)).containsExactly(g.nodeIndex("ups-r"));
    }

    @Test
    void generatorIsStandbyAndTakesOverWhenTheUtilityFails() {
        // utility and gen-1 feed mv (MV switchgear): the generator carries nothing while the utility
        // is live; when the utility fails it carries the whole 2 x 100 kW.
        Facility f = Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 10_000),
                        fixed("gen-1", PowerNodeKind.GENERATOR, 150, 1.0),
                        lossless("mv", PowerNodeKind.MV_SWITCHGEAR, 10_000, "utility", "gen-1"),
                        lossless("bus", PowerNodeKind.BUSWAY, 1_000, "mv")),
                racks(2, 100.0, "bus"));
        PowerGraph g = Chains.graph(f);
        FlowState base = LoadFlow.solve(g);
        int gen = g.nodeIndex("gen-1");
        assertThat(base.outputKw[gen]).isZero();
        assertThat(base.outputKw[g.nodeIndex("utility")]).isCloseTo(200, within(KW));
        double[] out = IncrementalContingencySolver.outputsAfter(g, base, g.nodeIndex("utility"));
        assertThat(out[gen]).isCloseTo(200, within(KW));
        // 200 kW > the 150 kW generator: overloaded, but nothing is dropped
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("utility"))))
                .get(0);
        assertThat(o.overloadedNodes()).containsExactly(gen);
        assertThat(o.unpoweredRacks()).isEmpty();
    }

    @Test
    void distributedRedundantRackMovesAThirdToEachSurvivor() {
        // 3N/2: a 120 kW rack on feeds A, B, C takes 40 kW from each; losing C leaves 60 + 60.
        Facility f = Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 10_000),
                        lossless("pdu-a", PowerNodeKind.PDU, 171, "utility"),
                        lossless("pdu-b", PowerNodeKind.PDU, 171, "utility"),
                        lossless("pdu-c", PowerNodeKind.PDU, 171, "utility")),
                racks(1, 120.0, "pdu-a", "pdu-b", "pdu-c"));
        PowerGraph g = Chains.graph(f);
        FlowState base = LoadFlow.solve(g);
        assertThat(base.outputKw[g.nodeIndex("pdu-a")]).isCloseTo(40, within(KW));
        double[] out = IncrementalContingencySolver.outputsAfter(g, base, g.nodeIndex("pdu-c"));
        assertThat(out[g.nodeIndex("pdu-a")]).isCloseTo(60, within(KW));
        assertThat(out[g.nodeIndex("pdu-b")]).isCloseTo(60, within(KW));
        // shelves: 8 x 33 x 2/3 = 176 kW on two live feeds >= 120 kW: ok
        ContingencyOutcome o = new IncrementalContingencySolver()
                .solve(g, base, List.of(new Failure(Failure.Type.NODE, g.nodeIndex("pdu-c"))))
                .get(0);
        assertThat(o.ok()).isTrue();
    }

    @Test
    void transformerInAChainLosesNoLoadPlusLoadLoss() {
        // utility -> transformer-3mva figures (4 kW + 30 kW at 2,850 kW) -> bus (lossless) -> 1,425 kW of racks
        // (15 racks x 95 kW): 50 % load, loss 4 + 30 x 0.25 = 11.5 kW, utility 1,436.5 kW.
        Facility f = Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 10_000),
                        transformer("tx", 2_850, 4, 30, "utility"),
                        lossless("bus", PowerNodeKind.BUSWAY, 2_850, "tx")),
                racks(15, 95.0, "bus"));
        FlowState s = LoadFlow.solve(Chains.graph(f));
        assertThat(s.lossesKw).isCloseTo(11.5, within(KW));
        assertThat(s.sourceDemandKw).isCloseTo(1_436.5, within(KW));
    }
}
