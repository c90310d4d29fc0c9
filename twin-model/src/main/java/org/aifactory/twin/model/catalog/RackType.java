package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/**
 * A rack system.
 *
 * @param gpu catalog id of its GPU, or null for racks without GPUs
 * @param typicalPowerKw steady operating power, kW
 * @param maxPowerKw maximum (TDP) power, kW
 * @param liquidFraction share of its heat taken by cold plates (0..1); the rest goes to air
 * @param maxCoolantSupplyC highest coolant supply temperature it accepts, °C (null for air-only racks)
 * @param powerShelves number of power shelves; {@code powerShelfRatingKw} each
 * @param nicSpeedGbps scale-out NIC speed; {@code nics} of them per rack
 */
public record RackType(
        String id,
        String name,
        RackKind kind,
        String gpu,
        int gpus,
        int cpus,
        double typicalPowerKw,
        double maxPowerKw,
        double liquidFraction,
        Double maxCoolantSupplyC,
        int powerShelves,
        double powerShelfRatingKw,
        int nics,
        double nicSpeedGbps,
        double widthM,
        double depthM,
        double heightM,
        double weightKg,
        String source)
        implements Footprinted {

    public RackType {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
    }
}
