package org.aifactory.twin.model;

/**
 * An SLA planner scaling a deployment's pools between {@code minReplicas} and the replicas its
 * pools declare (the GPUs it has), as NVIDIA Dynamo's planner does. Every field is optional.
 *
 * @param adjustmentIntervalS seconds between decisions (null: Dynamo's 180 s)
 * @param predictor load forecast (null: holt)
 * @param minReplicas fewest replicas per pool (null: 1)
 */
public record Autoscaling(Double adjustmentIntervalS, AutoscalingPredictor predictor, Integer minReplicas) {}
