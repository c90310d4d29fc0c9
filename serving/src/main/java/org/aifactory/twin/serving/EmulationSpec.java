package org.aifactory.twin.serving;

import org.aifactory.twin.model.RouterPolicy;

/**
 * What to emulate: the workers of one deployment (aggregated, or a prefill and a decode pool),
 * their batching limits, routing, how many requests and what SLO to score them against.
 *
 * @param model execution model of an aggregated (or prefill) worker
 * @param workers aggregated workers, or prefill workers when {@code decodeModel} is set
 * @param decodeModel execution model of a decode worker, or null for aggregated serving
 * @param decodeWorkers decode workers (0 for aggregated serving)
 * @param kvTransferBytesPerS bandwidth of a prefill-to-decode KV transfer, B/s (disaggregated)
 * @param tokenBudget most tokens (decode + prefill chunks) in one iteration
 * @param maxBatch most sequences running on a worker at once
 * @param maxRequests requests to draw from the source
 * @param warmupFraction share of the first requests left out of the statistics
 * @param ttftSloMs time-to-first-token objective, ms (NaN: none)
 * @param itlSloMs inter-token latency objective, ms (NaN: none)
 * @param ttftPercentile percentile at which the TTFT objective holds (e.g. 99)
 * @param itlPercentile percentile at which the inter-token objective holds
 * @param timeSeriesPoints most points in the queue-length time series
 */
public record EmulationSpec(
        ExecutionModel model,
        int workers,
        ExecutionModel decodeModel,
        int decodeWorkers,
        double kvTransferBytesPerS,
        RouterPolicy router,
        int tokenBudget,
        int maxBatch,
        int maxRequests,
        double warmupFraction,
        double ttftSloMs,
        double itlSloMs,
        double ttftPercentile,
        double itlPercentile,
        int timeSeriesPoints) {

    /**
     * Tokens per iteration: TensorRT-LLM's default {@code max_num_tokens} 8,192 [S] (TensorRT-LLM
     * docs, "Tuning max batch size and max num tokens").
     */
    public static final int DEFAULT_TOKEN_BUDGET = 8192;
    /** Sequences per worker: TensorRT-LLM's default {@code max_batch_size} 2,048 [S] (same page). */
    public static final int DEFAULT_MAX_BATCH = 2048;

    public static final double DEFAULT_WARMUP_FRACTION = 0.1;
    public static final int DEFAULT_TIME_SERIES_POINTS = 100;

    public EmulationSpec {
        if (workers < 1) {
            throw new IllegalArgumentException("workers (" + workers + ") must be at least 1");
        }
        if (decodeModel != null && decodeWorkers < 1) {
            throw new IllegalArgumentException(
                    "decodeWorkers (" + decodeWorkers + ") must be at least 1 for disaggregated serving");
        }
        if (tokenBudget < 1 || maxBatch < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("tokenBudget (" + tokenBudget + "), maxBatch (" + maxBatch
                    + ") and maxRequests (" + maxRequests + ") must be positive");
        }
        if (!(ttftPercentile > 0 && ttftPercentile < 100) || !(itlPercentile > 0 && itlPercentile < 100)) {
            throw new IllegalArgumentException("ttftPercentile (" + ttftPercentile + ") and itlPercentile ("
                    + itlPercentile + ") must be in (0, 100)");
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warmupFraction (" + warmupFraction + ") must be in [0, 1)");
        }
    }

    /** Aggregated serving with the default batching limits and no SLO. */
    public static EmulationSpec aggregated(ExecutionModel model, int workers, RouterPolicy router, int maxRequests) {
        return new EmulationSpec(
                model,
                workers,
                null,
                0,
                0,
                router,
                DEFAULT_TOKEN_BUDGET,
                DEFAULT_MAX_BATCH,
                maxRequests,
                DEFAULT_WARMUP_FRACTION,
                Double.NaN,
                Double.NaN,
                99,
                99,
                DEFAULT_TIME_SERIES_POINTS);
    }

    public boolean disaggregated() {
        return decodeModel != null;
    }

    public EmulationSpec withSlo(double ttftMs, double ttftPct, double itlMs, double itlPct) {
        return new EmulationSpec(
                model,
                workers,
                decodeModel,
                decodeWorkers,
                kvTransferBytesPerS,
                router,
                tokenBudget,
                maxBatch,
                maxRequests,
                warmupFraction,
                ttftMs,
                itlMs,
                ttftPct,
                itlPct,
                timeSeriesPoints);
    }

    public EmulationSpec withWarmupFraction(double f) {
        return new EmulationSpec(
                model,
                workers,
                decodeModel,
                decodeWorkers,
                kvTransferBytesPerS,
                router,
                tokenBudget,
                maxBatch,
                maxRequests,
                f,
                ttftSloMs,
                itlSloMs,
                ttftPercentile,
                itlPercentile,
                timeSeriesPoints);
    }

    public EmulationSpec withWorkers(int n) {
        return new EmulationSpec(
                model,
                n,
                decodeModel,
                decodeWorkers,
                kvTransferBytesPerS,
                router,
                tokenBudget,
                maxBatch,
                maxRequests,
                warmupFraction,
                ttftSloMs,
                itlSloMs,
                ttftPercentile,
                itlPercentile,
                timeSeriesPoints);
    }

    public EmulationSpec withDisaggregation(ExecutionModel decode, int decodeCount, double transferBytesPerS) {
        return new EmulationSpec(
                model,
                workers,
                decode,
                decodeCount,
                transferBytesPerS,
                router,
                tokenBudget,
                maxBatch,
                maxRequests,
                warmupFraction,
                ttftSloMs,
                itlSloMs,
                ttftPercentile,
                itlPercentile,
                timeSeriesPoints);
    }

    public EmulationSpec withMaxRequests(int n) {
        return new EmulationSpec(
                model,
                workers,
                decodeModel,
                decodeWorkers,
                kvTransferBytesPerS,
                router,
                tokenBudget,
                maxBatch,
                n,
                warmupFraction,
                ttftSloMs,
                itlSloMs,
                ttftPercentile,
                itlPercentile,
                timeSeriesPoints);
    }
}
