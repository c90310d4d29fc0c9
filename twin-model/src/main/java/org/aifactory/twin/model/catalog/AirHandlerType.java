package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/** An air handler: sensible cooling capacity and fan power, kW. */
public record AirHandlerType(
        String id,
        String name,
        double capacityKw,
        double fanPowerKw,
        double widthM,
        double depthM,
        double heightM,
        String source)
        implements Footprinted {

    public AirHandlerType {
        Checks.required(id, "id");
    }
}
