package org.aifactory.twin.power;

import java.util.Map;

/**
 * How to run the power analysis.
 *
 * @param mode which rack power to use
 * @param capFractionOfMax in {@link LoadMode#CAPPED} mode, the cap of a rack that has no entry in
 *     {@code rackCapsKw}, as a fraction of its catalog {@code maxPowerKw} (0..1]
 * @param rackCapsKw in {@link LoadMode#CAPPED} mode, per-rack caps by rack id, kW
 * @param powerFactor real over apparent power, used for currents (see {@link #DEFAULT_POWER_FACTOR})
 */
public record PowerOptions(LoadMode mode, double capFractionOfMax, Map<String, Double> rackCapsKw, double powerFactor) {

    /**
     * Power factor of the AC chain for currents: 0.95 [E]. The catalog derives its kW ratings
     * from kVA with the same figure (transformer-3mva: 3,000 kVA x 0.95 = 2,850 kW; busway-1600a).
     */
    public static final double DEFAULT_POWER_FACTOR = 0.95;

    /** Typical rack power, default power factor: what {@code validate} reports. */
    public static final PowerOptions DEFAULT = new PowerOptions(LoadMode.TYPICAL, 1.0, Map.of(), DEFAULT_POWER_FACTOR);

    public PowerOptions {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required. Maybe LoadMode.TYPICAL?");
        }
        if (!(capFractionOfMax > 0 && capFractionOfMax <= 1)) {
            throw new IllegalArgumentException("The capFractionOfMax (" + capFractionOfMax + ") must be in (0, 1].");
        }
        if (!(powerFactor > 0 && powerFactor <= 1)) {
            throw new IllegalArgumentException("The powerFactor (" + powerFactor + ") must be in (0, 1]. Maybe 0.95?");
        }
        rackCapsKw = rackCapsKw == null ? Map.of() : Map.copyOf(rackCapsKw);
        rackCapsKw.forEach((id, cap) -> {
            if (!(cap >= 0)) {
                throw new IllegalArgumentException(
                        "The cap (" + cap + " kW) of rack (" + id + ") must not be negative.");
            }
        });
    }

    public static PowerOptions of(LoadMode mode) {
        return new PowerOptions(mode, 1.0, Map.of(), DEFAULT_POWER_FACTOR);
    }

    /** Capped mode: every rack at most {@code capFractionOfMax} of its maximum power. */
    public static PowerOptions capped(double capFractionOfMax) {
        return new PowerOptions(LoadMode.CAPPED, capFractionOfMax, Map.of(), DEFAULT_POWER_FACTOR);
    }
}
