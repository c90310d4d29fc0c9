package org.aifactory.twin.model;

/** An air handler (CRAH/fan wall) removing the racks' residual air heat in a hall. */
public record AirHandler(String id, String type, Placement placement) implements PlacedElement {

    public AirHandler {
        Checks.required(id, "id");
        Checks.required(type, "type");
        Checks.required(placement, "placement");
    }
}
