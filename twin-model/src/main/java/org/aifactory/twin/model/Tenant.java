package org.aifactory.twin.model;

/**
 * A tenant sharing a deployment's traffic.
 *
 * @param share share of the traffic profile's requests that are this tenant's, (0, 1]
 * @param provisionedTokensPerS reserved input + output tokens per second (provisioned throughput);
 *     requests beyond it spill over at standard priority; null: none
 */
public record Tenant(String id, TenantTier tier, double share, Double provisionedTokensPerS) {

    public Tenant {
        Checks.required(id, "id");
        Checks.required(tier, "tier");
    }
}
