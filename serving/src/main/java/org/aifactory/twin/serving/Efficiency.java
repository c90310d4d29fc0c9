package org.aifactory.twin.serving;

/**
 * The factors that turn the roofline's peaks into what serving software achieves. Each one is
 * documented in {@code docs/serving.md} with its source; {@link #DEFAULT} holds the values in use.
 *
 * @param gemmComputeFraction fraction of the GPU's dense tensor peak that GEMMs and attention reach
 *     (0..1]
 * @param hbmBandwidthFraction fraction of the HBM bandwidth that memory-bound kernels reach (0..1]
 * @param fp4ComputeFraction extra factor on {@code gemmComputeFraction} when the precision is FP4
 *     (NVFP4 GEMMs reach a smaller share of their doubled peak), (0..1]
 * @param commOverlapFraction share of tensor-parallel all-reduce time hidden behind compute [0..1)
 * @param collectiveLatencyS fixed latency of one all-reduce, s
 * @param iterationOverheadS fixed cost of one scheduler iteration (scheduling, sampling, launch), s
 */
public record Efficiency(
        double gemmComputeFraction,
        double hbmBandwidthFraction,
        double fp4ComputeFraction,
        double commOverlapFraction,
        double collectiveLatencyS,
        double iterationOverheadS) {

    /**
     * HBM: Azure measured 7.35 of 8 TB/s on ND GB200 v6 = 0.92 [P] (reference §1b).
     * GEMM compute: calibrated on ONE published figure, MLPerf Llama-2-70B offline on DGX H100,
     * 24,525 tok/s per 8 GPUs (reference §5a); the calibration test refits it and checks it.
     * FP4: 1.0, no discount: NVFP4 reaches the same share of its peak as FP8 [E] (kept as a knob).
     * Communication overlap 0.75 [E]: TensorRT-LLM fuses the all-reduce with the following
     * RMSNorm and overlaps it with GEMMs; on NVL72 NVLink SHARP reduces in the switch.
     * Collective latency 5 µs [E]: small-message all-reduce over NVLink. Iteration overhead 0.3 ms
     * [E]: CPU-side scheduling and sampling of an in-flight batching step.
     */
    public static final Efficiency DEFAULT = new Efficiency(0.788, 0.92, 1.0, 0.75, 5e-6, 0.3e-3);

    public Efficiency {
        requireFraction(gemmComputeFraction, "gemmComputeFraction");
        requireFraction(hbmBandwidthFraction, "hbmBandwidthFraction");
        requireFraction(fp4ComputeFraction, "fp4ComputeFraction");
        if (!(commOverlapFraction >= 0 && commOverlapFraction < 1)) {
            throw new IllegalArgumentException("commOverlapFraction (" + commOverlapFraction + ") must be in [0, 1)");
        }
        if (!(collectiveLatencyS >= 0) || !(iterationOverheadS >= 0)) {
            throw new IllegalArgumentException("collectiveLatencyS (" + collectiveLatencyS
                    + ") and iterationOverheadS (" + iterationOverheadS + ") must be non-negative");
        }
    }

    private static void requireFraction(double v, String name) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " (" + v + ") must be in (0, 1]");
        }
    }

    public Efficiency withGemmComputeFraction(double f) {
        return new Efficiency(
                f,
                hbmBandwidthFraction,
                fp4ComputeFraction,
                commOverlapFraction,
                collectiveLatencyS,
                iterationOverheadS);
    }
}
