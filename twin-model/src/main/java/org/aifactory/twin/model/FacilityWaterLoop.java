package org.aifactory.twin.model;

/**
 * The facility (primary) water loop between CDUs and heat rejection.
 *
 * @param supplyTemperatureC water supply temperature to the CDUs, °C
 * @param designDeltaTK design temperature rise across the CDUs, K
 */
public record FacilityWaterLoop(String id, Fluid fluid, double supplyTemperatureC, double designDeltaTK) {

    public FacilityWaterLoop {
        Checks.required(id, "id");
        Checks.required(fluid, "fluid");
    }
}
