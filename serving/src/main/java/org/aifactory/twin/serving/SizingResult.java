package org.aifactory.twin.serving;

/**
 * The answer of {@link Sizing}: the fewest replicas found to meet the SLOs, the racks, GPUs and IT
 * power they take, and what the emulation measured at that size. When {@code feasible} is false
 * no size up to {@link Sizing#MAX_REPLICAS} met the SLOs (or the model does not fit) and
 * {@code reason} says why.
 *
 * @param prefillReplicas aggregated replicas, or prefill replicas (disaggregated)
 * @param decodeReplicas decode replicas (0 for aggregated)
 * @param racks racks of the request's type, each filled with whole replicas
 * @param itPowerKw racks × the rack type's typical power, kW
 * @param tokensPerSecond input + output tokens per second served at that size
 * @param ttftAtSloPercentileMs TTFT at the SLO's percentile, ms; {@code itlAtSloPercentileMs} likewise
 * @param emulations emulations the search ran
 */
public record SizingResult(
        String id,
        boolean feasible,
        String reason,
        String rackType,
        String gpu,
        int prefillReplicas,
        int decodeReplicas,
        int gpus,
        int racks,
        double itPowerKw,
        double offeredRps,
        double tokensPerSecond,
        double ttftAtSloPercentileMs,
        double itlAtSloPercentileMs,
        double ttftP50Ms,
        double ttftP99Ms,
        double itlP50Ms,
        double itlP99Ms,
        double kvHitRate,
        double ttftSloMs,
        double ttftPercentile,
        double itlSloMs,
        double itlPercentile,
        int emulations) {

    public int replicas() {
        return prefillReplicas + decodeReplicas;
    }

    public double itPowerMw() {
        return itPowerKw / 1000;
    }
}
