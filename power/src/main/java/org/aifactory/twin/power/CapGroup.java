package org.aifactory.twin.power;

/**
 * Racks of one type that a plan caps to the same power.
 *
 * @param rackType catalog rack type
 * @param racks how many racks
 * @param uncappedKw each rack's load without the cap, kW
 * @param capKw each rack's capped load, kW
 * @param capFractionOfMax {@code capKw / maxPowerKw} of the type
 */
public record CapGroup(String rackType, int racks, double uncappedKw, double capKw, double capFractionOfMax) {}
