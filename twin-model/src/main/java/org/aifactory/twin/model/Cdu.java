package org.aifactory.twin.model;

/**
 * A coolant distribution unit: an in-row/perimeter unit has a {@code placement}; an in-rack unit
 * has instead a {@code hostRackId}. Its primary side connects to a facility-water loop.
 */
public record Cdu(String id, String type, Placement placement, String hostRackId, String facilityLoopId)
        implements PlacedElement {

    public Cdu {
        Checks.required(id, "id");
        Checks.required(type, "type");
    }
}
