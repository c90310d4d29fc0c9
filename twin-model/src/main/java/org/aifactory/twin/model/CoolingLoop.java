package org.aifactory.twin.model;

/**
 * A secondary (technology cooling system) loop from one CDU to the racks that name it.
 *
 * @param supplyTemperatureC coolant supply temperature to the racks, °C
 * @param designDeltaTK design temperature rise across a rack, K
 */
public record CoolingLoop(
        String id,
        String cduId,
        Fluid fluid,
        double supplyTemperatureC,
        double designDeltaTK,
        AshraeClass ashraeClass) {

    public CoolingLoop {
        Checks.required(id, "id");
        Checks.required(cduId, "cduId");
        Checks.required(fluid, "fluid");
    }
}
