package org.aifactory.twin.power;

import static org.aifactory.twin.power.Chains.fixed;
import static org.aifactory.twin.power.Chains.lossless;
import static org.aifactory.twin.power.Chains.transformer;
import static org.aifactory.twin.power.Chains.ups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.RedundancyGroup;
import org.aifactory.twin.model.RedundancyScheme;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.junit.jupiter.api.Test;

/** Max-Q capping ({@link CapPlanner}) and grid events ({@link GridStudy}), hand-calculated where possible. */
class CappingTest {

    private static final double KW = 1e-9;
    /** Racks in no deployment train: alpha 0.866 [D]. GB200 NVL72: G = 72 x 1.2 = 86.4 kW of GPUs, N = 132 - 86.4 = 45.6 kW. */
    private static final double TRAIN = WorkloadKind.TRAINING.defaultAlpha();

    private static final double G200 = 86.4;
    private static final double N200 = 45.6;
    /** Utility demand must meet a cap to this relative tolerance (issue 4). */
    private static final double CAP_RELATIVE = 1e-6;

    /** utility -> tx (lossless) -> bus (lossless), {@code gb200} GB200 and {@code gb300} GB300 racks on bus. */
    private static Facility losslessChain(int gb200, int gb300) {
        return Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 100_000),
                        lossless("tx", PowerNodeKind.TRANSFORMER, 100_000, "utility"),
                        lossless("bus", PowerNodeKind.BUSWAY, 100_000, "tx")),
                mixed(gb200, gb300, "bus"));
    }

    /** utility -> mv (eta 0.9999) -> transformer (4 + 30 kW) -> UPS (curve) -> busway (eta 0.995), 2N. */
    private static Facility lossy2N(int gb200, int gb300) {
        List<PowerNode> nodes = new ArrayList<>(List.of(
                lossless("utility", PowerNodeKind.UTILITY, 100_000),
                fixed("mv", PowerNodeKind.MV_SWITCHGEAR, 100_000, 0.9999, "utility")));
        for (String side : List.of("a", "b")) {
            nodes.add(transformer("tx-" + side, 2_850, 4, 30, "mv"));
            nodes.add(ups("ups-" + side, 2_500, Chains.UPS_CURVE, "tx-" + side));
            nodes.add(fixed("bus-" + side, PowerNodeKind.BUSWAY, 1_800, 0.995, "ups-" + side));
        }
        return Chains.facility(
                nodes,
                List.of(new RedundancyGroup(
                        "sides", RedundancyScheme.TWO_N, List.of("tx-a", "tx-b", "ups-a", "ups-b", "bus-a", "bus-b"))),
                mixed(gb200, gb300, "bus-a", "bus-b"));
    }

    private static List<Rack> mixed(int gb200, int gb300, String... sources) {
        List<Rack> racks = new ArrayList<>();
        for (int i = 0; i < gb200 + gb300; i++) {
            List<RackFeed> feeds = new ArrayList<>();
            for (int k = 0; k < sources.length; k++) {
                feeds.add(new RackFeed(FeedSide.values()[k], sources[k]));
            }
            racks.add(new Rack(
                    "rack-" + i,
                    i < gb200 ? "gb200-nvl72" : "gb300-nvl72",
                    null,
                    Placement.inHall("hall-1", 1, 1, 0),
                    feeds,
                    null,
                    null));
        }
        return racks;
    }

    private static PowerGraph maxGraph(Facility f) {
        return new PowerGraph(f, Chains.CATALOG, PowerOptions.of(LoadMode.MAX));
    }

    private static CapPlanner planner(PowerGraph g) {
        return new CapPlanner(g, Chains.CATALOG, GridOptions.DEFAULT, 0, -1);
    }

    @Test
    void identicalRacksCappedToEightyPercentShareTheCapEqually() {
        // 10 GB200 racks at max 132 kW: 1,320 kW uncapped. Budget 80 % = 1,056 kW: 105.6 kW each.
        // The GPUs keep 105.6 - 45.6 = 60 kW of their 86.4 kW: p = 0.694444; training curve:
        // throughput 0.694444^0.866 = exp(0.866 x -0.364643) = exp(-0.315781) = 0.729219.
        CapPlanner p = planner(maxGraph(losslessChain(10, 0)));
        double[] loads = p.allocate(0.8 * 1_320);
        for (double load : loads) {
            assertThat(load).isCloseTo(105.6, within(1e-6));
        }
        assertThat(p.gpuPowerFraction(0, loads[0])).isCloseTo(60 / 86.4, within(1e-9));
        assertThat(p.throughputFraction(loads)).isCloseTo(0.729219, within(1e-6));
        // lossless chain: the utility cap of 1,056 kW is the IT budget
        CapPlanner.Plan plan = p.fitUtility(1_056);
        assertThat(plan.utilityKw()).isLessThanOrEqualTo(1_056).isCloseTo(1_056, within(1e-6));
        assertThat(plan.racksCapped()).isEqualTo(10);
        assertThat(plan.throughputFraction()).isCloseTo(0.729219, within(1e-6));
    }

    @Test
    void twoRackTypesEndWithEqualMarginalThroughputAndBeatEqualFractionCapping() {
        // 6 GB200 (72 x 5 PF = 360 PF; G = 86.4, N = 45.6 kW) and 6 GB300 (72 x 5 PF = 360 PF; G = 72 x 1.4 =
        // 100.8, N = 142 - 100.8 = 41.2 kW): same weight, one curve (alpha 0.44 for every rack).
        GridOptions grid = GridOptions.DEFAULT.withCurveAlpha(0.44);
        GpuPowerCurve curve = grid.curve(WorkloadKind.TRAINING);
        CapPlanner p = new CapPlanner(maxGraph(losslessChain(6, 6)), Chains.CATALOG, grid, 0, -1);
        double budgetKw = 0.75 * (6 * 132 + 6 * 142); // 1,233 kW
        double[] loads = p.allocate(budgetKw);
        assertThat(sum(loads)).isCloseTo(budgetKw, within(1e-6));
        double w = 360;
        double m200 = curve.marginalPerKw(loads[0] - 45.6, w, 86.4);
        double m300 = curve.marginalPerKw(loads[11] - 41.2, w, 100.8);
        assertThat(loads[0]).isGreaterThan(45.6 + 0.3 * 86.4).isLessThan(132);
        assertThat(loads[11]).isGreaterThan(41.2 + 0.3 * 100.8).isLessThan(142);
        assertThat(m200).isCloseTo(m300, within(1e-9 * m200));
        // equal marginals alpha w / G p^(alpha-1): G_200^-alpha (P_200 - N_200)^(alpha-1) = G_300^-alpha (P_300 -
        // N_300)^(alpha-1),
        // so (P_200 - N_200) / (P_300 - N_300) = (G_200 / G_300)^(alpha / (alpha - 1)) = (86.4/100.8)^(-0.7857) =
        // 1.1287:
        // x = P_300 - 41.2 from 6 (45.6 + 1.1287 x) + 6 (41.2 + x) = 1,233: x = 55.76, P_300 = 96.96, P_200 = 108.54 kW
        assertThat((loads[0] - 45.6) / (loads[11] - 41.2))
                .isCloseTo(Math.pow(86.4 / 100.8, 0.44 / (0.44 - 1)), within(1e-9));
        assertThat(loads[11]).isCloseTo(96.96, within(0.01));
        double[] equal = new double[12];
        for (int r = 0; r < 12; r++) {
            equal[r] = 0.75 * (r < 6 ? 132 : 142);
        }
        assertThat(p.throughputFraction(loads)).isGreaterThan(p.throughputFraction(equal));
    }

    @Test
    void cappedLoadFlowMeetsTheCapAndConservesPower() {
        // 2N lossy chain with 8 GB200 + 4 GB300: at max 8 x 132 + 4 x 142 = 1,624 kW IT plus losses.
        CapPlanner p = planner(maxGraph(lossy2N(8, 4)));
        CapPlanner.Plan top = p.plan(p.allocate(p.maxItKw), true);
        for (double fraction : new double[] {0.95, 0.8, 0.65}) {
            double capKw = fraction * top.utilityKw();
            CapPlanner.Plan plan = p.fitUtility(capKw);
            assertThat(plan.feasible()).isTrue();
            assertThat(plan.utilityKw()).isLessThanOrEqualTo(capKw).isGreaterThan(capKw * (1 - CAP_RELATIVE));
            Conservation.check(plan.graph(), plan.flow());
        }
        // below every rack at its floor (N + 0.3 G: GB200 45.6 + 25.92 = 71.52 kW, GB300 41.2 + 30.24 = 71.44 kW;
        // 857.9 kW of IT, 0.53 of max) plus the chain's losses, infeasible
        assertThat(p.fitUtility(0.45 * top.utilityKw()).feasible()).isFalse();
    }

    @Property(tries = 60, seed = "20251123")
    void throughputNeverRisesWhenTheCapTightens(
            @ForAll @DoubleRange(min = 0.5, max = 1.1) double a, @ForAll @DoubleRange(min = 0.5, max = 1.1) double b) {
        CapPlanner p = planner(maxGraph(lossy2N(5, 7)));
        double topKw = p.plan(p.allocate(p.maxItKw), true).utilityKw();
        CapPlanner.Plan loose = p.fitUtility(Math.max(a, b) * topKw);
        CapPlanner.Plan tight = p.fitUtility(Math.min(a, b) * topKw);
        assertThat(tight.throughputFraction()).isLessThanOrEqualTo(loose.throughputFraction() + 1e-12);
        assertThat(tight.utilityKw()).isLessThanOrEqualTo(loose.utilityKw() + 1e-9);
    }

    @Test
    void demandResponseEnergyIsCurtailedPowerTimesHours() {
        // lossless chain, 10 GB200 at typical 120 kW = 1,200 kW; curtail 20 % for 4 h: target 960 kW,
        // 240 kW curtailed, 240 x 4 = 960 kWh = 0.96 MWh; each rack capped to 96 kW = 0.7273 of 132 kW;
        // GPU power (96 - 45.6) / 86.4 = 0.583333 of nominal against (120 - 45.6) / 86.4 = 0.861111 before:
        // throughput (0.583333 / 0.861111)^0.866 = 0.677419^0.866 = 0.713711 (training curve).
        Facility f = losslessChain(10, 0);
        GridEvent e = GridStudy.demandResponse(Chains.graph(f), Chains.CATALOG, GridOptions.DEFAULT, 0);
        assertThat(e.baselineUtilityKw()).isCloseTo(1_200, within(KW));
        assertThat(e.targetUtilityKw()).isCloseTo(960, within(KW));
        assertThat(e.curtailedKw()).isCloseTo(240, within(1e-6));
        assertThat(e.energyCurtailedMwh()).isCloseTo(0.96, within(1e-8));
        assertThat(e.energyCurtailedMwh()).isCloseTo(e.curtailedKw() * e.durationH() / 1_000, within(1e-12));
        assertThat(e.racksCapped()).isEqualTo(10);
        assertThat(e.caps()).singleElement().satisfies(c -> {
            assertThat(c.racks()).isEqualTo(10);
            assertThat(c.capKw()).isCloseTo(96, within(1e-6));
            assertThat(c.gpuPowerFraction()).isCloseTo(50.4 / 86.4, within(1e-9));
            assertThat(c.workload()).isEqualTo("training");
        });
        assertThat(e.throughputFraction()).isCloseTo(0.713711, within(1e-6));
        assertThat(e.throughputLostHours()).isCloseTo((1 - 0.713711) * 4, within(1e-5));
        assertThat(e.feasible()).isTrue();
    }

    @Test
    void lostTransformerOfA2NChainNeedsNoCaps() {
        // 2N: tx-a out, side B carries 8 x 120 + 4 x 132 = 1,488 kW + losses, under every B rating.
        Facility f = lossy2N(8, 4);
        PowerGraph g = Chains.graph(f);
        GridEvent e = GridStudy.lostFeed(
                g, LoadFlow.solve(g), Chains.CATALOG, GridOptions.DEFAULT.withLostFeed("tx-a", 2), 0);
        assertThat(e.kind()).isEqualTo("lost-feed");
        assertThat(e.feasible()).isTrue();
        assertThat(e.racksCapped()).isZero();
        assertThat(e.racksUnpowered()).isZero();
        assertThat(e.throughputFraction()).isCloseTo(1, within(1e-12));
    }

    @Test
    void lostTransformerOfAnNChainUnpowersItsRacks() {
        // N: one transformer, 10 GB200 behind it: all unpowered, 1,200 kW curtailed for 4 h = 4.8 MWh, throughput 0.
        Facility f = losslessChain(10, 0);
        PowerGraph g = Chains.graph(f);
        GridEvent e = GridStudy.lostFeed(g, LoadFlow.solve(g), Chains.CATALOG, GridOptions.DEFAULT, 0);
        assertThat(e.description()).contains("tx");
        assertThat(e.racksUnpowered()).isEqualTo(10);
        assertThat(e.unpowered()).hasSize(10);
        assertThat(e.curtailedKw()).isCloseTo(1_200, within(KW));
        assertThat(e.energyCurtailedMwh()).isCloseTo(4.8, within(1e-9));
        assertThat(e.throughputFraction()).isZero();
    }

    @Test
    void lostSideWithUndersizedBuswayCapsTheRacksBehindIt() {
        // 2N lossless, busways 1,000 kW; 10 GB200 at 120 kW: 600 kW per side. bus-a out: bus-b would carry
        // 1,200 kW > 1,000: the plan caps every rack to 100 kW (x (1 - 1e-7)); throughput
        // ((100 - 45.6) / (120 - 45.6))^0.866 = (54.4 / 74.4)^0.866 = 0.762512.
        Facility f = Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 10_000),
                        lossless("bus-a", PowerNodeKind.BUSWAY, 1_000, "utility"),
                        lossless("bus-b", PowerNodeKind.BUSWAY, 1_000, "utility")),
                Chains.racks(10, null, "bus-a", "bus-b"));
        PowerGraph g = Chains.graph(f);
        GridEvent e = GridStudy.lostFeed(
                g, LoadFlow.solve(g), Chains.CATALOG, GridOptions.DEFAULT.withLostFeed("bus-a", 1), 0);
        assertThat(e.feasible()).isTrue();
        assertThat(e.racksCapped()).isEqualTo(10);
        assertThat(e.caps())
                .singleElement()
                .satisfies(c -> assertThat(c.capKw()).isCloseTo(100, within(1e-4)));
        assertThat(e.throughputFraction())
                .isCloseTo(Math.pow(54.4 / 74.4, TRAIN), within(1e-6))
                .isCloseTo(0.762512, within(1e-6));
        assertThat(e.utilityKw()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void reportCarriesCappingAndGridEventsForTheScalableUnit() {
        PowerReport r = (PowerReport) new PowerAnalysis()
                .analyze(
                        org.aifactory.twin.samples.Samples.SCALABLE_UNIT.load(),
                        Chains.CATALOG,
                        AnalysisContext.empty())
                .report();
        assertThat(r.capping().curve()).hasSize(GridOptions.DEFAULT.curvePoints());
        assertThat(r.capping().curve().get(15).throughputFraction()).isCloseTo(1, within(1e-12));
        for (int k = 1; k < r.capping().curve().size(); k++) {
            assertThat(r.capping().curve().get(k).facilityPowerKw())
                    .isGreaterThan(r.capping().curve().get(k - 1).facilityPowerKw());
            assertThat(r.capping().curve().get(k).throughputFraction())
                    .isGreaterThan(r.capping().curve().get(k - 1).throughputFraction());
        }
        assertThat(r.gridEvents()).extracting(GridEvent::kind).containsExactly("demand-response", "lost-feed");
        GridEvent dr = r.gridEvents().get(0);
        assertThat(dr.utilityKw()).isLessThanOrEqualTo(dr.targetUtilityKw());
        assertThat(dr.targetUtilityKw()).isCloseTo(0.8 * r.utilityDemandKw(), within(1e-6));
    }

    @Test
    void hundredMegawattHallCappedToEightyPercentOfItsMaximumDemand() {
        // 640 GB300 racks at max 142 kW + 80 network racks at 30 kW: 102,711 kW at the utility. A site cap
        // of 80 % of that caps every GB300 rack alike (about 108.5 kW, 0.764 of max). The racks serve
        // (aggregated inference, alpha 0.436); their GPUs keep (108.5 - 41.2) / 100.8 = 0.668 of nominal
        // power and 0.668^0.436 = 0.839 of the throughput; the power chain's losses fall with the load, so
        // IT power falls a little less than 20 %.
        Facility f = org.aifactory.twin.samples.Samples.HALL_100MW.load();
        PowerReport uncapped = (PowerReport) new PowerAnalysis()
                .analyze(f, Chains.CATALOG, AnalysisContext.empty())
                .report();
        double capKw = 0.8 * uncapped.capping().uncappedUtilityKw();
        var result = new PowerAnalysis(PowerOptions.DEFAULT, GridOptions.DEFAULT.withSiteCapKw(capKw))
                .analyze(f, Chains.CATALOG, AnalysisContext.empty());
        CappingReport c = ((PowerReport) result.report()).capping();
        assertThat(c.siteCapSource()).isEqualTo("options");
        assertThat(c.curveAlphaByWorkload()).containsEntry("inference", 0.436).containsEntry("decode", 0.109);
        assertThat(c.utilityKw()).isLessThanOrEqualTo(capKw).isGreaterThan(capKw * (1 - CAP_RELATIVE));
        assertThat(c.racksCapped()).isEqualTo(640);
        assertThat(c.caps())
                .singleElement()
                .satisfies(g -> assertThat(g.capFractionOfMax()).isCloseTo(0.764, within(0.002)));
        CapGroup group = c.caps().get(0);
        assertThat(group.workload()).isEqualTo("inference");
        assertThat(group.gpuPowerFraction()).isCloseTo((group.capKw() - 41.2) / 100.8, within(1e-9));
        assertThat(c.throughputFraction())
                .isCloseTo(Math.pow(group.gpuPowerFraction(), 0.436), within(1e-9))
                .isCloseTo(0.839, within(0.003));
        assertThat(result.findings())
                .anyMatch(x -> x.code().equals("POWER_CAP_REQUIRED")
                        && x.severity() == org.aifactory.twin.model.analysis.Severity.INFO);
        // the plan's own load flow conserves power at every node
        CapPlanner p = planner(maxGraph(f));
        CapPlanner.Plan plan = p.fitUtility(capKw);
        Conservation.check(plan.graph(), plan.flow());
        assertThat(plan.utilityKw()).isCloseTo(c.utilityKw(), within(1e-6));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
