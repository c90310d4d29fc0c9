package org.aifactory.twin.model;

import java.util.List;

/**
 * The traffic offered to one deployment: arrivals and input/output lengths in tokens, and the
 * tenants sharing it (empty: one anonymous standard tenant), and its shared prompt prefixes (null:
 * none; a trace gives session ids per row instead).
 */
public record TrafficProfile(
        String id,
        String deployment,
        Arrival arrival,
        TokenDistribution inputTokens,
        TokenDistribution outputTokens,
        List<Tenant> tenants,
        PrefixSharing prefixSharing) {

    public TrafficProfile {
        Checks.required(id, "id");
        Checks.required(deployment, "deployment");
        Checks.required(arrival, "arrival");
        Checks.required(inputTokens, "inputTokens");
        Checks.required(outputTokens, "outputTokens");
        tenants = Checks.listOf(tenants);
    }

    /** No tenants. */
    public TrafficProfile(
            String id,
            String deployment,
            Arrival arrival,
            TokenDistribution inputTokens,
            TokenDistribution outputTokens) {
        this(id, deployment, arrival, inputTokens, outputTokens, List.of(), null);
    }

    /** Tenants, no prefix sharing. */
    public TrafficProfile(
            String id,
            String deployment,
            Arrival arrival,
            TokenDistribution inputTokens,
            TokenDistribution outputTokens,
            List<Tenant> tenants) {
        this(id, deployment, arrival, inputTokens, outputTokens, tenants, null);
    }
}
