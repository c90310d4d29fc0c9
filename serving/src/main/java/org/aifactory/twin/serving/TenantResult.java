package org.aifactory.twin.serving;

/**
 * What one tenant's measured requests got.
 *
 * @param requests measured requests of the tenant that completed
 * @param provisionedRequests of them, served within the tenant's reservation
 * @param spilledRequests of them, beyond the reservation and served at standard priority
 * @param sloAttainment share of the completed requests meeting both objectives (TTFT and mean ITL); null: none completed
 * @param provisionedSloAttainment the same over the requests within the reservation (null: none)
 * @param ttftP99Ms TTFT p99 of the tenant's requests
 * @param dedicatedReplicas replicas dedicated to the tenant's reservation (aggregated or prefill plus decode; 0: none,
 *     priority-only provisioning in the shared pool)
 * @param spilledSloAttainment share of the spilled requests meeting both objectives (null: none spilled)
 */
public record TenantResult(
        String id,
        String tier,
        long requests,
        long provisionedRequests,
        long spilledRequests,
        Double sloAttainment,
        Double provisionedSloAttainment,
        double ttftP50Ms,
        double ttftP99Ms,
        int dedicatedReplicas,
        Double spilledSloAttainment) {

    /** The same with {@code n} dedicated replicas (the deployment's count when the emulation ran on fewer workers). */
    public TenantResult withDedicatedReplicas(int n) {
        return new TenantResult(
                id,
                tier,
                requests,
                provisionedRequests,
                spilledRequests,
                sloAttainment,
                provisionedSloAttainment,
                ttftP50Ms,
                ttftP99Ms,
                n,
                spilledSloAttainment);
    }
}
