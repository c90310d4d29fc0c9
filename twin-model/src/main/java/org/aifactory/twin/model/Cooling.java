package org.aifactory.twin.model;

import java.util.List;

/** Liquid cooling (CDUs, secondary and facility loops, heat rejection) and residual air handling. */
public record Cooling(
        List<Cdu> cdus,
        List<CoolingLoop> loops,
        List<FacilityWaterLoop> facilityLoops,
        List<HeatRejectionUnit> heatRejection,
        List<AirHandler> airHandlers) {

    public static final Cooling EMPTY = new Cooling(List.of(), List.of(), List.of(), List.of(), List.of());

    public Cooling {
        cdus = Checks.listOf(cdus);
        loops = Checks.listOf(loops);
        facilityLoops = Checks.listOf(facilityLoops);
        heatRejection = Checks.listOf(heatRejection);
        airHandlers = Checks.listOf(airHandlers);
    }
}
