package org.aifactory.twin.model;

/**
 * A grid event the site must ride through: the power analysis plans which racks cap, by how much,
 * and what energy and throughput it costs.
 *
 * @param id unique id, e.g. {@code dr-summer-peak}
 * @param kind {@code demand-response} or {@code lost-feed}
 * @param curtailPercent demand response only: the share of the site's utility demand to shed, %,
 *     in (0, 100)
 * @param nodeId lost feed only: the id of the power node that is out (a utility feed, usually)
 * @param durationH how long the event lasts, hours
 */
public record GridEventSpec(String id, GridEventKind kind, Double curtailPercent, String nodeId, double durationH) {

    public GridEventSpec {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
    }

    /** A demand-response event: shed {@code percent} % of the utility demand for {@code hours}. */
    public static GridEventSpec demandResponse(String id, double percent, double hours) {
        return new GridEventSpec(id, GridEventKind.DEMAND_RESPONSE, percent, null, hours);
    }

    /** Power node {@code nodeId} out for {@code hours}. */
    public static GridEventSpec lostFeed(String id, String nodeId, double hours) {
        return new GridEventSpec(id, GridEventKind.LOST_FEED, null, nodeId, hours);
    }
}
