package org.aifactory.twin.power;

import java.util.List;

/**
 * Max-Q style power capping: every GPU rack wants its catalog {@code maxPowerKw}; the caps that keep
 * the utility demand within {@code siteCapKw} while losing the least throughput. Powers kW.
 *
 * @param siteCapKw the cap on utility demand (IT + losses + cooling)
 * @param siteCapSource where the cap comes from (the grid interconnect unless told otherwise)
 * @param uncappedUtilityKw utility demand with every GPU rack at {@code maxPowerKw}
 * @param utilityKw utility demand with the caps ({@code <= siteCapKw} when feasible)
 * @param itPowerKw IT power with the caps
 * @param feasible false when even every GPU rack at its floor exceeds the cap
 * @param racksCapped GPU racks below their maximum power
 * @param throughputFraction throughput over the uncapped throughput
 * @param curveAlpha the exponent of the GPU curve {@code t = p^alpha} of racks that train (in no serving
 *     deployment); {@code curveAlphaByWorkload} gives every kind's
 * @param curveFloorFraction lowest GPU power limit, fraction of nominal GPU power
 * @param caps the caps by rack type (racks not capped are not listed)
 * @param curve facility throughput against utility demand, from every GPU rack at its floor to all at max
 * @param curveAlphaByWorkload the curve exponent by workload ({@code training}, {@code prefill},
 *     {@code inference}, {@code decode}; {@link WorkloadKind})
 */
public record CappingReport(
        double siteCapKw,
        String siteCapSource,
        double uncappedUtilityKw,
        double utilityKw,
        double itPowerKw,
        boolean feasible,
        int racksCapped,
        double throughputFraction,
        double curveAlpha,
        double curveFloorFraction,
        List<CapGroup> caps,
        List<CurvePoint> curve,
        java.util.Map<String, Double> curveAlphaByWorkload) {

    public CappingReport {
        caps = List.copyOf(caps);
        curve = List.copyOf(curve);
        curveAlphaByWorkload =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(curveAlphaByWorkload));
    }
}
