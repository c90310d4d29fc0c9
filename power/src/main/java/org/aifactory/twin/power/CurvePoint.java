package org.aifactory.twin.power;

/**
 * One point of the facility's throughput-against-power curve.
 *
 * @param facilityPowerKw utility demand (IT + losses + cooling scaled with IT), kW
 * @param itPowerKw IT power, kW
 * @param throughputFraction throughput over the throughput with every GPU rack at {@code maxPowerKw}
 */
public record CurvePoint(double facilityPowerKw, double itPowerKw, double throughputFraction) {}
