package org.aifactory.twin.model;

/** The traffic offered to one deployment: arrivals and input/output lengths in tokens. */
public record TrafficProfile(
        String id, String deployment, Arrival arrival, TokenDistribution inputTokens, TokenDistribution outputTokens) {

    public TrafficProfile {
        Checks.required(id, "id");
        Checks.required(deployment, "deployment");
        Checks.required(arrival, "arrival");
        Checks.required(inputTokens, "inputTokens");
        Checks.required(outputTokens, "outputTokens");
    }
}
