package org.aifactory.twin.model;

import java.util.List;

/** Serving deployments, the traffic offered to them and their SLOs. */
public record Workload(List<Deployment> deployments, List<TrafficProfile> traffic, List<Slo> slos) {

    public static final Workload EMPTY = new Workload(List.of(), List.of(), List.of());

    public Workload {
        deployments = Checks.listOf(deployments);
        traffic = Checks.listOf(traffic);
        slos = Checks.listOf(slos);
    }
}
