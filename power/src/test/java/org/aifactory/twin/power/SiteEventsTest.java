package org.aifactory.twin.power;

import static org.aifactory.twin.power.Chains.lossless;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.GridEventSpec;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityPowerFact;
import org.aifactory.twin.model.analysis.RackPowerLimitFact;
import org.aifactory.twin.model.analysis.Severity;
import org.junit.jupiter.api.Test;

/**
 * The facility file's site.powerCapKw and site.gridEvents drive the capping study and the events, and
 * the caps reach the serving analysis as a {@link RackPowerLimitFact}. GB200 NVL72: G = 72 x 1.2 =
 * 86.4 kW of GPUs, N = 132 - 86.4 = 45.6 kW of the rest; typical 120 kW, max 132 kW.
 */
class SiteEventsTest {

    /** utility -> bus-a, bus-b (lossless, 2N), 10 GB200 racks on both: 1,200 kW typical, 1,320 kW at max. */
    private static Facility tenRacks() {
        return Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 100_000),
                        lossless("bus-a", PowerNodeKind.BUSWAY, 10_000, "utility"),
                        lossless("bus-b", PowerNodeKind.BUSWAY, 10_000, "utility")),
                Chains.racks(10, null, "bus-a", "bus-b"));
    }

    private static AnalysisResult analyze(Facility f) {
        return new PowerAnalysis().analyze(f, Chains.CATALOG, AnalysisContext.empty());
    }

    private static RackPowerLimitFact fact(AnalysisResult result) {
        return result.facts().stream()
                .filter(RackPowerLimitFact.class::isInstance)
                .map(RackPowerLimitFact.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void noCapExceededAndNoEventsPublishNoLimit() {
        // grid 100,000 kW: the racks at max (1,320 kW) fit; the default events are what-ifs
        AnalysisResult result = analyze(tenRacks());
        PowerReport r = (PowerReport) result.report();
        assertThat(r.capping().siteCapSource()).isEqualTo(GridStudy.CAP_FROM_GRID);
        assertThat(r.gridEvents()).allSatisfy(e -> {
            assertThat(e.id()).isNull();
            assertThat(e.source()).startsWith("default study");
        });
        assertThat(result.facts()).noneMatch(RackPowerLimitFact.class::isInstance);
    }

    @Test
    void theFacilityPowerFactCarriesTheReportsItAndFacilityPower() {
        AnalysisResult result = analyze(tenRacks());
        PowerReport r = (PowerReport) result.report();
        FacilityPowerFact fact = result.facts().stream()
                .filter(FacilityPowerFact.class::isInstance)
                .map(FacilityPowerFact.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(fact.itPowerKw()).isEqualTo(r.itPowerKw()).isPositive();
        // no thermal analysis ran: facility = IT + losses only
        assertThat(fact.facilityPowerKw())
                .isEqualTo(r.itPowerKw() + r.lossesKw())
                .isEqualTo(r.facilityPowerKw());
        assertThat(fact.overhead()).isEqualTo(r.pue());
    }

    @Test
    void siteCapFromTheFileCapsTheRacksAndTellsServing() {
        // powerCapKw 1,056 kW on a lossless chain: 80 % of 1,320 kW at max, so 105.6 kW per rack; the GPUs
        // keep 105.6 - 45.6 = 60 kW of 86.4: 0.694444 of nominal GPU power, for every rack.
        Facility f = tenRacks();
        f = f.withSite(f.site().withPowerCapKw(1_056.0));
        AnalysisResult result = analyze(f);
        CappingReport c = ((PowerReport) result.report()).capping();
        assertThat(c.siteCapKw()).isEqualTo(1_056);
        assertThat(c.siteCapSource()).isEqualTo("site.powerCapKw");
        assertThat(c.racksCapped()).isEqualTo(10);
        assertThat(c.utilityKw()).isLessThanOrEqualTo(1_056).isCloseTo(1_056, within(1e-6));
        assertThat(c.caps())
                .singleElement()
                .satisfies(g -> assertThat(g.capKw()).isCloseTo(105.6, within(1e-6)));
        RackPowerLimitFact limit = fact(result);
        assertThat(limit.source()).isEqualTo("power");
        assertThat(limit.gpuPowerFractionByRack()).hasSize(10);
        for (int i = 1; i <= 10; i++) {
            assertThat(limit.fractionFor("rack-" + i)).isCloseTo(60 / 86.4, within(1e-6));
        }
        assertThat(limit.reason()).contains("site power cap 1056 kW (site.powerCapKw)");
        assertThat(result.findings()).anyMatch(x -> x.code().equals("POWER_CAP_REQUIRED"));
    }

    @Test
    void aFileCapAboveTheInterconnectDoesNotBind() {
        // grid 100,000 kW (Chains); a powerCapKw of 150,000 kW cannot raise it
        Facility f = tenRacks();
        f = f.withSite(f.site().withPowerCapKw(150_000.0));
        CappingReport c = ((PowerReport) analyze(f).report()).capping();
        assertThat(c.siteCapKw()).isEqualTo(100_000);
        assertThat(c.siteCapSource()).isEqualTo("site grid capacity (below site.powerCapKw)");
    }

    @Test
    void gridEventsFromTheFileArePlannedAndTheTightestCapIsPublished() {
        // dr-1: curtail 20 % of 1,200 kW for 4 h: 960 kW, 96 kW per rack, 240 kW x 4 h = 0.96 MWh;
        //   GPU power (96 - 45.6) / 86.4 = 0.583333.
        // dr-2: 10 % for 2 h: 1,080 kW, 108 kW per rack: (108 - 45.6) / 86.4 = 0.722222.
        // lf-a: bus-a out for 8 h: bus-b (10,000 kW) carries all 1,200 kW, and each rack's 4 shelves on B
        //   (4 x 33 = 132 kW) its 120 kW: no cap, nothing lost.
        Facility f = tenRacks();
        f = f.withSite(f.site()
                .withGridEvents(List.of(
                        GridEventSpec.demandResponse("dr-1", 20, 4),
                        GridEventSpec.demandResponse("dr-2", 10, 2),
                        GridEventSpec.lostFeed("lf-a", "bus-a", 8))));
        AnalysisResult result = analyze(f);
        List<GridEvent> events = ((PowerReport) result.report()).gridEvents();
        assertThat(events).extracting(GridEvent::id).containsExactly("dr-1", "dr-2", "lf-a");
        assertThat(events).extracting(GridEvent::source).containsOnly("site.gridEvents");
        GridEvent dr1 = events.get(0);
        assertThat(dr1.targetUtilityKw()).isCloseTo(960, within(1e-9));
        assertThat(dr1.energyCurtailedMwh()).isCloseTo(0.96, within(1e-8));
        assertThat(dr1.durationH()).isEqualTo(4);
        assertThat(dr1.caps())
                .singleElement()
                .satisfies(c -> assertThat(c.capKw()).isCloseTo(96, within(1e-6)));
        assertThat(events.get(1).caps())
                .singleElement()
                .satisfies(c -> assertThat(c.capKw()).isCloseTo(108, within(1e-6)));
        GridEvent lf = events.get(2);
        assertThat(lf.kind()).isEqualTo("lost-feed");
        assertThat(lf.description()).contains("bus-a").contains("8.0 h");
        assertThat(lf.racksCapped()).isZero();
        assertThat(lf.feasible()).isTrue();
        // the fact: the tightest cap per rack over the events (dr-1's)
        RackPowerLimitFact limit = fact(result);
        assertThat(limit.gpuPowerFractionByRack()).hasSize(10);
        assertThat(limit.fractionFor("rack-3")).isCloseTo(50.4 / 86.4, within(1e-6));
        assertThat(limit.reason()).contains("dr-1").contains("dr-2").doesNotContain("lf-a");
        assertThat(result.findings())
                .filteredOn(x -> x.code().equals("POWER_GRID_EVENT_PLAN"))
                .hasSize(3)
                .allMatch(x -> x.severity() == Severity.INFO)
                .anySatisfy(x -> {
                    assertThat(x.element()).isEqualTo("dr-1");
                    assertThat(x.message()).contains("10 GPU racks capped").contains("0.96 MWh");
                });
    }

    @Test
    void lostFeedOfAnNChainUnpowersRacksWhichTheFactCannotExpress() {
        // one busway, N: bus out unpowers all 10 racks; an unpowered rack has no power fraction in (0, 1],
        // so the fact (limits in (0, 1]) lists no rack and is not published; the event says 10 unpowered.
        Facility f = Chains.facility(
                List.of(
                        lossless("utility", PowerNodeKind.UTILITY, 100_000),
                        lossless("bus", PowerNodeKind.BUSWAY, 10_000, "utility")),
                Chains.racks(10, null, "bus"));
        f = f.withSite(f.site().withGridEvents(List.of(GridEventSpec.lostFeed("lf", "bus", 1))));
        AnalysisResult result = analyze(f);
        GridEvent e = ((PowerReport) result.report()).gridEvents().get(0);
        assertThat(e.racksUnpowered()).isEqualTo(10);
        assertThat(e.energyCurtailedMwh()).isCloseTo(1.2, within(1e-9));
        assertThat(result.facts()).noneMatch(RackPowerLimitFact.class::isInstance);
    }

    /** 4 GB200 racks in a disaggregated deployment (2 prefill x 72 GPUs, 2 decode x 72) and 2 training racks. */
    private static Facility disaggregated() {
        Facility base = tenRacks();
        List<Rack> racks = new ArrayList<>(base.racks().subList(0, 6));
        Parallelism tp4 = new Parallelism(4, 1, 1, 1);
        Deployment d = new Deployment(
                "serve",
                "llama-3.1-70b",
                Precision.FP8,
                ServingMode.DISAGGREGATED,
                List.of("rack-1", "rack-2", "rack-3", "rack-4"),
                List.of(new WorkerPool(PoolRole.PREFILL, 36, tp4), new WorkerPool(PoolRole.DECODE, 36, tp4)),
                RouterPolicy.KV_AWARE);
        return new Facility(
                base.formatVersion(),
                base.site(),
                base.halls(),
                base.rows(),
                racks,
                base.power(),
                base.cooling(),
                base.network(),
                new Workload(List.of(d), List.of(), List.of()),
                base.catalog());
    }

    @Test
    void racksTakeTheWorkloadOfTheirDeployment() {
        // 144 prefill and 144 decode GPUs over 4 racks: the first 2 prefill, the next 2 decode; the rest train
        assertThat(WorkloadKind.ofRacks(disaggregated()))
                .containsExactly(
                        WorkloadKind.PREFILL,
                        WorkloadKind.PREFILL,
                        WorkloadKind.DECODE,
                        WorkloadKind.DECODE,
                        WorkloadKind.TRAINING,
                        WorkloadKind.TRAINING);
        assertThat(WorkloadKind.ofRacks(org.aifactory.twin.samples.Samples.SCALABLE_UNIT.load()))
                .contains(WorkloadKind.INFERENCE);
    }

    @Test
    void decodeRacksGiveUpPowerFirstAndLoseLittleThroughput() {
        // Same racks and weights; only the curves differ. At the optimum every rack inside its range has the
        // same marginal throughput per kW, alpha w / G p^(alpha - 1): with decode's alpha 0.109 that marginal is
        // small, so decode racks go down to lower power than prefill/training (alpha 0.866), and lose less
        // throughput per kW they give up.
        Facility f = disaggregated();
        PowerGraph g = new PowerGraph(f, Chains.CATALOG, PowerOptions.of(LoadMode.MAX));
        CapPlanner p = new CapPlanner(g, Chains.CATALOG, GridOptions.DEFAULT, 0, -1);
        double[] loads = p.allocate(0.8 * 6 * 132);
        double prefill = loads[0];
        double decode = loads[2];
        assertThat(loads[1]).isEqualTo(prefill);
        assertThat(loads[4]).isEqualTo(prefill); // training and prefill share the curve
        assertThat(decode).isLessThan(prefill);
        double decodeLossPerKw = (1 - p.rackThroughput(2, decode)) / (132 - decode);
        double prefillLossPerKw = (1 - p.rackThroughput(0, prefill)) / (132 - prefill);
        assertThat(decodeLossPerKw).isLessThan(prefillLossPerKw);
        GpuPowerCurve dc = GridOptions.DEFAULT.curve(WorkloadKind.DECODE);
        GpuPowerCurve pc = GridOptions.DEFAULT.curve(WorkloadKind.PREFILL);
        if (decode > p.floorKw[2] + 1e-9) {
            assertThat(dc.marginalPerKw(decode - 45.6, 360, 86.4))
                    .isCloseTo(
                            pc.marginalPerKw(prefill - 45.6, 360, 86.4),
                            within(1e-9 * pc.marginalPerKw(prefill - 45.6, 360, 86.4)));
        } else {
            // decode at its floor (45.6 + 0.3 x 86.4 = 71.52 kW): its marginal is still below prefill's
            assertThat(decode).isCloseTo(71.52, within(1e-9));
            assertThat(dc.marginalPerKw(decode - 45.6, 360, 86.4))
                    .isLessThanOrEqualTo(pc.marginalPerKw(prefill - 45.6, 360, 86.4));
        }
        // per-workload curves beat one inference curve for every rack on the true (per-workload) throughput
        CapPlanner uniform = new CapPlanner(g, Chains.CATALOG, GridOptions.DEFAULT.withCurveAlpha(0.436), 0, -1);
        double[] uniformLoads = uniform.allocate(0.8 * 6 * 132);
        assertThat(p.throughputFraction(loads)).isGreaterThan(p.throughputFraction(uniformLoads));
    }
}
