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
 * @param maxCoolantReturnC optional: highest coolant return temperature it accepts, °C; null: the
 *     thermal solver takes {@code maxCoolantSupplyC} + the loop's design rise (docs/thermal.md)
 * @param coldPlateDropKpa optional: pressure drop of its manifolds and cold plates at
 *     {@code coldPlateFlowLpm}, kPa; the curve is Δp = k·Q² through that point. Null: the thermal
 *     solver's default (docs/thermal.md). Give both or neither
 * @param coldPlateFlowLpm optional: the flow at which {@code coldPlateDropKpa} holds, L/min
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
        String source,
        Double maxCoolantReturnC,
        Double coldPlateDropKpa,
        Double coldPlateFlowLpm)
        implements Footprinted {

    public RackType {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
    }

    /** A rack type without a return limit or cold-plate curve (the thermal solver's defaults). */
    public RackType(
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
            String source) {
        this(
                id,
                name,
                kind,
                gpu,
                gpus,
                cpus,
                typicalPowerKw,
                maxPowerKw,
                liquidFraction,
                maxCoolantSupplyC,
                powerShelves,
                powerShelfRatingKw,
                nics,
                nicSpeedGbps,
                widthM,
                depthM,
                heightM,
                weightKg,
                source,
                null,
                null,
                null);
    }
}
