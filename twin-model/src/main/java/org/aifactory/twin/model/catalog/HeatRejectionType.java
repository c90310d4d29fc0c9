package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/**
 * A heat-rejection unit.
 *
 * @param capacityKw heat rejected at {@code ratingAmbientC} (dry-bulb; wet-bulb for towers), kW
 * @param approachK leaving water minus ambient at rating, K (dry coolers, towers)
 * @param fanPowerKw fan power at full speed, kW
 * @param copAtRating chiller coefficient of performance at rating, or null for non-chillers
 */
public record HeatRejectionType(
        String id,
        String name,
        HeatRejectionKind kind,
        double capacityKw,
        double ratingAmbientC,
        double approachK,
        double fanPowerKw,
        Double copAtRating,
        double widthM,
        double depthM,
        double heightM,
        String source)
        implements Footprinted {

    public HeatRejectionType {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
    }
}
