package org.aifactory.twin.serving;

import java.util.Locale;
import org.aifactory.twin.model.catalog.GpuType;

/**
 * Throughput cost of running the GPUs in confidential-computing mode (encrypted CPU-GPU transfers
 * through bounce buffers, a TEE on the CPU side), applied as a longer iteration:
 * <ul>
 *   <li>Hopper (H100/H200): {@value #HOPPER_TIME_FACTOR} [S] — "for the majority of typical LLM
 *       queries, the overhead remains below 7 %, with larger models and longer sequences
 *       experiencing nearly zero overhead" (Zhu et al., "Confidential Computing on NVIDIA Hopper
 *       GPUs: A Performance Benchmark Study", arXiv 2409.03992); the upper end is taken.</li>
 *   <li>Blackwell and later: {@value #BLACKWELL_TIME_FACTOR} [S] — "on Blackwell, CC impacts
 *       inter-token latency anywhere from ~1 % with a CC-aware engine, to ~30 % with a CC-naive
 *       engine in compute-bound regimes, to over 100 % at low concurrency" (Tinfoil, "How does
 *       NVIDIA Confidential Computing impact inference and training performance?", 2026); NVIDIA's
 *       Blackwell brief claims "nearly identical throughput". A CC-aware engine (as a Dynamo
 *       deployment would run) is assumed: 3 %, between the 1 % measured and Hopper's 7 % [E].</li>
 * </ul>
 * Model loading in CC mode is slower too (every weight byte is encrypted in transit; Martínez
 * Ibarra et al., arXiv 2505.16501, measure 20-30 % higher latency with model swapping); this is
 * not applied to the planner's start-up delay yet.
 */
public final class ConfidentialComputing {
    public static final double HOPPER_TIME_FACTOR = 1.07;
    public static final double BLACKWELL_TIME_FACTOR = 1.03;

    private ConfidentialComputing() {}

    /** The derate of a replica on {@code gpu} in CC mode. */
    public static ExecutionModel.Derate derate(GpuType gpu) {
        String id = gpu.id().toLowerCase(Locale.ROOT);
        boolean hopper = id.startsWith("h100") || id.startsWith("h200") || id.startsWith("gh200");
        return new ExecutionModel.Derate(1, 1, hopper ? HOPPER_TIME_FACTOR : BLACKWELL_TIME_FACTOR);
    }
}
