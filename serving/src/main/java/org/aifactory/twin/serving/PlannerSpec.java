package org.aifactory.twin.serving;

/**
 * An SLA planner in the style of NVIDIA Dynamo's (docs.nvidia.com/dynamo, "SLA-based Planner" and
 * "Planner Design"; ai-dynamo/dynamo {@code components/planner/.../defaults.py}): every
 * {@code adjustmentIntervalS} it observes the requests, input and output lengths, TTFT and ITL of
 * the interval, corrects its performance model by actual / expected latency, forecasts the next
 * interval's load and sets the prefill and decode (or aggregated) worker counts. A new worker
 * serves only after {@code startupS}; a worker scaled down stops taking requests and leaves when
 * it has drained.
 *
 * @param adjustmentIntervalS seconds between decisions; Dynamo's default 180 s [S]
 * @param predictor load forecast
 * @param windowSize samples the predictor keeps; Dynamo's {@code load_prediction_window_size} 50 [S]
 * @param startupFrontS seconds from the decision to a new aggregated/prefill worker serving
 * @param startupBackS the same for a decode worker
 * @param minWorkers fewest workers per pool; Dynamo's {@code min_endpoint} 1 [S]
 * @param maxFrontWorkers most aggregated/prefill workers: the GPUs there are / GPUs per replica
 * @param maxBackWorkers most decode workers (0 when aggregated)
 * @param initialFrontWorkers workers serving at time 0
 * @param initialBackWorkers decode workers serving at time 0
 * @param targetUtilization share of a worker's modelled capacity the planner plans to use [E]
 *     (0.8; Dynamo plans at the profiled throughput that meets the SLA and corrects afterwards)
 */
public record PlannerSpec(
        double adjustmentIntervalS,
        Predictor predictor,
        int windowSize,
        double startupFrontS,
        double startupBackS,
        int minWorkers,
        int maxFrontWorkers,
        int maxBackWorkers,
        int initialFrontWorkers,
        int initialBackWorkers,
        double targetUtilization) {

    /** Dynamo's {@code adjustment_interval} default, s [S]. */
    public static final double DEFAULT_ADJUSTMENT_INTERVAL_S = 180;
    /** Dynamo's {@code load_prediction_window_size} default [S]. */
    public static final int DEFAULT_WINDOW = 50;
    /** Planned share of modelled capacity [E]. */
    public static final double DEFAULT_TARGET_UTILIZATION = 0.8;

    /**
     * Load forecasts. Dynamo offers constant, ARIMA (its default) and Prophet [S]. CONSTANT: the
     * next interval is the last. HOLT: Holt's linear exponential smoothing (level α = 0.5, trend
     * β = 0.3 [E]), the optimal forecast of an ARIMA(0,2,2) process (Hyndman and Athanasopoulos,
     * "Forecasting: Principles and Practice", §8.2 and §9.10), a light stand-in for auto-ARIMA that
     * follows ramps such as a diurnal curve's flanks.
     */
    public enum Predictor {
        CONSTANT,
        HOLT
    }

    public PlannerSpec {
        if (!(adjustmentIntervalS > 0) || windowSize < 2 || !(startupFrontS >= 0) || !(startupBackS >= 0)) {
            throw new IllegalArgumentException(
                    "planner: adjustmentIntervalS (" + adjustmentIntervalS + ") must be positive, "
                            + "windowSize (" + windowSize + ") at least 2, startup times (" + startupFrontS + ", "
                            + startupBackS
                            + ") non-negative");
        }
        if (minWorkers < 1
                || maxFrontWorkers < minWorkers
                || initialFrontWorkers < minWorkers
                || initialFrontWorkers > maxFrontWorkers
                || (maxBackWorkers > 0 && (initialBackWorkers < minWorkers || initialBackWorkers > maxBackWorkers))) {
            throw new IllegalArgumentException(
                    "planner: need 1 <= minWorkers (" + minWorkers + ") <= initial (" + initialFrontWorkers + ", "
                            + initialBackWorkers + ") <= max (" + maxFrontWorkers + ", " + maxBackWorkers + ")");
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException(
                    "planner: targetUtilization (" + targetUtilization + ") must be in (0, 1]");
        }
        if (predictor == null) {
            throw new IllegalArgumentException("planner: predictor is required");
        }
    }

    /** Dynamo's defaults with the given pool limits and start-up delays; starts at the pools' maxima. */
    public static PlannerSpec defaults(int maxFront, int maxBack, double startupFrontS, double startupBackS) {
        return new PlannerSpec(
                DEFAULT_ADJUSTMENT_INTERVAL_S,
                Predictor.HOLT,
                DEFAULT_WINDOW,
                startupFrontS,
                startupBackS,
                1,
                maxFront,
                maxBack,
                maxFront,
                maxBack,
                DEFAULT_TARGET_UTILIZATION);
    }

    public PlannerSpec withInitial(int front, int back) {
        return new PlannerSpec(
                adjustmentIntervalS,
                predictor,
                windowSize,
                startupFrontS,
                startupBackS,
                minWorkers,
                maxFrontWorkers,
                maxBackWorkers,
                front,
                back,
                targetUtilization);
    }

    public PlannerSpec withInterval(double s) {
        return new PlannerSpec(
                s,
                predictor,
                windowSize,
                startupFrontS,
                startupBackS,
                minWorkers,
                maxFrontWorkers,
                maxBackWorkers,
                initialFrontWorkers,
                initialBackWorkers,
                targetUtilization);
    }

    public PlannerSpec withPredictor(Predictor p) {
        return new PlannerSpec(
                adjustmentIntervalS,
                p,
                windowSize,
                startupFrontS,
                startupBackS,
                minWorkers,
                maxFrontWorkers,
                maxBackWorkers,
                initialFrontWorkers,
                initialBackWorkers,
                targetUtilization);
    }

    /**
     * Seconds from a scale-up decision until a new replica serves: engine start-up (process,
     * CUDA graphs, warm-up) plus loading its weights, {@code weight bytes of the replica / storage
     * bandwidth}. Engine start {@value #ENGINE_START_S} s [E] ("runtime container starts ~5-10 s"
     * plus graph capture; kunwar.page, "The model cold-start problem"); storage bandwidth
     * {@value #WEIGHT_LOAD_GB_PER_S} GB/s per replica [S/D]: the same page gives 30-60 s for a
     * 140 GB (70B BF16) model from node-local NVMe, 140 / 45 ≈ 3 GB/s; benched.ai lists 35-50 s
     * load + init for Llama-2-70B. Pulling weights from object storage first is slower (~1 GB/s,
     * same page) and is not assumed: Dynamo deployments cache models on the node [E].
     */
    public static double startupS(ExecutionModel m) {
        double bytes = m.weightBytesPerGpu() * m.gpusPerReplica();
        return ENGINE_START_S + bytes / (WEIGHT_LOAD_GB_PER_S * 1e9);
    }

    /** Engine start-up besides loading weights, s [E]. */
    public static final double ENGINE_START_S = 20;
    /** Weight loading bandwidth of one replica from node-local NVMe, GB/s [S/D] (see {@link #startupS}). */
    public static final double WEIGHT_LOAD_GB_PER_S = 3;
}
