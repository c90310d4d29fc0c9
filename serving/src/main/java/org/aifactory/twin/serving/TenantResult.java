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
 */
public record TenantResult(String id, String tier, long requests, long provisionedRequests, long spilledRequests,
        Double sloAttainment, Double provisionedSloAttainment, double ttftP50Ms, double ttftP99Ms) {}
