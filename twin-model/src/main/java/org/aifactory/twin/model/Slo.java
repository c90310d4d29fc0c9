package org.aifactory.twin.model;

/**
 * Latency objectives of a deployment: time to first token and inter-token latency, each at a
 * percentile (e.g. 99 for p99).
 */
public record Slo(
        String id, String deployment, double ttftMs, double ttftPercentile, double itlMs, double itlPercentile) {

    public Slo {
        Checks.required(id, "id");
        Checks.required(deployment, "deployment");
    }
}
