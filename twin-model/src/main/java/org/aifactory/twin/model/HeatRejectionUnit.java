package org.aifactory.twin.model;

/** A dry cooler, chiller or cooling tower (catalog {@code type}) serving a facility-water loop. */
public record HeatRejectionUnit(String id, String type, String facilityLoopId, Placement placement)
        implements PlacedElement {

    public HeatRejectionUnit {
        Checks.required(id, "id");
        Checks.required(type, "type");
        Checks.required(facilityLoopId, "facilityLoopId");
    }
}
