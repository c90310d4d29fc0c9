package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.TokenDistribution;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final TokenDistribution IN =
            new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192);
    private static final TokenDistribution OUT =
            new TokenDistribution(DistributionKind.LOGNORMAL, 256, 128.0, 16, 2048);
    private static final double STEP_S = 900;
    private static final double LOW_RPS = 20;
    private static final double HIGH_RPS = 200;
    private static final double INTERVAL_S = 60;
    private static final int MAX_WORKERS = 16;

    private static ExecutionModel gb200Tp4() {
        return Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
    }

    /** Poisson arrivals at {@code low} until {@code stepS}, then {@code high}: a step in load. */
    static RequestSource step(double low, double high, double stepS, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        RequestSource.TokenSampler in = new RequestSource.TokenSampler(IN, root.split());
        RequestSource.TokenSampler out = new RequestSource.TokenSampler(OUT, root.split());
        SplittableRandom times = root.split();
        return new RequestSource() {
            private double t;

            @Override
            public boolean next(Request r) {
                t += -Math.log(1 - times.nextDouble()) / (t < stepS ? low : high);
                r.arrivalS = t;
                r.inputTokens = in.next();
                r.outputTokens = out.next();
                return true;
            }

            @Override
            public double meanRateRps() {
                return high;
            }
        };
    }

    private static EmulationResult stepRun(PlannerSpec.Predictor predictor) {
        ExecutionModel m = gb200Tp4();
        int requests = (int) (LOW_RPS * STEP_S + HIGH_RPS * 1500);
        EmulationSpec spec = EmulationSpec.aggregated(m, MAX_WORKERS, RouterPolicy.LEAST_LOADED, requests)
                .withSlo(450, 99, 40, 99);
        PlannerSpec p = PlannerSpec.defaults(MAX_WORKERS, 0, PlannerSpec.startupS(m), 0)
                .withInterval(INTERVAL_S)
                .withInitial(2, 0)
                .withPredictor(predictor);
        return new Emulator(spec, step(LOW_RPS, HIGH_RPS, STEP_S, 7))
                .withPlanner(p)
                .run();
    }

    @Test
    void startupDelayIsEngineStartPlusWeightsOverStorageBandwidth() {
        ExecutionModel m = gb200Tp4();
        // Llama-2-70B FP8: 70e9 parameters × 1 B = 70 GB over 3 GB/s = 23.3 s, plus 20 s engine start
        assertThat(m.weightBytesPerGpu() * 4).isCloseTo(69e9, within(2e9));
        assertThat(PlannerSpec.startupS(m))
                .isCloseTo(20 + m.weightBytesPerGpu() * 4 / 3e9, within(1e-9))
                .isBetween(42.0, 44.0);
    }

    @Test
    void underAStepInLoadThePlannerAddsWorkersAfterItsDelayAndTheSlosRecover() {
        ExecutionModel m = gb200Tp4();
        double startup = PlannerSpec.startupS(m);
        EmulationResult r = stepRun(PlannerSpec.Predictor.CONSTANT);
        List<PlannerPoint> pts = r.planner();
        assertThat(pts).isNotEmpty();
        // before the step: a few workers serve 20 req/s
        int before = pts.stream()
                .filter(p -> p.timeS() < STEP_S)
                .mapToInt(PlannerPoint::frontWorkers)
                .max()
                .orElseThrow();
        assertThat(before).isBetween(1, 4);
        // the first decision that sees the step asks for more workers ...
        PlannerPoint decision = pts.stream()
                .filter(p -> p.timeS() > STEP_S && p.frontTarget() > before)
                .findFirst()
                .orElseThrow();
        assertThat(decision.timeS()).isLessThanOrEqualTo(STEP_S + INTERVAL_S);
        // ... which serve only after the start-up delay: no decision inside it sees them
        pts.stream()
                .filter(p -> p.timeS() >= decision.timeS() && p.timeS() < decision.timeS() + startup)
                .forEach(p -> assertThat(p.frontWorkers()).isEqualTo(before));
        // and do serve afterwards
        PlannerPoint after = pts.stream()
                .filter(p -> p.timeS() >= decision.timeS() + startup)
                .findFirst()
                .orElseThrow();
        assertThat(after.frontWorkers()).isGreaterThan(before);
        // the step overloads the old workers until then: TTFT of the interval with the step is far above target
        double ttftAtStep = pts.stream()
                .filter(p -> p.timeS() > STEP_S)
                .findFirst()
                .orElseThrow()
                .ttftMeanMs();
        assertThat(ttftAtStep).isGreaterThan(450);
        // SLOs recover: the last five intervals under the high load meet mean TTFT and ITL objectives
        List<PlannerPoint> high =
                pts.stream().filter(p -> p.observedRps() > 0.9 * HIGH_RPS).toList();
        List<PlannerPoint> tail = high.subList(high.size() - 5, high.size());
        assertThat(tail).allSatisfy(p -> {
            assertThat(p.ttftMeanMs()).isLessThan(450);
            assertThat(p.itlMeanMs()).isLessThan(40);
        });
        // never more workers than there are GPUs for
        assertThat(pts).allSatisfy(p -> assertThat(p.frontWorkers()).isLessThanOrEqualTo(MAX_WORKERS));
        assertThat(r.peakFrontWorkers()).isLessThanOrEqualTo(MAX_WORKERS);
        assertThat(r.gpuHours()).isLessThan(r.staticGpuHours());
    }

    @Test
    void aBudgetTooSmallForThePeakIsNeverExceeded() {
        ExecutionModel m = gb200Tp4();
        int max = 3;
        EmulationSpec spec = EmulationSpec.aggregated(m, max, RouterPolicy.LEAST_LOADED, 40_000)
                .withSlo(450, 99, 40, 99);
        PlannerSpec p = PlannerSpec.defaults(max, 0, PlannerSpec.startupS(m), 0)
                .withInterval(INTERVAL_S)
                .withInitial(1, 0);
        EmulationResult r = new Emulator(spec, step(LOW_RPS, HIGH_RPS, 120, 3))
                .withPlanner(p)
                .run();
        assertThat(r.planner()).allSatisfy(pt -> {
            assertThat(pt.frontWorkers()).isLessThanOrEqualTo(max);
            assertThat(pt.frontTarget()).isLessThanOrEqualTo(max);
        });
        assertThat(r.peakFrontWorkers()).isEqualTo(max);
        // GPU-hours held never exceed the GPUs there are × time
        assertThat(r.gpuHours()).isLessThanOrEqualTo(r.staticGpuHours() * (1 + 1e-12));
    }

    @Test
    void withoutAPlannerEveryWorkerIsHeldTheWholeRun() {
        EmulationSpec spec = EmulationSpec.aggregated(gb200Tp4(), 4, RouterPolicy.LEAST_LOADED, 5_000);
        EmulationResult r = new Emulator(spec, step(20, 20, 0, 1)).run();
        assertThat(r.planner()).isEmpty();
        assertThat(r.gpuHours()).isCloseTo(r.staticGpuHours(), within(r.staticGpuHours() * 1e-9));
    }

    @Test
    void disaggregatedPlannerScalesBothPools() {
        ExecutionModel m = gb200Tp4();
        EmulationSpec spec = EmulationSpec.aggregated(m, 8, RouterPolicy.LEAST_LOADED, 483_000)
                .withSlo(450, 99, 40, 99)
                .withDisaggregation(m, 8, 100e9);
        PlannerSpec p = PlannerSpec.defaults(8, 8, PlannerSpec.startupS(m), PlannerSpec.startupS(m))
                .withInterval(INTERVAL_S)
                .withInitial(1, 1);
        EmulationResult r =
                new Emulator(spec, step(10, 400, 300, 5)).withPlanner(p).run();
        // the last decision while the high load still arrives (afterwards the planner scales the drain down)
        PlannerPoint last = r.planner().stream()
                .filter(pt -> pt.observedRps() > 0.9 * 400)
                .reduce((a, b) -> b)
                .orElseThrow();
        // 400 req/s × ~1,000 prompt tokens need several prefill workers of ~110k tok/s; 400 × 256 output tok/s two
        // decoders
        assertThat(last.frontWorkers()).isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(last.backWorkers()).isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(last.itlMeanMs()).isLessThan(40);
        assertThat(last.ttftMeanMs()).isLessThan(450);
    }

    @Test
    void samePlannedRunForTheSameSeed() {
        assertThat(stepRun(PlannerSpec.Predictor.HOLT)).isEqualTo(stepRun(PlannerSpec.Predictor.HOLT));
    }

    @Test
    void holtFollowsARampAndConstantRepeatsTheLastSample() {
        LoadPredictor holt = new LoadPredictor(PlannerSpec.Predictor.HOLT, 50);
        LoadPredictor constant = new LoadPredictor(PlannerSpec.Predictor.CONSTANT, 50);
        for (int i = 0; i < 40; i++) {
            holt.add(100 + 10 * i);
            constant.add(100 + 10 * i);
        }
        // a linear series: Holt's level and trend converge to it, forecast = next value 100 + 10 × 40
        assertThat(holt.predict()).isCloseTo(500, within(0.5));
        assertThat(constant.predict()).isEqualTo(490);
    }

    @Test
    void decodeCapacityIsTheLargestBatchWithinTheItlTarget() {
        ExecutionModel m = gb200Tp4();
        double ctx = 1024 + 128;
        double itl = 0.03;
        double tps = PlannerModel.decodeTokensPerS(m, itl, ctx, 8192, 2048);
        // tps = b / t(b) with t(b) <= itl < t(b + 1)
        int b = (int) Math.round(tps * findTime(m, tps, ctx));
        assertThat(m.iterationS(b, b * ctx, 0, 0, 0)).isLessThanOrEqualTo(itl);
        assertThat(m.iterationS(b + 1, (b + 1) * ctx, 0, 0, 0)).isGreaterThan(itl);
    }

    /** The iteration time at the batch b with b / t(b) = tps (t grows with b, so b is unique). */
    private static double findTime(ExecutionModel m, double tps, double ctx) {
        for (int b = 1; b < 100_000; b++) {
            double t = m.iterationS(b, b * ctx, 0, 0, 0);
            if (Math.abs(b / t - tps) < 1e-6 * tps) {
                return t;
            }
        }
        throw new AssertionError("no batch gives " + tps);
    }
}
