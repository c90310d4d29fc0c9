package org.aifactory.twin.thermal;

/**
 * Every number the thermal solver takes from outside the facility model, with its source. Tags as
 * in ../shared/reference/ai-factory-reference.md: [P] primary, [S] secondary, [D] derived (the
 * arithmetic is shown), [E] estimate: not published, change it when a better figure is known.
 * Each of these is a candidate for a model or catalog field (docs/thermal.md lists them).
 */
public final class ThermalAssumptions {
    private ThermalAssumptions() {}

    // ---- tolerances ---------------------------------------------------------------------------

    /** Energy bookkeeping must close to this relative error (issue 3). */
    public static final double ENERGY_BALANCE_TOLERANCE = 1e-6;
    /** Kirchhoff at every hydraulic node to this relative error (issue 3). */
    public static final double KIRCHHOFF_TOLERANCE = 1e-9;
    /** A rack is starved when its flow is below (1 − this) × its required flow. */
    public static final double FLOW_SHORTFALL_TOLERANCE = 0.01;
    /** Temperatures above a limit by less than this are not reported, K. */
    public static final double TEMPERATURE_TOLERANCE_K = 0.05;

    // ---- secondary loop hydraulics -------------------------------------------------------------

    /**
     * Rack flow rule of thumb: 1.5 L/min per kW of liquid heat at ΔT ≤ 10 K (OCP; range
     * 1.25-2.0) [S] ref §1c, §2c. Used only to size branch pipes and calibrate the cold-plate curve;
     * the required flow itself comes from Q = ṁ·c_p·ΔT.
     */
    public static final double OCP_FLOW_LPM_PER_KW = 1.5;
    /**
     * Rack manifold + cold plates pressure drop at the OCP design flow of the rack's maximum
     * liquid heat: 100 kPa (1 bar) [E], inside the typical 0.5-3.0 bar of ref §1c/§2c and below the
     * OCP RPU's 40 psi (276 kPa) at 150 L/min for 100 kW [S] ref §1c.
     */
    public static final double RACK_DESIGN_PRESSURE_DROP_KPA = 100;
    /** The OCP RPU bound: a rack needing more than this differential pressure is flagged, kPa [S] ref §1c. */
    public static final double OCP_RACK_MAX_PRESSURE_DROP_KPA = 275.8;
    /** Share of the cold-plate drop at design flow modelled as linear (laminar micro-channels) [E]. */
    public static final double RACK_LINEAR_DROP_SHARE = 0.05;
    /** Header pipes sized for the CDU's rated flow at this velocity, m/s [E] (common 1.5-3 m/s design range). */
    public static final double HEADER_VELOCITY_M_PER_S = 2.0;
    /** Rack branch hoses sized for the rack's OCP design flow at this velocity, m/s [E]. */
    public static final double BRANCH_VELOCITY_M_PER_S = 1.5;
    /** Equivalent-length factor for fittings, valves and bends on header runs [E]. */
    public static final double FITTINGS_LENGTH_FACTOR = 1.5;
    /** Supply + return hose length from header to a rack's manifold (drops, quick disconnects), m [E]. */
    public static final double BRANCH_LENGTH_M = 6.0;
    /** Connection allowance from the CDU to the first header tee, m [E]. */
    public static final double CDU_CONNECTION_LENGTH_M = 2.0;
    /** Absolute roughness of commercial steel pipe, 0.046 mm [S] F. M. White, Fluid Mechanics, Table 6.1. */
    public static final double PIPE_ROUGHNESS_M = 0.046e-3;
    /**
     * CDU pump shutoff head over its rated head [E]: typical centrifugal pumps have a shutoff head
     * 110-130 % of the best-efficiency head. The quadratic curve goes through the shutoff head and
     * the catalog's rated point (maxFlowLpm at pumpHeadKpa), reaching zero head at
     * ratedFlow/√(1 − 1/1.25) ≈ 2.24 × rated flow.
     */
    public static final double PUMP_SHUTOFF_HEAD_RATIO = 1.25;
    /** Lowest speed a CDU's variable-speed pumps run at [E]. */
    public static final double PUMP_MIN_SPEED_FRACTION = 0.3;
    /**
     * Pumps installed per CDU when its catalog type gives no {@code pumps}: N + 1 identical pumps in
     * parallel with N = 2 [E]. The N + 1 arrangement is what the catalog's CDUs state (Boyd ROL4000
     * "N+1 seal-less pumps" [P], Supermicro in-rack CDU "N+1 pumps" [S], ref §2b; "N+1 pumps" as a
     * loop design rule, ref §2c); N = 2 is a guess. The catalog rated point (maxFlowLpm at
     * pumpHeadKpa) is that of the N duty pumps; the standby starts when one fails.
     */
    public static final int CDU_DEFAULT_PUMPS = 3;
    /** Standby pumps per CDU when its catalog type gives no pump count (the "+1" of N + 1) [S] ref §2b, §2c. */
    public static final int CDU_DEFAULT_STANDBY_PUMPS = 1;

    // ---- throttling ----------------------------------------------------------------------------

    /**
     * Floor of the GPU power fraction published for a rack whose coolant cannot carry any of its
     * heat within its limits (supply at or above its return limit) [E]: the rack cannot run; 1 %
     * stands for "off" because a {@code RackPowerLimitFact} fraction must be positive.
     */
    public static final double MIN_GPU_POWER_FRACTION = 0.01;

    // ---- CDU and facility water ----------------------------------------------------------------

    /**
     * The CDU approach (secondary supply − facility supply) grows linearly with load up to the
     * catalog's approach at capacity [E]: at fixed flows the log-mean temperature difference of a
     * plate exchanger is proportional to the duty.
     */
    public static final double APPROACH_EXPONENT = 1.0;
    /** Facility-water pump head (pipes, CDU primaries, heat-rejection coils), kPa [E]. */
    public static final double FACILITY_PUMP_HEAD_KPA = 250;
    /** Wire-to-water efficiency of facility pumps [E]. */
    public static final double FACILITY_PUMP_EFFICIENCY = 0.7;
    /**
     * Cooling towers: the condenser-water (open tower) or spray (closed-circuit tower) pump, as head
     * on the facility loop's flow through the towers, kPa [E]: the water is lifted to the tower's
     * distribution basin (≈ 5-8 m of static lift plus nozzles), a separate pump from the facility
     * loop's. Same wire-to-water efficiency as facility pumps.
     */
    public static final double TOWER_PUMP_HEAD_KPA = 100;

    // ---- heat rejection ------------------------------------------------------------------------

    /**
     * Chiller Carnot-fraction model COP = η·T_evap/(T_cond − T_evap) [E] ref §2g; η is calibrated
     * per chiller type from its copAtRating at the AHRI point (35 °C ambient, 6.7 °C leaving water
     * [S] ref §2g). Evaporating temperature = leaving water − this, K [E].
     */
    public static final double CHILLER_EVAPORATOR_APPROACH_K = 2.0;
    /** Condensing temperature = ambient dry bulb + this for air-cooled condensers, K [E]. */
    public static final double CHILLER_CONDENSER_APPROACH_K = 15.0;
    /** AHRI 550/590 rating: ambient for air-cooled chillers, °C [S] ref §2g. */
    public static final double AHRI_AMBIENT_C = 35.0;
    /** AHRI 550/590 rating: leaving chilled water, °C [S] ref §2g. */
    public static final double AHRI_LEAVING_WATER_C = 6.7;
    /** Upper bound on the model COP when the lift vanishes [E]. */
    public static final double CHILLER_MAX_COP = 15.0;
    /**
     * Lowest speed of heat-rejection fans on VFDs, fraction of full speed [S]: EVAPCO recommends a
     * minimum of 25 % for open cooling towers, closed-circuit coolers and evaporative condensers
     * (https://www.evapco.com/faq/answer/minimum-fan-speed-open-cooling-tower); applied to dry
     * coolers and chiller condenser fans too [E]. Part-load fan power per running unit =
     * fanPowerKw × max(u, this)³.
     */
    public static final double HEAT_REJECTION_FAN_MIN_SPEED_FRACTION = 0.25;

    // ---- air ------------------------------------------------------------------------------------

    /**
     * Lowest speed of air-handler fans on VFDs, fraction of full speed [E] (typical 20-30 %
     * minimum-speed settings; no vendor figure at hand). Installed air handlers run continuously:
     * fan power = fanPowerKw × max(u, this)³ even when the hall's air heat is small.
     */
    public static final double AIR_HANDLER_FAN_MIN_SPEED_FRACTION = 0.20;

    // ---- transient (N-1) -----------------------------------------------------------------------

    /** Coolant held in one rack's manifolds, hoses and cold plates, litres [E]. */
    public static final double RACK_COOLANT_VOLUME_L = 20.0;
    /**
     * Heat capacity of a rack's cold plates and manifolds, kJ/K [E]: ~150 kg of copper and
     * stainless in contact with the coolant × ~0.4 kJ/kg·K (copper c_p 0.385 kJ/kg·K, CRC).
     */
    public static final double RACK_METAL_HEAT_CAPACITY_KJ_PER_K = 60.0;
    /** Coolant inside a CDU (exchanger, tank, pumps) per kW of its capacity, litres [E]. */
    public static final double CDU_COOLANT_LITRES_PER_KW = 0.1;
    /** Facility-water volume per kW of heat-rejection load (pipes, coils, buffer), litres [E]. */
    public static final double FACILITY_WATER_LITRES_PER_KW = 1.0;

    // ---- synthetic climate ---------------------------------------------------------------------

    /** Half the annual swing of daily mean dry bulb, K [E]. */
    public static final double CLIMATE_ANNUAL_AMPLITUDE_K = 10.0;
    /** Half the diurnal swing of dry bulb, K [E]. */
    public static final double CLIMATE_DIURNAL_AMPLITUDE_K = 5.0;
    /** Day of year (0-based) of the warmest day, mid-July, northern hemisphere [E]. */
    public static final int CLIMATE_WARMEST_DAY = 196;
    /** Hour of the day's maximum, local solar time [E]. */
    public static final int CLIMATE_WARMEST_HOUR = 15;
}
