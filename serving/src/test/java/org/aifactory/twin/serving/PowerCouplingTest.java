package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.FacilityPowerFact;
import org.aifactory.twin.model.analysis.RackPowerLimitFact;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class PowerCouplingTest {
    private static final double CAP = 0.7;
    /** What a 70 % cap leaves: 0.7^0.44 = 0.855 of a memory-bound replica, 0.7^0.8 = 0.752 of a compute-bound one. */
    private static final double MEMORY_BOUND_KEEPS = Math.pow(CAP, 0.44);

    private static final double COMPUTE_BOUND_KEEPS = Math.pow(CAP, 0.8);

    /** GB200, Llama-2-70B FP8, TP1, no fixed overhead: every iteration is pure roofline. */
    private static ExecutionModel tp1NoOverhead() {
        Efficiency e = new Efficiency(0.788, 0.92, 1.0, 0.75, 5e-6, 0);
        return Mlperf.model("b200-gb200", Precision.FP8, 1, e);
    }

    @Test
    void theCurveMatchesItsSources() {
        // 600 W of 700 W: memory-bound inference loses 0.857^0.44 → 6.6 % (source: 5-8 %)
        assertThat(1 - Math.pow(600 / 700.0, PowerThrottle.MEMORY_ALPHA)).isBetween(0.05, 0.08);
        // compute-bound loses 0.857^0.8 → 11.6 % (source: 10-15 % step time for pretraining)
        assertThat(1 - Math.pow(600 / 700.0, PowerThrottle.COMPUTE_ALPHA)).isBetween(0.10, 0.15);
        assertThat(PowerThrottle.at(1.0)).isEqualTo(ExecutionModel.Derate.NONE);
        // below the floor the GPU is held at its lowest limit
        assertThat(PowerThrottle.at(0.1)).isEqualTo(PowerThrottle.at(PowerThrottle.FLOOR_FRACTION));
    }

    @Test
    void aSeventyPercentCapSlowsMemoryBoundDecodeByTheMemoryCurveAndPrefillByTheComputeCurve() {
        ExecutionModel m = tp1NoOverhead();
        ExecutionModel capped = m.derated(PowerThrottle.at(CAP));
        // decode at batch 1: weights and KV reads, memory-bound: time × 1 / 0.7^0.44
        double decode = m.iterationS(1, 1000, 0, 0, 0);
        assertThat(capped.iterationS(1, 1000, 0, 0, 0)).isCloseTo(decode / MEMORY_BOUND_KEEPS, within(decode * 1e-9));
        // an 8,192-token prefill chunk: compute-bound: time × 1 / 0.7^0.8
        double prefill = m.iterationS(0, 0, 8192, 8192 * 4096.0, 8192);
        assertThat(capped.iterationS(0, 0, 8192, 8192 * 4096.0, 8192))
                .isCloseTo(prefill / COMPUTE_BOUND_KEEPS, within(prefill * 1e-9));
    }

    @Test
    void aCappedReplicaAtSaturationLosesBetweenTheTwoCurvesAndDecodeHeavyWorkLosesTheMemoryCurve() {
        ExecutionModel m = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
        TokenDistribution in = new TokenDistribution(DistributionKind.FIXED, 64, null, null, null);
        TokenDistribution out = new TokenDistribution(DistributionKind.FIXED, 1024, null, null, null);
        // at most 64 sequences per replica: decode stays memory-bound (at thousands it turns compute-bound)
        EmulationSpec spec = new EmulationSpec(
                m,
                2,
                null,
                0,
                0,
                RouterPolicy.LEAST_LOADED,
                EmulationSpec.DEFAULT_TOKEN_BUDGET,
                64,
                4_000,
                0,
                Double.NaN,
                Double.NaN,
                99,
                99,
                EmulationSpec.DEFAULT_TIME_SERIES_POINTS);
        double free =
                new Emulator(spec, RequestSource.offline(in, out, 1)).run().outputTokensPerS();
        ExecutionModel c = m.derated(PowerThrottle.at(CAP));
        double capped = new Emulator(spec, RequestSource.offline(in, out, 1))
                .withWorkerModels(new ExecutionModel[] {c, c}, null)
                .run()
                .outputTokensPerS();
        // decode-heavy (64 in, 1,024 out) at saturation: within 3 % of the memory curve (the fixed 0.3 ms overhead and
        // the
        // all-reduce do not slow down), never below the compute curve
        assertThat(capped / free).isBetween(COMPUTE_BOUND_KEEPS, 1.0).isCloseTo(MEMORY_BOUND_KEEPS, within(0.03));
    }

    @Test
    void thePowerAnalysisFacilityOverheadTurnsItEnergyIntoFacilityEnergy() {
        Facility lab = Samples.LAB.load();
        ServingReport it = analyse(lab, AnalysisContext.empty());
        assertThat(it.facilityPowerOverhead()).isNull();
        assertThat(it.facilityTokensPerJoule()).isNull();

        // 1,000 kW of IT drawing 1,250 kW at the meter: every token costs 1.25 times the IT energy
        ServingReport facility = analyse(lab, () -> List.of(new FacilityPowerFact(1000, 1250)));
        assertThat(facility.tokensPerSecond()).isEqualTo(it.tokensPerSecond());
        assertThat(facility.tokensPerJoule()).isEqualTo(it.tokensPerJoule()).isPositive();
        assertThat(facility.facilityPowerOverhead()).isEqualTo(1.25);
        assertThat(facility.facilityTokensPerJoule()).isCloseTo(it.tokensPerJoule() / 1.25, within(1e-12));
        assertThat(facility.facilityEnergyCostUsdPerMillionTokens())
                .isCloseTo(it.energyCostUsdPerMillionTokens() * 1.25, within(1e-12));
    }

    private static ServingReport analyse(Facility f, AnalysisContext context) {
        return (ServingReport) new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), context)
                .report();
    }

    /** The lab sample offered far more than it serves: throughput is capacity. */
    private static Facility saturatedLab() {
        Facility lab = Samples.LAB.load();
        TrafficProfile t = lab.workload().traffic().get(0);
        TrafficProfile heavy = new TrafficProfile(
                t.id(),
                t.deployment(),
                new Arrival(ArrivalKind.POISSON, 5_000, null, null, null),
                t.inputTokens(),
                t.outputTokens());
        return lab.withWorkload(new Workload(
                lab.workload().deployments(), List.of(heavy), lab.workload().slos()));
    }

    @Test
    void aSeventyPercentCapOnEveryRackLowersFacilityThroughputByTheCurve() {
        Facility f = saturatedLab();
        Map<String, Double> all = new HashMap<>();
        f.racks().stream().map(Rack::id).forEach(id -> all.put(id, CAP));
        ServingReport free = analyse(f, AnalysisContext.empty());
        ServingReport capped = analyse(f, () -> List.of(new RackPowerLimitFact("power", all, "site cap")));
        double ratio = capped.tokensPerSecond() / free.tokensPerSecond();
        assertThat(ratio).isBetween(COMPUTE_BOUND_KEEPS - 0.02, MEMORY_BOUND_KEEPS + 0.02);
        assertThat(capped.deployments().get(0).powerLimitedReplicas())
                .isEqualTo(capped.deployments().get(0).replicas());
        assertThat(capped.deployments().get(0).meanGpuPowerFraction()).isCloseTo(CAP, within(1e-12));
    }

    @Test
    void noFactOrAFactOnOtherRacksChangesNothing() {
        Facility f = Samples.SCALABLE_UNIT.load();
        ServingReport none = analyse(f, AnalysisContext.empty());
        ServingReport other =
                analyse(f, () -> List.of(new RackPowerLimitFact("thermal", Map.of("no-such-rack", 0.5), "warm")));
        assertThat(other).isEqualTo(none);
        assertThat(none.deployments().get(0).powerLimitedReplicas()).isZero();
    }

    @Test
    void theTightestLimitPerRackWins() {
        AnalysisContext c = () -> List.of(
                new RackPowerLimitFact("power", Map.of("a", 0.8, "b", 0.9), "cap"),
                new RackPowerLimitFact("thermal", Map.of("a", 0.85, "b", 0.6), "warm"));
        assertThat(ServingAnalysis.tightestLimits(c)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0.8, "b", 0.6));
        assertThat(new ServingAnalysis().after()).containsExactly("power", "thermal");
    }
}
