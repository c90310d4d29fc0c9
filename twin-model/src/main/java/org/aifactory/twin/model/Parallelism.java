package org.aifactory.twin.model;

/**
 * Model parallelism of one replica. GPUs per replica = tensor × pipeline × data; expert
 * parallelism spreads experts over those same GPUs, so it must not exceed that product.
 */
public record Parallelism(int tensor, int pipeline, int expert, int data) {

    public int gpusPerReplica() {
        return tensor * pipeline * data;
    }
}
