package org.aifactory.twin.serving;

import java.util.List;

/**
 * What an emulation measured over its window (after warm-up). Latencies in ms, rates per second
 * of simulated time. Token rates are for the emulated workers only; the analysis scales them.
 *
 * @param windowS measured simulated time, s
 * @param offeredRps arrivals per second in the window; {@code completedRps} completions
 * @param ttftAtSloPercentileMs TTFT at the SLO's percentile; {@code itlAtSloPercentileMs} likewise
 * @param goodputRps requests per second meeting both SLOs (TTFT and their mean inter-token latency)
 * @param itlP50Ms per-token inter-token latency percentiles (token-weighted)
 * @param tpotP99Ms per-request mean time per output token, p99
 * @param gpuBusyFraction share of time the workers were running an iteration
 * @param modelFlopsUtilization useful model FLOPs over the dense peak of the GPUs
 * @param prefixHitRate share of admitted prompt tokens found in a worker's prefix cache (KV hit rate)
 * @param offloadHitRate the part of {@code prefixHitRate} loaded back from offload tiers below HBM
 * @param meanInSystem time-average of requests in the system (Little's L)
 * @param meanLatencyS mean end-to-end latency of measured requests (Little's W)
 * @param overloaded the queue grew through the window and completions fell short of arrivals
 * @param queue queue length over time, at most the spec's number of points
 * @param planner the SLA planner's decisions (empty without a planner)
 * @param gpuHours GPU-hours the workers held (starting, serving or draining) over the run
 * @param staticGpuHours GPU-hours of every worker held for the whole run (static provisioning)
 * @param peakFrontWorkers most aggregated/prefill workers held at once; {@code peakBackWorkers} decode
 * @param tenants per-tenant results (empty without tenants)
 */
public record EmulationResult(
        long requests,
        long measuredRequests,
        double windowS,
        double offeredRps,
        double completedRps,
        double inputTokensPerS,
        double outputTokensPerS,
        double totalTokensPerS,
        double ttftP50Ms,
        double ttftP90Ms,
        double ttftP99Ms,
        double itlP50Ms,
        double itlP90Ms,
        double itlP99Ms,
        double e2eP50Ms,
        double e2eP90Ms,
        double e2eP99Ms,
        double tpotP50Ms,
        double tpotP99Ms,
        double ttftAtSloPercentileMs,
        double itlAtSloPercentileMs,
        double goodputRps,
        double gpuBusyFraction,
        double modelFlopsUtilization,
        long preemptions,
        double prefixHitRate,
        double offloadHitRate,
        double meanInSystem,
        double meanLatencyS,
        boolean overloaded,
        List<QueuePoint> queue,
        List<PlannerPoint> planner,
        double gpuHours,
        double staticGpuHours,
        int peakFrontWorkers,
        int peakBackWorkers,
        List<TenantResult> tenants) {

    public EmulationResult {
        queue = List.copyOf(queue);
        planner = List.copyOf(planner);
        tenants = List.copyOf(tenants);
    }

    /** Requests waiting for admission and requests in the system at {@code timeS}. */
    public record QueuePoint(double timeS, int waiting, int inSystem) {}
}
