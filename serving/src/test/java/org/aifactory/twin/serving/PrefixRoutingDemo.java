package org.aifactory.twin.serving;

import java.util.Locale;
import org.aifactory.twin.model.RouterPolicy;

/**
 * KV-aware routing against round-robin and least-loaded under shared prefixes: prints KV hit rate
 * and TTFT p50/p99 per router for a few prefix models (8 GB200 TP4 workers of Llama-2-70B FP8,
 * 4k-token prompts, 40 req/s). A bench, not a test; run it like {@link ServingBenchmark}.
 */
public final class PrefixRoutingDemo {
    private PrefixRoutingDemo() {}

    public static void main(String[] args) {
        PrefixModel[] models = {
            PrefixModel.NONE,
            new PrefixModel(64, 1.0, 3072),
            new PrefixModel(20_000, 1.0, 3072),
            new PrefixModel(100_000, 0.8, 3072)
        };
        for (PrefixModel m : models) {
            for (RouterPolicy p : RouterPolicy.values()) {
                EmulationResult r = PrefixRoutingTest.run(p, m, 8, 40, 20_000);
                System.out.printf(
                        Locale.ROOT,
                        "%-40s %-13s hit %5.1f %%  TTFT p50 %6.0f ms p99 %6.0f ms  ITL p99 %5.1f ms%n",
                        m,
                        p,
                        r.prefixHitRate() * 100,
                        r.ttftP50Ms(),
                        r.ttftP99Ms(),
                        r.itlP99Ms());
            }
            if (m.enabled()) {
                EmulationResult r =
                        PrefixRoutingTest.run(RouterPolicy.KV_AWARE, m, 8, 40, 20_000, KvTier.blockManagerDefaults());
                System.out.printf(
                        Locale.ROOT,
                        "%-40s %-13s hit %5.1f %% (%4.1f %% offloaded)  TTFT p50 %6.0f ms p99 %6.0f ms  "
                                + "ITL p99 %5.1f ms%n",
                        m,
                        "KV+offload",
                        r.prefixHitRate() * 100,
                        r.offloadHitRate() * 100,
                        r.ttftP50Ms(),
                        r.ttftP99Ms(),
                        r.itlP99Ms());
            }
        }
    }
}
