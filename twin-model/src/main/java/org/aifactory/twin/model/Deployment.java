package org.aifactory.twin.model;

import java.util.List;

/**
 * A serving deployment of one catalog model on a set of racks.
 *
 * @param model catalog id of the LLM
 * @param racks ids of the GPU racks it runs on
 * @param pools one aggregated pool, or a prefill and a decode pool
 * @param autoscaling SLA planner scaling the pools, or null for fixed replicas
 * @param confidentialComputing whether the GPUs run in confidential-computing mode (null: no)
 */
public record Deployment(
        String id,
        String model,
        Precision precision,
        ServingMode mode,
        List<String> racks,
        List<WorkerPool> pools,
        RouterPolicy router,
        Autoscaling autoscaling,
        Boolean confidentialComputing) {

    public Deployment {
        Checks.required(id, "id");
        Checks.required(model, "model");
        Checks.required(precision, "precision");
        Checks.required(mode, "mode");
        Checks.required(router, "router");
        racks = Checks.listOf(racks);
        pools = Checks.listOf(pools);
    }

    /** Fixed replicas, not confidential. */
    public Deployment(
            String id,
            String model,
            Precision precision,
            ServingMode mode,
            List<String> racks,
            List<WorkerPool> pools,
            RouterPolicy router) {
        this(id, model, precision, mode, racks, pools, router, null, null);
    }

    public boolean confidential() {
        return Boolean.TRUE.equals(confidentialComputing);
    }

    public int gpus() {
        return pools.stream().mapToInt(WorkerPool::gpus).sum();
    }
}
