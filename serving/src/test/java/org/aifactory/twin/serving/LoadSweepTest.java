package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.GpuType;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** The serving report's loadSweep: tokens per second against offered load. */
class LoadSweepTest {

    private static ServingReport sweep(Facility f) {
        CatalogIndex cat = new CatalogIndex(CatalogIo.builtIn(), f.catalog());
        return new ServingEmulation()
                .run(f, cat, ServingEmulation.Options.VALIDATE, Map.of(), true)
                .report();
    }

    /** The lab sample with fixed prompts of 1,024 and outputs of 512 tokens (so the offered tokens are exact). */
    private static Facility fixedLab(double rateRps) {
        Facility lab = Samples.LAB.load();
        TrafficProfile t = lab.workload().traffic().get(0);
        TrafficProfile fixed = new TrafficProfile(
                t.id(),
                t.deployment(),
                new Arrival(ArrivalKind.POISSON, rateRps, null, null, null),
                TokenDistribution.fixed(1024),
                TokenDistribution.fixed(512));
        org.aifactory.twin.model.Deployment d = lab.workload().deployments().get(0);
        org.aifactory.twin.model.Deployment four = new org.aifactory.twin.model.Deployment(
                d.id(),
                d.model(),
                d.precision(),
                d.mode(),
                d.racks(),
                List.of(new org.aifactory.twin.model.WorkerPool(
                        org.aifactory.twin.model.PoolRole.AGGREGATED,
                        4,
                        d.pools().get(0).parallelism())),
                d.router());
        return lab.withWorkload(
                new Workload(List.of(four), List.of(fixed), lab.workload().slos()));
    }

    /**
     * Four tensor-parallel-4 replicas of Llama-2-70B FP8 on GB200 (the lab's rack), 120 req/s of
     * fixed 1,024 + 512 tokens: 184,320 offered tokens/s at load 1.0.
     */
    private static final ServingReport LAB4 = sweep(fixedLab(120));

    @Test
    void everyPointAndTheOfferedLoadAreThere() {
        List<LoadPoint> s = LAB4.loadSweep();
        assertThat(LAB4.loadSweepSkipped()).isNull();
        assertThat(s).extracting(LoadPoint::loadFraction).containsExactly(0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0);
        for (LoadPoint p : s) {
            // Poisson arrivals: the measured rate is within a few % of 120 × f
            assertThat(p.offeredRps()).isCloseTo(120 * p.loadFraction(), withinPercentage(5));
            // fixed sizes: offered tokens are exactly arrivals × 1,536
            assertThat(p.offeredTokensPerSecond()).isCloseTo(p.offeredRps() * 1536, withinPercentage(1e-9));
            assertThat(p.goodputTokensPerSecond()).isLessThanOrEqualTo(p.tokensPerSecond());
            assertThat(p.sloAttainment()).isBetween(0.0, 1.0);
        }
    }

    /**
     * Conservation: below saturation nothing is dropped, so the tokens served in the window equal
     * the tokens offered (arrivals × 1,536), to the window's edge effects (1 %).
     */
    @Test
    void atLowLoadEveryOfferedTokenIsServed() {
        for (LoadPoint p : LAB4.loadSweep().subList(0, 2)) {
            assertThat(p.overloaded()).isFalse();
            assertThat(p.tokensPerSecond()).isCloseTo(p.offeredTokensPerSecond(), withinPercentage(1));
            assertThat(p.sloAttainment()).isEqualTo(1.0);
        }
    }

    /**
     * Throughput rises with load; past saturation it bends: served falls short of offered (by
     * more than 10 % at 2×) and each extra offered token adds less than 0.7 of a served one (1 below saturation).
     */
    @Test
    void throughputRisesThenSaturates() {
        List<LoadPoint> s = LAB4.loadSweep();
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).tokensPerSecond()).isGreaterThan(s.get(i - 1).tokensPerSecond());
        }
        LoadPoint last = s.get(s.size() - 1);
        LoadPoint before = s.get(s.size() - 2);
        assertThat(last.overloaded()).isTrue();
        assertThat(last.tokensPerSecond()).isLessThan(0.9 * last.offeredTokensPerSecond());
        double slope = (last.tokensPerSecond() - before.tokensPerSecond())
                / (last.offeredTokensPerSecond() - before.offeredTokensPerSecond());
        assertThat(slope).isLessThan(0.7);
        double firstSlope = s.get(1).tokensPerSecond() / s.get(1).offeredTokensPerSecond();
        assertThat(firstSlope).isGreaterThan(0.95);
    }

    /**
     * The saturated point against the emulator's own performance model (PlannerModel reads the
     * same ExecutionModel the workers run). One replica decodes at most D = 57.7k tokens/s (its
     * largest KV-bounded batch, context 1,024 + 256 mean) and prefills a 1,024-token prompt alone
     * in P = 10.8 ms. Upper bound: output tokens ≤ 4·D, so total ≤ 4·D·1,536/512. Serial estimate
     * (prefill and decode never overlapping): a request takes P + 512/D of a replica, so 4 replicas
     * serve 4/(P + 512/D) req/s ≈ 203 req/s ≈ 312k tokens/s; mixed batches overlap a little, so the
     * emulator may exceed it slightly. The 2× point (372k tokens/s offered) must sit between 0.8×
     * the serial estimate and the decode bound.
     */
    @Test
    void saturatedThroughputMatchesThePerformanceModel() {
        Facility lab = fixedLab(120);
        CatalogIndex cat = new CatalogIndex(CatalogIo.builtIn(), lab.catalog());
        org.aifactory.twin.model.Deployment d = lab.workload().deployments().get(0);
        LlmType llm = cat.model(d.model()).orElseThrow();
        GpuType gpu =
                cat.gpu(cat.rack(lab.racks().get(0).type()).orElseThrow().gpu()).orElseThrow();
        ExecutionModel m =
                new ExecutionModel(llm, gpu, d.precision(), d.pools().get(0).parallelism(), Efficiency.DEFAULT);
        int budget = EmulationSpec.DEFAULT_TOKEN_BUDGET;
        double decodePerS = PlannerModel.decodeTokensPerS(m, 1e9, 1024 + 256, budget, EmulationSpec.DEFAULT_MAX_BATCH);
        double prefillS = PlannerModel.prefillS(m, 1024, budget);
        double bound = 4 * decodePerS * 1536 / 512;
        double serial = 4 / (prefillS + 512 / decodePerS) * 1536;
        assertThat(serial).isBetween(250e3, 400e3); // the model's own numbers, as the comment says
        LoadPoint saturated = LAB4.loadSweep().get(LAB4.loadSweep().size() - 1);
        assertThat(saturated.tokensPerSecond()).isBetween(0.8 * serial, bound);
        assertThat(saturated.tokensPerSecond()).isCloseTo(serial, withinPercentage(20));
    }

    /** More deployments than a sweep emulates: skipped, and the report says why. */
    @Test
    void manyDeploymentsSkipTheSweep() {
        Facility lab = Samples.LAB.load();
        org.aifactory.twin.model.Deployment d = lab.workload().deployments().get(0);
        List<org.aifactory.twin.model.Deployment> many = new java.util.ArrayList<>();
        for (int i = 0; i <= ServingEmulation.SWEEP_MAX_DEPLOYMENTS; i++) {
            many.add(new org.aifactory.twin.model.Deployment(
                    d.id() + "-" + i, d.model(), d.precision(), d.mode(), d.racks(), d.pools(), d.router()));
        }
        ServingReport r = sweep(lab.withWorkload(new Workload(many, List.of(), List.of())));
        assertThat(r.loadSweep()).isEmpty();
        assertThat(r.loadSweepSkipped()).startsWith("33 deployments");
        // the lab itself is swept
        assertThat(sweep(lab).loadSweep()).hasSize(ServingEmulation.SWEEP_FRACTIONS.length);
    }

    /**
     * A disaggregated 1 prefill : 10 decode split (Llama-2-70B FP8, TP4, on the lab's GB200 rack)
     * with 128-token prompts and 1,024-token answers at 300 req/s: decode needs about 300 × 1,024
     * = 307k output tokens/s, which ten decode replicas carry (the main run keeps up) but four could
     * not. The sweep must emulate the split as it is, so at load 1.0 it keeps up as the main run does.
     */
    @Test
    void aDisaggregatedSplitIsSweptWithItsOwnRatio() {
        Facility lab = Samples.LAB.load();
        TrafficProfile t = lab.workload().traffic().get(0);
        TrafficProfile traffic = new TrafficProfile(
                t.id(),
                t.deployment(),
                new Arrival(ArrivalKind.POISSON, 300, null, null, null),
                TokenDistribution.fixed(128),
                TokenDistribution.fixed(1024));
        org.aifactory.twin.model.Deployment d = lab.workload().deployments().get(0);
        org.aifactory.twin.model.Parallelism tp = d.pools().get(0).parallelism();
        org.aifactory.twin.model.Deployment split = new org.aifactory.twin.model.Deployment(
                d.id(),
                d.model(),
                d.precision(),
                org.aifactory.twin.model.ServingMode.DISAGGREGATED,
                d.racks(),
                List.of(
                        new org.aifactory.twin.model.WorkerPool(org.aifactory.twin.model.PoolRole.PREFILL, 1, tp),
                        new org.aifactory.twin.model.WorkerPool(org.aifactory.twin.model.PoolRole.DECODE, 10, tp)),
                d.router());
        ServingReport r = sweep(lab.withWorkload(
                new Workload(List.of(split), List.of(traffic), lab.workload().slos())));
        DeploymentServing main = r.deployments().get(0);
        LoadPoint atOne = r.loadSweep().stream()
                .filter(p -> p.loadFraction() == 1.0)
                .findFirst()
                .orElseThrow();
        // Offered tokens at 1.0: 300 req/s x (128 + 1,024) (Poisson: a few % either way).
        assertThat(atOne.offeredTokensPerSecond()).isCloseTo(300 * 1152.0, withinPercentage(6));
        // It keeps up as the main run does (served within 8 % of offered and of the main run's rate: a short window of
        // 4,000 requests of ~5 s each loses some to its edges); emulated 1 : 4, decode would cap it ~25 % short.
        assertThat(main.tokensPerSecond()).isCloseTo(300 * 1152.0, withinPercentage(6));
        assertThat(atOne.tokensPerSecond()).isCloseTo(atOne.offeredTokensPerSecond(), withinPercentage(8));
        assertThat(atOne.tokensPerSecond()).isCloseTo(main.tokensPerSecond(), withinPercentage(8));
    }
}
