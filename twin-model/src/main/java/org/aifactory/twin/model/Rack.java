package org.aifactory.twin.model;

import java.util.List;

/**
 * A placed rack of a catalog type (GPU, network, storage or CPU rack).
 *
 * @param type catalog id of its {@code RackType}
 * @param rowId the row it stands in, or null
 * @param feeds its power feeds (A/B...), each from a busway or PDU of the power chain
 * @param coolingLoopId the secondary liquid loop that cools it, or null for an air-only rack
 * @param powerKw operating power if it differs from the catalog's typical figure, kW; null means
 *     the catalog's {@code typicalPowerKw}
 */
public record Rack(
        String id,
        String type,
        String rowId,
        Placement placement,
        List<RackFeed> feeds,
        String coolingLoopId,
        Double powerKw)
        implements PlacedElement {

    public Rack {
        Checks.required(id, "id");
        Checks.required(type, "type");
        Checks.required(placement, "placement");
        feeds = Checks.listOf(feeds);
    }

    public Rack withPlacement(Placement newPlacement) {
        return new Rack(id, type, rowId, newPlacement, feeds, coolingLoopId, powerKw);
    }

    public Rack withFeeds(List<RackFeed> newFeeds) {
        return new Rack(id, type, rowId, placement, newFeeds, coolingLoopId, powerKw);
    }

    public Rack withCoolingLoopId(String newCoolingLoopId) {
        return new Rack(id, type, rowId, placement, feeds, newCoolingLoopId, powerKw);
    }
}
