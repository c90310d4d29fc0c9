package org.aifactory.twin.model;

/** A pool of identical model replicas with one role. */
public record WorkerPool(PoolRole role, int replicas, Parallelism parallelism) {

    public WorkerPool {
        Checks.required(role, "role");
        Checks.required(parallelism, "parallelism");
    }

    public int gpus() {
        return replicas * parallelism.gpusPerReplica();
    }
}
