package org.aifactory.twin.serving;

import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.catalog.GpuType;
import org.aifactory.twin.model.catalog.LlmType;

/**
 * Time of one continuous-batching iteration of one model replica: a per-operator roofline over the
 * GPU's dense tensor throughput and HBM bandwidth, plus tensor-parallel all-reduce over NVLink and
 * a fixed per-iteration overhead. Immutable; see {@code docs/serving.md} for the derivation.
 *
 * <p>Per pipeline stage (layers / pipeline) and per GPU of the stage (tensor-parallel rank):
 * <ul>
 *   <li>GEMMs: FLOPs = 2 × (parameters active per token on this rank) × tokens; bytes = weights of
 *       this rank (for MoE, dense part plus the experts the batch touches); time = max(FLOPs /
 *       (F × e), bytes / (B × m)).</li>
 *   <li>Attention: FLOPs = 4 × layers × heads × headDim × Σ context attended / tp; bytes = KV bytes
 *       per token of this rank × (Σ decode context + prefill tokens written and their prior
 *       context read); the same roofline.</li>
 *   <li>TP all-reduce: 2 per layer, ring, message = tokens × hidden × 2 B, each direction at half
 *       the NVLink bandwidth, plus a fixed latency; a fraction is hidden behind compute.</li>
 * </ul>
 * Pipeline stages run one after the other (no micro-batching: a conservative simplification).
 */
public final class ExecutionModel {
    /** Activations and all-reduce messages travel in BF16. */
    static final double ACTIVATION_BYTES = 2.0;
    /**
     * Share of HBM a serving engine may use (vLLM's default {@code gpu_memory_utilization} 0.9
     * [S], docs.vllm.ai engine arguments); the rest is CUDA context, allocator slack.
     */
    static final double USABLE_HBM_FRACTION = 0.9;
    /** Activation workspace per token of the iteration budget, in units of hidden × 2 B [E]. */
    static final double WORKSPACE_HIDDEN_MULTIPLE = 24;

    private final LlmType llm;
    private final GpuType gpu;
    private final Precision precision;
    private final Efficiency eff;
    private final int tp;
    private final int pp;
    private final int ep;
    private final double layersPerStage;
    private final double denseParams;
    private final double expertParams;
    private final double activeExpertParams;
    private final double expertActivationProbability;
    private final double gemmFlopsPerToken;
    private final double denseWeightBytes;
    private final double expertWeightBytes;
    private final double kvBytesPerTokenPerGpu;
    private final double attentionFlopsPerContextToken;
    private final double peakFlops;
    private final double attentionPeakFlops;
    private final double hbmBytesPerS;
    private final double allReduceSPerToken;
    private final double allReduceFixedS;
    private final Parallelism parallelism;
    private final Derate derate;

    public ExecutionModel(LlmType llm, GpuType gpu, Precision precision, Parallelism parallelism, Efficiency eff) {
        this(llm, gpu, precision, parallelism, eff, Derate.NONE);
    }

    /**
     * What slows a replica below its nominal roofline: a power cap or thermal throttling (lower
     * clocks: compute and memory throughput scaled by {@link PowerThrottle}) and confidential
     * computing (every iteration takes {@code timeFactor} longer, {@link ConfidentialComputing}).
     *
     * @param computeFraction share of the compute peak left, (0, 1]
     * @param memoryFraction share of the HBM bandwidth left, (0, 1]
     * @param timeFactor multiplier on the iteration time, ≥ 1
     */
    public record Derate(double computeFraction, double memoryFraction, double timeFactor) {
        public static final Derate NONE = new Derate(1, 1, 1);

        public Derate {
            if (!(computeFraction > 0 && computeFraction <= 1)
                    || !(memoryFraction > 0 && memoryFraction <= 1)
                    || !(timeFactor >= 1)) {
                throw new IllegalArgumentException(
                        "derate: computeFraction (" + computeFraction + ") and memoryFraction (" + memoryFraction
                                + ") must be in (0, 1], timeFactor (" + timeFactor + ") at least 1");
            }
        }

        /** Both derates at once: fractions multiply, time factors multiply. */
        public Derate and(Derate o) {
            return new Derate(
                    computeFraction * o.computeFraction, memoryFraction * o.memoryFraction, timeFactor * o.timeFactor);
        }
    }

    /** This model slowed by {@code d} (on top of any derate it already has). */
    public ExecutionModel derated(Derate d) {
        if (d.equals(Derate.NONE)) {
            return this;
        }
        return new ExecutionModel(llm, gpu, precision, parallelism, eff, derate.and(d));
    }

    public Derate derate() {
        return derate;
    }

    public Parallelism parallelism() {
        return parallelism;
    }

    public Efficiency efficiency() {
        return eff;
    }

    public ExecutionModel(
            LlmType llm, GpuType gpu, Precision precision, Parallelism parallelism, Efficiency eff, Derate derate) {
        this.parallelism = parallelism;
        this.derate = derate;
        this.llm = llm;
        this.gpu = gpu;
        this.precision = precision;
        this.eff = eff;
        this.tp = Math.max(1, parallelism.tensor());
        this.pp = Math.max(1, parallelism.pipeline());
        this.ep = Math.max(1, parallelism.expert());
        if (llm.layers() <= 0 || llm.parametersB() <= 0) {
            throw new IllegalArgumentException("model " + llm.id() + " needs layers (" + llm.layers()
                    + ") and parametersB (" + llm.parametersB() + ") above zero");
        }
        this.layersPerStage = llm.layers() / (double) pp;
        double total = llm.parametersB() * 1e9;
        double active =
                Math.min(total, (llm.activeParametersB() > 0 ? llm.activeParametersB() : llm.parametersB()) * 1e9);
        if (llm.experts() > 0 && llm.activeExperts() > 0 && active < total) {
            // active = dense + expert × k/E and total = dense + expert  =>  expert = (total - active) / (1 - k/E)
            double share = llm.activeExperts() / (double) llm.experts();
            this.expertParams = Math.min(total, (total - active) / (1 - share));
            this.denseParams = total - expertParams;
            this.activeExpertParams = expertParams * share;
            this.expertActivationProbability = share;
        } else {
            this.expertParams = 0;
            this.denseParams = total;
            this.activeExpertParams = 0;
            this.expertActivationProbability = 0;
        }
        int expertSplit = Math.max(tp, ep);
        double bpp = precision.bytesPerParameter();
        this.gemmFlopsPerToken = 2 * (denseParams / tp + activeExpertParams / expertSplit) / pp;
        this.denseWeightBytes = denseParams / tp * bpp / pp;
        this.expertWeightBytes = expertParams / expertSplit * bpp / pp;
        // KV cache in FP8 for FP8/FP4 weights (as MLPerf submissions do), BF16 otherwise.
        double kvElementBytes = precision == Precision.BF16 ? 2.0 : 1.0;
        int kvSplit = llm.kvLoraRank() != null ? 1 : Math.max(1, Math.min(tp, llm.kvHeads()));
        this.kvBytesPerTokenPerGpu = llm.kvBytesPerToken(kvElementBytes) / kvSplit / pp;
        double qWidth = (double) llm.attentionHeads() * llm.headDim();
        this.attentionFlopsPerContextToken = 4 * layersPerStage * qWidth / tp;
        this.peakFlops = peakTflops(gpu, precision)
                * 1e12
                * eff.gemmComputeFraction()
                * (precision == Precision.FP4 ? eff.fp4ComputeFraction() : 1.0)
                * derate.computeFraction();
        this.attentionPeakFlops = peakTflops(gpu, precision == Precision.BF16 ? Precision.BF16 : Precision.FP8)
                * 1e12
                * eff.gemmComputeFraction()
                * derate.computeFraction();
        this.hbmBytesPerS = gpu.hbmBandwidthTBps() * 1e12 * eff.hbmBandwidthFraction() * derate.memoryFraction();
        if (tp > 1) {
            double perDirectionBytesPerS = gpu.nvlinkGBps() * 1e9 / 2;
            double collectives = 2 * layersPerStage;
            this.allReduceSPerToken = collectives
                    * 2.0
                    * (tp - 1)
                    / tp
                    * llm.hiddenSize()
                    * ACTIVATION_BYTES
                    / perDirectionBytesPerS
                    * (1 - eff.commOverlapFraction());
            this.allReduceFixedS = collectives * eff.collectiveLatencyS() * (1 - eff.commOverlapFraction());
        } else {
            this.allReduceSPerToken = 0;
            this.allReduceFixedS = 0;
        }
    }

    /** Dense tensor peak at a precision, TFLOPS; FP4 falls back to FP8 on GPUs without FP4. */
    static double peakTflops(GpuType gpu, Precision p) {
        return switch (p) {
            case FP4 -> gpu.fp4DenseTflops() > 0 ? gpu.fp4DenseTflops() : gpu.fp8DenseTflops();
            case FP8 -> gpu.fp8DenseTflops() > 0 ? gpu.fp8DenseTflops() : gpu.bf16DenseTflops();
            case BF16 -> gpu.bf16DenseTflops();
        };
    }

    /**
     * Seconds for one iteration.
     *
     * @param decodeTokens sequences decoding one token each
     * @param decodeContextTokens Σ context length of those sequences (KV read per step)
     * @param prefillTokens prompt tokens processed in this iteration (chunks)
     * @param prefillAttendedTokens Σ over prefill tokens of the context each attends to (FLOPs)
     * @param prefillContextTokens Σ over prefill chunks of the context they read and write (the
     *     chunk and the tokens before it: flash attention reads a chunk's KV once, not per token)
     */
    public double iterationS(
            int decodeTokens,
            double decodeContextTokens,
            int prefillTokens,
            double prefillAttendedTokens,
            double prefillContextTokens) {
        int tokens = decodeTokens + prefillTokens;
        if (tokens == 0) {
            return 0;
        }
        double gemmFlops = gemmFlopsPerToken * tokens;
        double weightBytes = denseWeightBytes + expertWeightBytes * expertsTouched(tokens);
        double gemmS = Math.max(gemmFlops / peakFlops, weightBytes / hbmBytesPerS);
        double attendedTokens = decodeContextTokens + prefillAttendedTokens;
        double attnFlops = attentionFlopsPerContextToken * attendedTokens;
        // decode reads its whole context; a prefill chunk writes its tokens and reads the context before it
        double kvBytes = kvBytesPerTokenPerGpu * (decodeContextTokens + prefillContextTokens);
        double attnS = Math.max(attnFlops / attentionPeakFlops, kvBytes / hbmBytesPerS);
        double commS = allReduceFixedS + allReduceSPerToken * tokens;
        return (pp * (gemmS + attnS + commS) + eff.iterationOverheadS()) * derate.timeFactor();
    }

    /** Expected share of a rank's experts that a batch of {@code tokens} routes to at least once. */
    private double expertsTouched(int tokens) {
        if (expertWeightBytes == 0) {
            return 0;
        }
        return 1 - Math.pow(1 - expertActivationProbability, tokens);
    }

    /**
     * Physics floor, no efficiency factor: max(FLOPs / peak, bytes / peak bandwidth) summed the
     * same way; {@link #iterationS} never returns less.
     */
    public double rooflineFloorS(int decodeTokens, double decodeContextTokens) {
        double peak = peakTflops(gpu, precision) * 1e12;
        double bw = gpu.hbmBandwidthTBps() * 1e12;
        double weightBytes = denseWeightBytes + expertWeightBytes * expertsTouched(decodeTokens);
        double kvBytes = kvBytesPerTokenPerGpu * decodeContextTokens;
        return pp
                * Math.max(
                        (gemmFlopsPerToken * decodeTokens + attentionFlopsPerContextToken * decodeContextTokens) / peak,
                        (weightBytes + kvBytes) / bw);
    }

    /** Weight bytes held by each GPU of a replica. */
    public double weightBytesPerGpu() {
        return denseWeightBytes + expertWeightBytes;
    }

    public double kvBytesPerTokenPerGpu() {
        return kvBytesPerTokenPerGpu;
    }

    /** KV-cache capacity of a replica in tokens: usable HBM minus weights and workspace. */
    public long kvCapacityTokens(int tokenBudget) {
        double free = freeHbmBytesPerGpu(tokenBudget);
        return free <= 0 ? 0 : (long) Math.floor(free / kvBytesPerTokenPerGpu);
    }

    /** Usable HBM left for KV on each GPU, bytes (negative when the weights do not fit). */
    public double freeHbmBytesPerGpu(int tokenBudget) {
        double workspace = tokenBudget * WORKSPACE_HIDDEN_MULTIPLE * llm.hiddenSize() * ACTIVATION_BYTES / tp;
        return gpu.hbmGb() * 1e9 * USABLE_HBM_FRACTION - weightBytesPerGpu() - workspace;
    }

    /** Model FLOPs of an iteration per GPU (for utilisation), FLOP. */
    public double usefulFlops(int tokens, double attendedTokens) {
        return gemmFlopsPerToken * tokens + attentionFlopsPerContextToken * attendedTokens;
    }

    /** Dense peak of one GPU at this precision, FLOP/s (no efficiency). */
    public double peakFlopsPerGpu() {
        return peakTflops(gpu, precision) * 1e12;
    }

    public int gpusPerReplica() {
        return tp * pp;
    }

    public LlmType llm() {
        return llm;
    }

    public GpuType gpu() {
        return gpu;
    }

    public Precision precision() {
        return precision;
    }
}
