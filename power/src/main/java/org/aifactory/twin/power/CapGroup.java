package org.aifactory.twin.power;

/**
 * Racks of one type and workload that a plan caps to the same power.
 *
 * @param rackType catalog rack type
 * @param racks how many racks
 * @param uncappedKw each rack's load without the cap, kW
 * @param capKw each rack's capped load, kW
 * @param capFractionOfMax {@code capKw / maxPowerKw} of the type
 * @param workload what the racks run ({@code training}, {@code prefill}, {@code inference}, {@code decode}),
 *     which sets their throughput-against-power curve
 * @param gpuPowerFraction the fraction of nominal GPU power the cap leaves: {@code (capKw - N) / G}
 *     ({@link GpuPowerCurve}); what the {@code RackPowerLimitFact} publishes
 * @param throughputFraction each rack's throughput at the cap over its uncapped throughput
 */
public record CapGroup(
        String rackType,
        int racks,
        double uncappedKw,
        double capKw,
        double capFractionOfMax,
        String workload,
        double gpuPowerFraction,
        double throughputFraction) {}
