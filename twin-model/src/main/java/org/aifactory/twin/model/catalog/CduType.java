package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/**
 * A liquid-to-liquid coolant distribution unit.
 *
 * @param capacityKw heat it can move at {@code approachK} (facility supply to secondary supply), kW
 * @param maxFlowLpm secondary flow at {@code pumpHeadKpa}, L/min
 * @param parasiticPowerKw its own pump and control power at full load, kW
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
        String source)
        implements Footprinted {

    public CduType {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
    }
}
