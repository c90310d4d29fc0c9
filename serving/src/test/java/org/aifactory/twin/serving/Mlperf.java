package org.aifactory.twin.serving;

import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;

/**
 * The MLPerf Inference Llama-2-70B offline scenario as the calibration tests emulate it: every
 * request at time zero, throughput = generated tokens / makespan.
 *
 * <p>Dataset (OpenOrca, 24,576 samples, inputs and outputs each at most 1,024 tokens): mean output
 * 294.45 tokens [P] (MLCommons reference implementation README, "Tokens per sample"); mean input
 * 600 tokens [E] (not found published; the inputs are FLAN-style prompts with system messages,
 * cut at 1,024). Spread: uniform, standard deviation 1/3 of the mean [E].
 *
 * <p>Systems (reference §5a): DGX H100, 8 GPUs, FP8, 24,525 tok/s; TP2 × 4 instances [E] (70 GB of
 * FP8 weights need two 80 GB GPUs). GB200 NVL72 (Azure ND GB200 v6), 865,000 tok/s per rack, "one
 * model instance per node" = TP4 × 18 [P]; FP4 [E] (FP8 cannot reach 12,000 tok/s per GPU on 5 PF:
 * 12,022 × ~430 GFLOP per output token = 5.2 PF). GB300 NVL72, 1,100,948 tok/s per rack, same
 * layout, FP4.
 */
final class Mlperf {
    static final double H100_TOKENS_PER_S_PER_8_GPUS = 24_525;
    static final double GB200_TOKENS_PER_S_PER_RACK = 865_000;
    static final double GB300_TOKENS_PER_S_PER_RACK = 1_100_948;
    static final double MEAN_INPUT_TOKENS = 600;
    static final double MEAN_OUTPUT_TOKENS = 294.45;
    static final CatalogIndex CATALOG = new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY);

    private Mlperf() {}

    static TokenDistribution input() {
        return new TokenDistribution(DistributionKind.UNIFORM, MEAN_INPUT_TOKENS, MEAN_INPUT_TOKENS / 3, 1, 1024);
    }

    static TokenDistribution output() {
        return new TokenDistribution(DistributionKind.UNIFORM, MEAN_OUTPUT_TOKENS, MEAN_OUTPUT_TOKENS / 3, 1, 1024);
    }

    static ExecutionModel model(String gpu, Precision p, int tp, Efficiency eff) {
        return new ExecutionModel(
                CATALOG.model("llama-2-70b").orElseThrow(),
                CATALOG.gpu(gpu).orElseThrow(),
                p,
                new Parallelism(tp, 1, 1, 1),
                eff);
    }

    /** Output tokens per second per GPU of one replica in the offline scenario. */
    static double offlinePerGpu(String gpu, Precision p, int tp, Efficiency eff, int requests) {
        ExecutionModel m = model(gpu, p, tp, eff);
        EmulationSpec spec = EmulationSpec.aggregated(m, 1, RouterPolicy.ROUND_ROBIN, requests)
                .withWarmupFraction(0);
        EmulationResult r = new Emulator(spec, RequestSource.offline(input(), output(), 7)).run();
        return r.outputTokensPerS() / m.gpusPerReplica();
    }

    static double h100PerGpu(Efficiency eff) {
        return offlinePerGpu("h100-sxm", Precision.FP8, 2, eff, 20_000);
    }

    static double gb200PerGpu(Efficiency eff) {
        return offlinePerGpu("b200-gb200", Precision.FP4, 4, eff, 60_000);
    }

    static double gb300PerGpu(Efficiency eff) {
        return offlinePerGpu("b300", Precision.FP4, 4, eff, 60_000);
    }

    /** Bisection on the GEMM compute fraction until the H100 point is reproduced. */
    static double calibrateComputeFraction(Efficiency base) {
        double lo = 0.05;
        double hi = 1.0;
        double target = H100_TOKENS_PER_S_PER_8_GPUS / 8;
        for (int i = 0; i < 30; i++) {
            double mid = (lo + hi) / 2;
            if (h100PerGpu(base.withGemmComputeFraction(mid)) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
