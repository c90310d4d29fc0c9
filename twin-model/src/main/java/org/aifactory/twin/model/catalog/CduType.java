package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/**
 * A liquid-to-liquid coolant distribution unit.
 *
 * @param capacityKw heat it can move at {@code approachK} (facility supply to secondary supply), kW
 * @param maxFlowLpm secondary flow at {@code pumpHeadKpa}, L/min
 * @param parasiticPowerKw its own pump and control power at full load, kW
 * @param pumps optional: identical secondary pumps installed in parallel; the rated point
 *     ({@code maxFlowLpm} at {@code pumpHeadKpa}) is that of the {@code pumps − standbyPumps} duty
 *     pumps running. Null: the thermal solver assumes N + 1 with N = 2 [E] (docs/thermal.md)
 * @param standbyPumps optional: how many of them are standby (redundant), 0 ≤ standbyPumps &lt;
 *     pumps; null with {@code pumps} set: 0
 */
public record CduType(
        String id,
        String name,
        CduKind kind,
        double capacityKw,
        double approachK,
        double maxFlowLpm,
        double pumpHeadKpa,
        double parasiticPowerKw,
        double widthM,
        double depthM,
        double heightM,
        String source,
        Integer pumps,
        Integer standbyPumps)
        implements Footprinted {

    public CduType {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
    }

    /** A CDU type without a pump count (the thermal solver's default N + 1). */
    public CduType(
            String id,
            String name,
            CduKind kind,
            double capacityKw,
            double approachK,
            double maxFlowLpm,
            double pumpHeadKpa,
            double parasiticPowerKw,
            double widthM,
            double depthM,
            double heightM,
            String source) {
        this(
                id,
                name,
                kind,
                capacityKw,
                approachK,
                maxFlowLpm,
                pumpHeadKpa,
                parasiticPowerKw,
                widthM,
                depthM,
                heightM,
                source,
                null,
                null);
    }
}
