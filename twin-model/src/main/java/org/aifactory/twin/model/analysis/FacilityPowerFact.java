package org.aifactory.twin.model.analysis;

/**
 * Published by the power analysis: the IT power of the powered racks and what the whole facility
 * draws for it (IT + power-chain losses + cooling, when the thermal analysis ran). The serving
 * analysis turns its IT energy per token into facility energy per token with their ratio.
 *
 * @param itPowerKw IT power of the powered racks at the analysed load, kW
 * @param facilityPowerKw IT power + losses + cooling power, kW
 */
public record FacilityPowerFact(double itPowerKw, double facilityPowerKw) {

    public FacilityPowerFact {
        if (!(itPowerKw > 0)) {
            throw new IllegalArgumentException("itPowerKw must be positive, was " + itPowerKw);
        }
        if (!(facilityPowerKw >= itPowerKw)) {
            throw new IllegalArgumentException(
                    "facilityPowerKw (" + facilityPowerKw + ") must be at least itPowerKw (" + itPowerKw + ")");
        }
    }

    /** Facility power per watt of IT power (a PUE at the analysed load; 1 or more). */
    public double overhead() {
        return facilityPowerKw / itPowerKw;
    }
}
