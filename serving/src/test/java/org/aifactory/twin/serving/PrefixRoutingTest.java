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

class PrefixRoutingTest {
    /** Long prompts mostly made of a shared system prompt: the case prefix caching is for. */
    private static final TokenDistribution IN =
            new TokenDistribution(DistributionKind.LOGNORMAL, 4096, 1024.0, 16, 8192);

    private static final TokenDistribution OUT =
            new TokenDistribution(DistributionKind.LOGNORMAL, 256, 128.0, 16, 2048);
    /**
     * 20,000 sessions, Zipf 1.0, 3,072 shared tokens [E]: more prefixes than one worker's KV cache
     * holds (~1,000 of them), so where a session is routed matters. With only a few sessions every
     * worker caches them all and every router hits alike.
     */
    static final PrefixModel HEAVY = new PrefixModel(20_000, 1.0, 3072);

    static EmulationResult run(RouterPolicy router, PrefixModel prefixes, int workers, double rateRps, int requests) {
        return run(router, prefixes, workers, rateRps, requests, java.util.List.of());
    }

    static EmulationResult run(
            RouterPolicy router,
            PrefixModel prefixes,
            int workers,
            double rateRps,
            int requests,
            java.util.List<KvTier> tiers) {
        EmulationSpec spec = EmulationSpec.aggregated(
                        Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT), workers, router, requests)
                .withSlo(450, 99, 40, 99);
        RequestSource base =
                RequestSource.synthetic(new Arrival(ArrivalKind.POISSON, rateRps, null, null, null), IN, OUT, 1, 3);
        return new Emulator(spec, RequestSource.withPrefixes(base, prefixes, 3), tiers).run();
    }

    @Test
    void withoutSharedPrefixesKvAwareMatchesLeastLoaded() {
        EmulationResult kv = run(RouterPolicy.KV_AWARE, PrefixModel.NONE, 8, 40, 10_000);
        EmulationResult ll = run(RouterPolicy.LEAST_LOADED, PrefixModel.NONE, 8, 40, 10_000);
        assertThat(kv.prefixHitRate()).isZero();
        // both balance load (tokens versus requests): same throughput, TTFT p50 within 10 %
        assertThat(kv.totalTokensPerS()).isCloseTo(ll.totalTokensPerS(), within(ll.totalTokensPerS() * 0.01));
        assertThat(kv.ttftP50Ms()).isCloseTo(ll.ttftP50Ms(), within(ll.ttftP50Ms() * 0.10));
    }

    @Test
    void withHeavySharingKvAwareHitsMoreAndAnswersFasterThanRoundRobin() {
        EmulationResult kv = run(RouterPolicy.KV_AWARE, HEAVY, 8, 40, 10_000);
        EmulationResult rr = run(RouterPolicy.ROUND_ROBIN, HEAVY, 8, 40, 10_000);
        assertThat(kv.prefixHitRate()).isGreaterThan(rr.prefixHitRate());
        assertThat(kv.ttftP50Ms()).isLessThan(rr.ttftP50Ms());
    }

    @Test
    void cachedPrefixesNeverExceedThePromptAndTheOfferedTokensAreServed() {
        EmulationResult r = run(RouterPolicy.KV_AWARE, HEAVY, 4, 20, 5_000);
        // at most 3,072 of a ~4,096-token prompt can be a hit
        assertThat(r.prefixHitRate()).isBetween(0.0, 0.8);
        assertThat(r.completedRps()).isCloseTo(r.offeredRps(), within(r.offeredRps() * 0.05));
    }

    @Test
    void prefixesDoNotChangeArrivalsOrTokenLengths() {
        RequestSource.Request a = new RequestSource.Request();
        RequestSource.Request b = new RequestSource.Request();
        Arrival arrival = new Arrival(ArrivalKind.POISSON, 10, null, null, null);
        RequestSource plain = RequestSource.synthetic(arrival, IN, OUT, 1, 5);
        RequestSource shared = RequestSource.withPrefixes(RequestSource.synthetic(arrival, IN, OUT, 1, 5), HEAVY, 5);
        for (int i = 0; i < 1000; i++) {
            plain.next(a);
            shared.next(b);
            assertThat(b.arrivalS).isEqualTo(a.arrivalS);
            assertThat(b.inputTokens).isEqualTo(a.inputTokens);
            assertThat(b.prefixId).isBetween(0, 19_999);
            assertThat(b.prefixTokens).isLessThan(b.inputTokens);
        }
    }

    @Test
    void offloadTiersCatchWhatHbmEvictsAndLowerTtft() {
        // one worker sees 20,000 requests of 20,000 sessions of 3,072 tokens: thousands of distinct prefixes,
        // more than its HBM keeps (~1,100), all of which its CPU memory and NVMe keep
        EmulationResult hbm = run(RouterPolicy.KV_AWARE, HEAVY, 1, 5, 20_000);
        EmulationResult tiered = run(RouterPolicy.KV_AWARE, HEAVY, 1, 5, 20_000, KvTier.blockManagerDefaults());
        // measured (seed 3): hit 46.6 % → 55.7 % (9.1 points from the tiers), TTFT p50 24.1 → 18.9 ms
        assertThat(hbm.offloadHitRate()).isZero();
        assertThat(tiered.offloadHitRate()).isPositive().isLessThanOrEqualTo(tiered.prefixHitRate());
        assertThat(tiered.prefixHitRate()).isGreaterThan(hbm.prefixHitRate());
        assertThat(tiered.ttftP50Ms()).isLessThan(hbm.ttftP50Ms());
    }

    @Test
    void traceSessionsAreMultiTurnConversations(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path trace = dir.resolve("trace.csv");
        // a conversation of three turns and a one-off request
        java.nio.file.Files.writeString(
                trace,
                "arrivalS,inputTokens,outputTokens,session\n0.0,1000,200,chat-a\n0.1,500,50,\n"
                        + "1.0,1300,100,chat-a\n2.0,1500,80,chat-a\n");
        RequestSource s = RequestSource.trace(trace, 1);
        RequestSource.Request r = new RequestSource.Request();
        int[][] expected = {{0, 0}, {-1, 0}, {0, 1200}, {0, 1400}}; // shared = previous turn's prompt + answer
        for (int[] e : expected) {
            assertThat(s.next(r)).isTrue();
            assertThat(r.prefixId).isEqualTo(e[0]);
            assertThat(r.prefixTokens).isEqualTo(e[1]);
        }
        EmulationSpec spec = EmulationSpec.aggregated(
                        Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT), 1, RouterPolicy.KV_AWARE, 4)
                .withWarmupFraction(0);
        // a worker caches the prompts it prefilled (block-aligned): turn 2 reuses turn 1's 992 of 1,000
        // tokens, turn 3 turn 2's 1,296 of 1,300; of 1,000 + 500 + 1,300 + 1,500 prompt tokens
        EmulationResult e = new Emulator(spec, RequestSource.trace(trace, 1)).run();
        assertThat(e.prefixHitRate()).isCloseTo((992 + 1296) / 4300.0, within(1e-9));
    }
}
