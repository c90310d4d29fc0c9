package org.aifactory.twin.serving;

import java.util.List;

/**
 * The serving result of one deployment, scaled from its emulated workers to all its replicas.
 * Token rates in tokens/s (input = prompt tokens prefilled, output = generated tokens); latencies
 * in ms; {@code queue} is empty in {@code validate} reports and filled by {@code emulate}.
 *
 * @param emulatedWorkers workers actually emulated (identical replicas: the offered rate is scaled
 *     to them and their throughput scaled back)
 * @param simulatedS simulated time of the emulation, s
 * @param kvHitRate share of prompt tokens served from a worker's prefix cache (0 with no shared prefixes)
 * @param kvOffloadHitRate the part of {@code kvHitRate} loaded back from offload tiers (CPU, NVMe, network)
 * @param kvCapacityTokensPerReplica paged-KV capacity of one (decode or aggregated) replica, tokens
 * @param weightsGbPerGpu model weights held by each GPU, GB
 * @param migProfile MIG slice each replica runs on, or null for whole GPUs
 * @param confidentialComputing whether the GPUs run in confidential-computing mode
 * @param powerLimitedReplicas replicas on racks with a power or thermal limit (RackPowerLimitFact)
 * @param meanGpuPowerFraction mean allowed fraction of nominal GPU power over the replicas (1: none limited)
 * @param autoscaled whether an SLA planner scaled the pools
 * @param gpuHours GPU-hours held over the emulated time (all replicas); {@code staticGpuHours} with every replica held
 * @param gpuHoursSaved {@code staticGpuHours - gpuHours}
 * @param peakReplicas most replicas held at once
 * @param planner the planner's decisions (filled by {@code emulate}); worker counts scaled to all replicas
 * @param tenants per-tenant SLO attainment (empty without tenants)
 * @param itPowerKw IT power of the deployment's GPU share of its racks (catalog typical power, limited racks capped)
 * @param tokensPerJoule tokens per second over IT watts
 * @param energyCostUsdPerMillionTokens IT energy cost of a million tokens at the site's electricity price
 */
public record DeploymentServing(
        String id,
        String model,
        String gpu,
        String precision,
        String mode,
        int replicas,
        int gpus,
        int racks,
        int emulatedWorkers,
        long emulatedRequests,
        double simulatedS,
        double offeredRps,
        double tokensPerSecond,
        double inputTokensPerSecond,
        double outputTokensPerSecond,
        double tokensPerSecondPerGpu,
        double tokensPerSecondPerRack,
        double ttftP50Ms,
        double ttftP90Ms,
        double ttftP99Ms,
        double itlP50Ms,
        double itlP90Ms,
        double itlP99Ms,
        double e2eP50Ms,
        double e2eP90Ms,
        double e2eP99Ms,
        double goodputRps,
        Double ttftSloMs,
        Double itlSloMs,
        boolean sloMet,
        boolean overloaded,
        double gpuBusyFraction,
        double modelFlopsUtilization,
        long preemptions,
        double kvHitRate,
        double kvOffloadHitRate,
        long kvCapacityTokensPerReplica,
        double weightsGbPerGpu,
        List<EmulationResult.QueuePoint> queue,
        String migProfile,
        boolean confidentialComputing,
        int powerLimitedReplicas,
        double meanGpuPowerFraction,
        boolean autoscaled,
        double gpuHours,
        double staticGpuHours,
        double gpuHoursSaved,
        int peakReplicas,
        List<PlannerPoint> planner,
        List<TenantResult> tenants,
        double itPowerKw,
        double tokensPerJoule,
        double energyCostUsdPerMillionTokens) {

    public DeploymentServing {
        queue = queue == null ? List.of() : List.copyOf(queue);
        planner = planner == null ? List.of() : List.copyOf(planner);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    public DeploymentServing withoutQueue() {
        return new DeploymentServing(
                id,
                model,
                gpu,
                precision,
                mode,
                replicas,
                gpus,
                racks,
                emulatedWorkers,
                emulatedRequests,
                simulatedS,
                offeredRps,
                tokensPerSecond,
                inputTokensPerSecond,
                outputTokensPerSecond,
                tokensPerSecondPerGpu,
                tokensPerSecondPerRack,
                ttftP50Ms,
                ttftP90Ms,
                ttftP99Ms,
                itlP50Ms,
                itlP90Ms,
                itlP99Ms,
                e2eP50Ms,
                e2eP90Ms,
                e2eP99Ms,
                goodputRps,
                ttftSloMs,
                itlSloMs,
                sloMet,
                overloaded,
                gpuBusyFraction,
                modelFlopsUtilization,
                preemptions,
                kvHitRate,
                kvOffloadHitRate,
                kvCapacityTokensPerReplica,
                weightsGbPerGpu,
                List.of(),
                migProfile,
                confidentialComputing,
                powerLimitedReplicas,
                meanGpuPowerFraction,
                autoscaled,
                gpuHours,
                staticGpuHours,
                gpuHoursSaved,
                peakReplicas,
                List.of(),
                tenants,
                itPowerKw,
                tokensPerJoule,
                energyCostUsdPerMillionTokens);
    }
}
