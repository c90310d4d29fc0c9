package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.TokenDistribution;
import org.junit.jupiter.api.Test;

class EmulatorTest {
    /** Little's law holds for the time averages up to sampling and edge effects: 5 %. */
    static final double LITTLE_TOLERANCE = 0.05;

    private static final TokenDistribution IN =
            new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192);
    private static final TokenDistribution OUT =
            new TokenDistribution(DistributionKind.LOGNORMAL, 256, 128.0, 16, 2048);

    private static ExecutionModel gb200Tp4() {
        return Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
    }

    private static EmulationResult poisson(int workers, double rateRps, int requests, RouterPolicy router, long seed) {
        EmulationSpec spec =
                EmulationSpec.aggregated(gb200Tp4(), workers, router, requests).withSlo(450, 99, 40, 99);
        return new Emulator(
                        spec,
                        RequestSource.synthetic(
                                new Arrival(ArrivalKind.POISSON, rateRps, null, null, null), IN, OUT, 1, seed))
                .run();
    }

    @Test
    void sameSeedGivesTheSameResult() {
        assertThat(poisson(4, 40, 5_000, RouterPolicy.KV_AWARE, 11))
                .isEqualTo(poisson(4, 40, 5_000, RouterPolicy.KV_AWARE, 11));
        assertThat(poisson(4, 40, 5_000, RouterPolicy.KV_AWARE, 11))
                .isNotEqualTo(poisson(4, 40, 5_000, RouterPolicy.KV_AWARE, 12));
    }

    @Test
    void littlesLawHoldsInSteadyState() {
        EmulationResult r = poisson(4, 40, 40_000, RouterPolicy.LEAST_LOADED, 3);
        // L = λ W: mean requests in system = arrival rate × mean time in system
        double lambdaW = r.offeredRps() * r.meanLatencyS();
        assertThat(r.overloaded()).isFalse();
        assertThat(r.meanInSystem()).isCloseTo(lambdaW, within(lambdaW * LITTLE_TOLERANCE));
    }

    @Test
    void offeredLoadBelowCapacityIsServedInFull() {
        EmulationResult r = poisson(4, 40, 20_000, RouterPolicy.ROUND_ROBIN, 5);
        // every token offered comes out: output tokens/s ≈ rate × mean output (256, clamping moves it a little)
        assertThat(r.completedRps()).isCloseTo(r.offeredRps(), within(r.offeredRps() * 0.05));
        assertThat(r.outputTokensPerS()).isCloseTo(40 * 256, within(40 * 256 * 0.1));
        assertThat(r.goodputRps()).isLessThanOrEqualTo(r.completedRps() * 1.05);
    }

    @Test
    void moreReplicasNeverGiveLessThroughputAtSaturation() {
        double previous = 0;
        for (int workers = 1; workers <= 4; workers++) {
            EmulationSpec spec = EmulationSpec.aggregated(
                            gb200Tp4(), workers, RouterPolicy.LEAST_LOADED, 6_000 * workers)
                    .withWarmupFraction(0);
            double tps =
                    new Emulator(spec, RequestSource.offline(IN, OUT, 1)).run().outputTokensPerS();
            assertThat(tps).isGreaterThanOrEqualTo(previous);
            previous = tps;
        }
    }

    @Test
    void higherLoadNeverLowersTtftAtSaturation() {
        EmulationResult saturated = poisson(1, 60, 6_000, RouterPolicy.ROUND_ROBIN, 9);
        EmulationResult heavier = poisson(1, 120, 6_000, RouterPolicy.ROUND_ROBIN, 9);
        assertThat(heavier.ttftP99Ms()).isGreaterThanOrEqualTo(saturated.ttftP99Ms());
        assertThat(heavier.overloaded()).isTrue();
    }

    @Test
    void overloadIsDetectedAndLightLoadIsNot() {
        assertThat(poisson(2, 400, 10_000, RouterPolicy.LEAST_LOADED, 1).overloaded())
                .isTrue();
        assertThat(poisson(2, 5, 2_000, RouterPolicy.LEAST_LOADED, 1).overloaded())
                .isFalse();
    }

    @Test
    void tinyKvCacheForcesPreemptionButEveryRequestFinishes() {
        // 8 GB per GPU usable: Llama-70B FP8 over 16 H100s would leave plenty; instead put it on TP2
        // H100s with long outputs so the 432k-token cache overflows with 2,048 running sequences
        ExecutionModel h100 = Mlperf.model("h100-sxm", Precision.FP8, 2, Efficiency.DEFAULT);
        TokenDistribution longOut = TokenDistribution.fixed(2000);
        EmulationSpec spec = EmulationSpec.aggregated(h100, 1, RouterPolicy.ROUND_ROBIN, 1_000)
                .withWarmupFraction(0);
        EmulationResult r = new Emulator(spec, RequestSource.offline(TokenDistribution.fixed(200), longOut, 1)).run();
        assertThat(r.preemptions()).isPositive();
        // all 1,000 requests completed: 2,000 output tokens each
        assertThat(r.outputTokensPerS() * r.windowS()).isCloseTo(2_000_000, within(1.0));
    }

    @Test
    void disaggregatedServingDeliversTheOfferedTokens() {
        ExecutionModel prefill = gb200Tp4();
        ExecutionModel decode = gb200Tp4();
        // 50 GB/s per GPU (400 Gb/s NIC) × 4 lanes × 0.8
        EmulationSpec spec = EmulationSpec.aggregated(prefill, 2, RouterPolicy.LEAST_LOADED, 10_000)
                .withDisaggregation(decode, 2, 50e9 * 4 * 0.8)
                .withSlo(450, 99, 40, 99);
        EmulationResult r = new Emulator(
                        spec,
                        RequestSource.synthetic(new Arrival(ArrivalKind.POISSON, 30, null, null, null), IN, OUT, 1, 4))
                .run();
        assertThat(r.overloaded()).isFalse();
        assertThat(r.completedRps()).isCloseTo(r.offeredRps(), within(r.offeredRps() * 0.05));
        assertThat(r.itlP50Ms()).isPositive();
    }

    @Test
    void burstAndDiurnalArrivalsKeepTheirMeanRate() {
        for (ArrivalKind kind : new ArrivalKind[] {ArrivalKind.BURST, ArrivalKind.DIURNAL}) {
            Arrival a = new Arrival(kind, 20, 60.0, 10.0, null);
            RequestSource s = RequestSource.synthetic(a, IN, OUT, 1, 2);
            RequestSource.Request r = new RequestSource.Request();
            int n = 50_000;
            for (int i = 0; i < n; i++) {
                s.next(r);
            }
            // burst: 0.1 × 60 + 0.9 × 20 = 24 req/s; diurnal: the sine averages out to 20 req/s
            assertThat(n / r.arrivalS).isCloseTo(s.meanRateRps(), within(s.meanRateRps() * 0.03));
        }
    }

    @Test
    void queueSeriesStaysBounded() {
        EmulationResult r = poisson(2, 20, 10_000, RouterPolicy.ROUND_ROBIN, 8);
        assertThat(r.queue())
                .hasSizeLessThanOrEqualTo(EmulationSpec.DEFAULT_TIME_SERIES_POINTS)
                .hasSizeGreaterThan(10);
    }
}
