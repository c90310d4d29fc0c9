package org.aifactory.twin.thermal;

import java.util.List;

/**
 * What the thermal analysis reports under {@code analyses.thermal}: facility totals at the site's
 * design ambient and over a synthetic year, then per CDU, rack, hall, facility loop, heat-rejection
 * unit, and the N-1 failure cases. Powers in kW, temperatures in °C, flows in L/min.
 *
 * @param itHeatKw heat the racks give off = their electrical power
 * @param liquidHeatKw part of it taken by cold plates into the secondary loops
 * @param airHeatKw part of it left in the room air
 * @param heatRejectedKw heat leaving the facility: through heat rejection (liquid) and air handlers (air)
 * @param coolingPowerKw electrical power of the cooling plant at design ambient
 * @param pueDesign (IT + cooling power) / IT at design ambient: a cooling-only PUE, without electrical losses
 * @param pueAnnual the same over the year: Σ(IT + cooling) / Σ IT energy
 * @param annualAmbientSource where the year's hourly ambient came from: "synthetic" (the site's
 *     {@link SyntheticClimate}) or the name of the hourly CSV (the site's climateFile or
 *     {@code validate --climate})
 * @param racksThrottled racks whose coolant at design ends above their supply or return limit; each
 *     has a {@code gpuPowerFraction} and the analysis publishes them in a {@code RackPowerLimitFact}
 * @param pueMonthly the same year month by month (12 entries, January first, calendar months of
 *     the 365-day year): each Σ(IT + cooling) / Σ IT over that month's hours, with the month's mean
 *     dry bulb; weighted by their IT energy they give {@code pueAnnual}
 */
public record ThermalReport(
        double designDryBulbC,
        double designWetBulbC,
        double itHeatKw,
        double liquidHeatKw,
        double airHeatKw,
        double heatRejectedKw,
        double coolingPowerKw,
        CoolingPowerBreakdown coolingPower,
        double pueDesign,
        double pueAnnual,
        double annualMeanCoolingPowerKw,
        int hoursFacilitySupplyAboveSetpoint,
        String annualAmbientSource,
        List<CduThermal> cdus,
        List<RackThermal> racks,
        List<HallAir> halls,
        List<FacilityLoopThermal> facilityLoops,
        List<HeatRejectionThermal> heatRejection,
        List<FailureCase> n1,
        int racksThrottled,
        List<MonthlyPue> pueMonthly) {

    public ThermalReport {
        pueMonthly = pueMonthly == null ? List.of() : List.copyOf(pueMonthly);
        cdus = List.copyOf(cdus);
        racks = List.copyOf(racks);
        halls = List.copyOf(halls);
        facilityLoops = List.copyOf(facilityLoops);
        heatRejection = List.copyOf(heatRejection);
        n1 = List.copyOf(n1);
    }

    /**
     * One calendar month of the annual loop.
     *
     * @param month 1 (January) to 12
     * @param hours hours of the month in the 365-day year (days × 24)
     * @param pue (IT + cooling energy) / IT energy over the month's hours
     * @param meanDryBulbC the month's mean ambient dry bulb, °C
     * @param meanCoolingPowerKw the month's mean cooling power, kW
     * @param itEnergyMwh IT energy over the month (IT load × hours), MWh: the weight of {@code pue} in {@code pueAnnual}
     */
    public record MonthlyPue(
            int month, int hours, double pue, double meanDryBulbC, double meanCoolingPowerKw, double itEnergyMwh) {}

    /** Where the cooling power goes at design ambient, kW. */
    public record CoolingPowerBreakdown(
            double cduPumpsKw,
            double facilityPumpsKw,
            double heatRejectionFansKw,
            double compressorsKw,
            double airHandlerFansKw) {

        public double totalKw() {
            return cduPumpsKw + facilityPumpsKw + heatRejectionFansKw + compressorsKw + airHandlerFansKw;
        }
    }

    /**
     * One CDU. {@code supplyC}/{@code returnC}/{@code flowLpm} are its secondary (rack) side;
     * {@code facility*} its primary side.
     *
     * @param utilisation loadKw / capacityKw
     * @param approachK secondary supply − facility supply needed at this load
     * @param pumpSpeedFraction speed its pumps run at to give the index rack its required flow
     * @param pumpHeadKpa differential pressure across the pumps
     * @param flowImbalanceRelative largest Kirchhoff residual over the loop's nodes, relative to its flow
     */
    public record CduThermal(
            String id,
            String facilityLoopId,
            double loadKw,
            double capacityKw,
            double utilisation,
            double supplyC,
            double returnC,
            double flowLpm,
            double approachK,
            double facilitySupplyC,
            double facilityReturnC,
            double facilityFlowLpm,
            double pumpSpeedFraction,
            double pumpHeadKpa,
            double powerKw,
            int newtonIterations,
            double flowImbalanceRelative) {}

    /**
     * One rack. Air-only racks have null flows and temperatures.
     *
     * @param heatKw its power = its heat
     * @param limitC its coolant supply limit (catalog maxCoolantSupplyC), or null
     * @param pressureDropKpa across its branch (header tee to header tee)
     * @param returnLimitC its coolant return limit (catalog maxCoolantReturnC, else limitC + the
     *     loop's designDeltaTK), or null
     * @param gpuPowerFraction the fraction of its GPU power it can sustain when its coolant ends
     *     above a limit (docs/thermal.md §2a); null when it is within both
     */
    public record RackThermal(
            String id,
            String loopId,
            double heatKw,
            double liquidHeatKw,
            double airHeatKw,
            Double flowLpm,
            Double requiredFlowLpm,
            Double supplyC,
            Double returnC,
            Double limitC,
            Double pressureDropKpa,
            Double returnLimitC,
            Double gpuPowerFraction) {}

    /** Residual air heat of one hall against its air handlers. */
    public record HallAir(String hallId, double airHeatKw, double capacityKw, double utilisation, double fanPowerKw) {}

    /**
     * One facility-water loop at design ambient.
     *
     * @param supplyC the supply its heat rejection achieves (the setpoint, or higher if it cannot)
     * @param availableAtSetpointKw heat its units can reject while holding the setpoint
     */
    public record FacilityLoopThermal(
            String id,
            double loadKw,
            double supplySetpointC,
            double supplyC,
            double returnC,
            double flowLpm,
            double availableAtSetpointKw,
            double pumpPowerKw) {}

    /**
     * One heat-rejection unit at design ambient. {@code cop} is null except for chillers.
     *
     * @param running whether it runs: of identical units on a loop only as many run as the load
     *     needs at the least fan power (staging); idle units show zero load and power
     */
    public record HeatRejectionThermal(
            String id,
            String type,
            String kind,
            String facilityLoopId,
            double loadKw,
            double availableAtSetpointKw,
            double leavingWaterC,
            double fanPowerKw,
            double compressorPowerKw,
            Double cop,
            boolean running) {}

    /**
     * What happens when one element fails (N-1).
     *
     * @param kind "cdu", "pump" (one of a CDU's pumps; id "&lt;cdu&gt;/pump") or "heat-rejection"
     * @param racksAffected liquid-cooled racks that lose cooling or see warmer water
     * @param racksOverLimit those whose coolant supply ends above their limit (pump failures: whose
     *     return ends above their return limit for lack of flow)
     * @param overLimitRackIds their ids (first {@value ThermalSolver#MAX_IDS_LISTED})
     * @param secondsToLimit lumped-mass time until the first rack reaches its limit (null: never)
     * @param secondsToLimitStagnant CDU failures only: the same if circulation stops too, each rack
     *     heating its own coolant and cold plates
     * @param steadyStateFacilitySupplyC heat-rejection failures: the facility supply it settles at
     * @param steadyStateReturnC pump failures: the hottest steady return of a rack short of flow, or
     *     null if every rack still gets what it needs
     */
    public record FailureCase(
            String failedElementId,
            String kind,
            int racksAffected,
            int racksOverLimit,
            List<String> overLimitRackIds,
            Double secondsToLimit,
            Double secondsToLimitStagnant,
            Double steadyStateFacilitySupplyC,
            Double steadyStateReturnC) {

        public FailureCase {
            overLimitRackIds = List.copyOf(overLimitRackIds);
        }
    }
}
