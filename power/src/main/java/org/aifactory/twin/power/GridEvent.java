package org.aifactory.twin.power;

import java.util.List;

/**
 * A grid event (DSX Flex style) and the plan that meets it. Powers kW, energy MWh. The baseline is
 * the analysis's load mode without failure.
 *
 * @param kind {@code demand-response} or {@code lost-feed}
 * @param description what happens, e.g. "curtail 20 % for 4 h" or "transformer tx-a out"
 * @param durationH how long the event lasts, h
 * @param baselineUtilityKw utility demand before the event
 * @param targetUtilityKw the most the facility may draw during the event (demand response), or the
 *     baseline (lost feed: the target is to stay within ratings)
 * @param utilityKw utility demand with the plan
 * @param curtailedKw demand response: {@code baselineUtilityKw - utilityKw}; lost feed: the IT power
 *     shed (racks unpowered or capped), since moving load also changes the chain's losses
 * @param energyCurtailedMwh {@code curtailedKw x durationH / 1,000}
 * @param throughputFraction throughput with the plan over the baseline throughput
 * @param throughputLostHours {@code (1 - throughputFraction) x durationH}: hours of the whole
 *     facility's baseline throughput lost
 * @param feasible whether the plan meets the target (and ratings)
 * @param racksCapped GPU racks the plan caps
 * @param racksUnpowered racks without a live feed during the event
 * @param caps the caps by rack type
 * @param unpowered up to 20 unpowered rack ids
 * @param id the event's id in the facility file ({@code site.gridEvents}), null for the default study
 * @param source {@code site.gridEvents}, or the default study when the file names no events
 */
public record GridEvent(
        String kind,
        String description,
        double durationH,
        double baselineUtilityKw,
        double targetUtilityKw,
        double utilityKw,
        double curtailedKw,
        double energyCurtailedMwh,
        double throughputFraction,
        double throughputLostHours,
        boolean feasible,
        int racksCapped,
        int racksUnpowered,
        List<CapGroup> caps,
        List<String> unpowered,
        String id,
        String source) {

    public GridEvent {
        caps = List.copyOf(caps);
        unpowered = List.copyOf(unpowered);
    }
}
