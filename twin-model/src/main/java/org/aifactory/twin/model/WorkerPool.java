package org.aifactory.twin.model;

/**
 * A pool of identical model replicas with one role.
 *
 * @param migProfile a MIG slice per replica (e.g. "1g.23gb", "3g.90gb") for small models, or null
 *     for whole GPUs; {@code replicas} then counts slices
 */
public record WorkerPool(PoolRole role, int replicas, Parallelism parallelism, String migProfile) {

    public WorkerPool {
        Checks.required(role, "role");
        Checks.required(parallelism, "parallelism");
    }

    public WorkerPool(PoolRole role, int replicas, Parallelism parallelism) {
        this(role, replicas, parallelism, null);
    }

    /** GPUs of whole-GPU replicas; a pool of MIG slices fills fewer (the serving analysis counts them per GPU type). */
    public int gpus() {
        return replicas * parallelism.gpusPerReplica();
    }
}
