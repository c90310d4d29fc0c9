package org.aifactory.twin.serving;

/**
 * A tenant of a shared deployment, as hyperscalers sell serving: a priority tier and optionally a
 * provisioned throughput (reserved tokens per second, served first; a request beyond the
 * reservation spills over to the shared pool at standard priority, as Azure OpenAI's provisioned
 * deployments spill to a standard deployment [S] (learn.microsoft.com, "Manage traffic with
 * spillover for provisioned deployments")).
 *
 * @param id tenant name
 * @param tier priority of the tenant's requests that are not covered by a reservation
 * @param share share of the deployment's requests that are this tenant's, (0, 1]
 * @param provisionedTokensPerS reserved input + output tokens per second (0: none)
 */
public record TenantSpec(String id, Tier tier, double share, double provisionedTokensPerS) {

    /**
     * Priority classes of the batcher, highest first. PROVISIONED is internal: a request within its
     * tenant's reservation. The batcher admits waiting prompts strictly by class, FIFO within a
     * class, as vLLM's {@code --scheduling-policy priority} orders its waiting queue by priority
     * then arrival [S] (docs.vllm.ai, engine arguments).
     */
    public enum Tier {
        PROVISIONED,
        PREMIUM,
        STANDARD,
        BASIC
    }

    public TenantSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tenant id is required");
        }
        if (tier == null || tier == Tier.PROVISIONED) {
            throw new IllegalArgumentException("tenant " + id + ": tier must be premium, standard or basic");
        }
        if (!(share > 0 && share <= 1) || !(provisionedTokensPerS >= 0)) {
            throw new IllegalArgumentException("tenant " + id + ": share (" + share
                    + ") must be in (0, 1] and provisionedTokensPerS (" + provisionedTokensPerS + ") non-negative");
        }
    }
}
