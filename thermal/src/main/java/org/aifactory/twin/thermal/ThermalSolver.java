package org.aifactory.twin.thermal;

import static org.aifactory.twin.thermal.ThermalAssumptions.AIR_HANDLER_FAN_MIN_SPEED_FRACTION;
import static org.aifactory.twin.thermal.ThermalAssumptions.APPROACH_EXPONENT;
import static org.aifactory.twin.thermal.ThermalAssumptions.CDU_COOLANT_LITRES_PER_KW;
import static org.aifactory.twin.thermal.ThermalAssumptions.CDU_DEFAULT_PUMPS;
import static org.aifactory.twin.thermal.ThermalAssumptions.CDU_DEFAULT_STANDBY_PUMPS;
import static org.aifactory.twin.thermal.ThermalAssumptions.FACILITY_PUMP_EFFICIENCY;
import static org.aifactory.twin.thermal.ThermalAssumptions.FACILITY_PUMP_HEAD_KPA;
import static org.aifactory.twin.thermal.ThermalAssumptions.FACILITY_WATER_LITRES_PER_KW;
import static org.aifactory.twin.thermal.ThermalAssumptions.FLOW_SHORTFALL_TOLERANCE;
import static org.aifactory.twin.thermal.ThermalAssumptions.HEADER_VELOCITY_M_PER_S;
import static org.aifactory.twin.thermal.ThermalAssumptions.MIN_GPU_POWER_FRACTION;
import static org.aifactory.twin.thermal.ThermalAssumptions.OCP_FLOW_LPM_PER_KW;
import static org.aifactory.twin.thermal.ThermalAssumptions.OCP_RACK_MAX_PRESSURE_DROP_KPA;
import static org.aifactory.twin.thermal.ThermalAssumptions.PUMP_SHUTOFF_HEAD_RATIO;
import static org.aifactory.twin.thermal.ThermalAssumptions.RACK_COOLANT_VOLUME_L;
import static org.aifactory.twin.thermal.ThermalAssumptions.RACK_DESIGN_PRESSURE_DROP_KPA;
import static org.aifactory.twin.thermal.ThermalAssumptions.RACK_METAL_HEAT_CAPACITY_KJ_PER_K;
import static org.aifactory.twin.thermal.ThermalAssumptions.TEMPERATURE_TOLERANCE_K;
import static org.aifactory.twin.thermal.ThermalAssumptions.TOWER_PUMP_HEAD_KPA;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FacilityWaterLoop;
import org.aifactory.twin.model.Fluid;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.HourlyClimateFact;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.AirHandlerType;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.CduType;
import org.aifactory.twin.model.catalog.HeatRejectionKind;
import org.aifactory.twin.model.catalog.HeatRejectionType;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.layout.SiteFrame;
import org.aifactory.twin.thermal.ThermalReport.CduThermal;
import org.aifactory.twin.thermal.ThermalReport.CoolingPowerBreakdown;
import org.aifactory.twin.thermal.ThermalReport.FacilityLoopThermal;
import org.aifactory.twin.thermal.ThermalReport.FailureCase;
import org.aifactory.twin.thermal.ThermalReport.HallAir;
import org.aifactory.twin.thermal.ThermalReport.HeatRejectionThermal;
import org.aifactory.twin.thermal.ThermalReport.RackThermal;
import org.aifactory.twin.thermal.hydraulics.HydraulicSolverException;
import org.aifactory.twin.thermal.hydraulics.PumpLaw;

/**
 * The thermal solve of a whole facility at the site's design ambient, then over a synthetic year,
 * then N-1. The equations and their sources are in docs/thermal.md; numbers from outside the model
 * are in {@link ThermalAssumptions}. Stateless: one instance may solve several facilities at once.
 *
 * <p>Order of the solve: rack heat split (liquid/air) → CDU loads → facility loops and heat
 * rejection (the supply temperature they achieve) → CDU approach and secondary supply → each
 * secondary loop's hydraulics (Newton) and rack temperatures → air per hall → cooling power and
 * PUE → hourly year → N-1.
 */
public final class ThermalSolver {
    /** Rack ids listed per finding or failure case; the count is always complete. */
    public static final int MAX_IDS_LISTED = 20;

    private static final double LPM_PER_M3S = 60_000;
    /** Days of the calendar months of the 365-day year the hourly climate covers (hour 0 = 1 January 00:00). */
    static final int[] DAYS_PER_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * The report and the findings of one solve.
     *
     * @param gpuPowerFractionByRack racks whose coolant at design ends above their supply or return
     *     limit, to the fraction of their GPU power they can sustain (docs/thermal.md §2a); empty
     *     when every rack is within its limits
     */
    public record Result(ThermalReport report, List<Finding> findings, Map<String, Double> gpuPowerFractionByRack) {
        public Result {
            findings = List.copyOf(findings);
            gpuPowerFractionByRack = Map.copyOf(gpuPowerFractionByRack);
        }
    }

    /**
     * The fraction of its power a liquid-cooled rack can sustain when its coolant ends above a limit
     * (docs/thermal.md §2a): {@code min(1, f_supply, f_return)}, floored at
     * {@value ThermalAssumptions#MIN_GPU_POWER_FRACTION}, where
     * <ul>
     *   <li>{@code f_supply = 1 − (T_s − T_s,max)/(T_r,max − T_s,max)} when the supply is above its
     *       limit: the cold plate's rise from coolant to chip scales with the heat [E], and the
     *       limits are consistent at full heat, so each K of supply above its limit costs the share
     *       1/(T_r,max − T_s,max) of the heat;</li>
     *   <li>{@code f_return = ṁ·c_p·(T_r,max − T_s)/Q_liquid}: the heat the coolant it actually
     *       gets can carry before its return reaches the limit (c_p at (T_s + T_r,max)/2).</li>
     * </ul>
     *
     * @return the fraction in (0, 1]; 1 when the rack is within both limits
     */
    public static double sustainableFraction(
            double supplyC,
            double flowKgPerS,
            double cpJPerKgK,
            double liquidHeatKw,
            double supplyLimitC,
            double returnLimitC) {
        double fSupply = supplyC > supplyLimitC ? 1 - (supplyC - supplyLimitC) / (returnLimitC - supplyLimitC) : 1;
        double fReturn =
                liquidHeatKw > 0 ? flowKgPerS * cpJPerKgK * (returnLimitC - supplyC) / (liquidHeatKw * 1000) : 1;
        return Math.max(MIN_GPU_POWER_FRACTION, Math.min(1, Math.min(fSupply, fReturn)));
    }

    /**
     * The coolant flow a rack needs, m³/s: Q = ṁ·c_p·ΔT with ṁ = ρ·V̇, c_p at the mean coolant
     * temperature (supply + ΔT/2, exact for c_p linear in T) and ρ at the supply, where the flow is
     * measured.
     */
    public static double requiredFlowM3s(
            CoolantProperties coolant, double liquidHeatKw, double supplyC, double deltaTK) {
        return liquidHeatKw
                * 1000
                / (coolant.densityKgPerM3(supplyC) * coolant.specificHeatJPerKgK(supplyC + deltaTK / 2) * deltaTK);
    }

    /**
     * Choices of one solve that are not part of the facility.
     *
     * @param ambient the hourly year for {@code pueAnnual}; null: the site's {@link SyntheticClimate}
     */
    public record Options(HourlyClimateFact ambient) {
        public static final Options DEFAULT = new Options(null);
    }

    public Result solve(Facility facility, CatalogIndex catalog) {
        return solve(facility, catalog, Options.DEFAULT);
    }

    public Result solve(Facility facility, CatalogIndex catalog, Options options) {
        return new Solve(facility, catalog, options).run();
    }

    /** Per rack working state. */
    private static final class RackState {
        final Rack rack;
        final RackType type;
        final double heatKw;
        final double liquidKw;
        final double airKw;
        final double xM;
        final double yM;
        Double flowLpm;
        Double requiredLpm;
        Double supplyC;
        Double returnC;
        Double dropKpa;
        Double returnLimitC;
        Double gpuPowerFraction;

        RackState(Rack rack, RackType type, double heatKw, double liquidKw, double xM, double yM) {
            this.rack = rack;
            this.type = type;
            this.heatKw = heatKw;
            this.liquidKw = liquidKw;
            this.airKw = heatKw - liquidKw;
            this.xM = xM;
            this.yM = yM;
        }

        Double limitC() {
            return type == null ? null : type.maxCoolantSupplyC();
        }

        /**
         * Its return limit: the catalog's maxCoolantReturnC, else its supply limit + the loop's design
         * rise [E] (the supply limit is taken to hold at full heat with the design flow).
         */
        double returnLimitFor(double designDeltaTK) {
            return type.maxCoolantReturnC() != null
                    ? type.maxCoolantReturnC()
                    : type.maxCoolantSupplyC() + designDeltaTK;
        }
    }

    /** Per CDU working state, summed over its loops. */
    private static final class CduState {
        final Cdu cdu;
        final CduType type;
        final List<CoolingLoop> loops = new ArrayList<>();
        final List<RackState> racks = new ArrayList<>();
        double loadKw;
        double approachK;
        double facilitySupplyC;
        double supplyC = Double.NaN;
        double heatCapacityFlowKwPerK;
        double flowM3s;
        double headPa;
        double speed;
        double powerKw;
        int iterations;
        double imbalance;
        double loopHeatCapacityKjPerK;
        double pipeVolumeM3;
        PumpLaw pump;
        final List<LoopInput> solvedLoops = new ArrayList<>();

        CduState(Cdu cdu, CduType type) {
            this.cdu = cdu;
            this.type = type;
        }
    }

    /** What one secondary loop was solved with, kept to re-solve it for pump N-1. */
    private record LoopInput(
            CoolingLoop loop,
            double supplyC,
            double[] cduXy,
            double headerDiameterM,
            List<SecondaryLoopSolver.RackOnLoop> racks,
            List<RackState> states,
            double densityKgPerM3,
            double viscosityPaS) {}

    private static final class Solve {
        private final Facility f;
        private final CatalogIndex cat;
        private final List<Finding> findings = new ArrayList<>();
        private final SecondaryLoopSolver loopSolver = new SecondaryLoopSolver();
        private final SiteFrame frame;
        private final Map<String, CoolingLoop> loops = new HashMap<>();
        private final Map<String, CduState> cdus = new LinkedHashMap<>();
        private final Map<String, List<RackState>> racksByLoop = new HashMap<>();
        private final List<RackState> racks = new ArrayList<>();
        private final Map<String, Double> facilitySupply = new HashMap<>();

        private final HourlyClimateFact ambient;

        Solve(Facility f, CatalogIndex cat, Options options) {
            this.f = f;
            this.cat = cat;
            this.frame = new SiteFrame(f.halls());
            this.ambient = options.ambient() != null
                    ? options.ambient()
                    : SyntheticClimate.forSite(f.site()).asFact();
        }

        Result run() {
            f.cooling().loops().forEach(l -> loops.put(l.id(), l));
            for (Cdu c : f.cooling().cdus()) {
                cdus.put(c.id(), new CduState(c, cat.cdu(c.type()).orElse(null)));
            }
            splitRackHeat();
            for (CoolingLoop l : f.cooling().loops()) {
                CduState c = cdus.get(l.cduId());
                if (c != null) {
                    c.loops.add(l);
                    for (RackState r : racksByLoop.getOrDefault(l.id(), List.of())) {
                        c.racks.add(r);
                        c.loadKw += r.liquidKw;
                    }
                }
            }
            double designDb = f.site().designDryBulbC();
            double designWb = f.site().designWetBulbC();
            List<FacilityLoopThermal> flReports = new ArrayList<>();
            List<HeatRejectionThermal> hrReports = new ArrayList<>();
            Map<String, List<HeatRejectionModel.UnitGroup>> groupsByLoop = groupHeatRejection();
            Map<String, Double> loadByFacilityLoop = new HashMap<>();
            for (CduState c : cdus.values()) {
                if (c.cdu.facilityLoopId() != null) {
                    loadByFacilityLoop.merge(c.cdu.facilityLoopId(), c.loadKw, Double::sum);
                }
            }
            double facilityPumpsKw = 0;
            double hrFansKw = 0;
            double compressorsKw = 0;
            double rejectedLiquidKw = 0;
            for (FacilityWaterLoop fl : f.cooling().facilityLoops()) {
                double load = loadByFacilityLoop.getOrDefault(fl.id(), 0.0);
                List<HeatRejectionModel.UnitGroup> groups = groupsByLoop.getOrDefault(fl.id(), List.of());
                HeatRejectionModel.Outcome o =
                        HeatRejectionModel.evaluate(load, fl.supplyTemperatureC(), designDb, designWb, groups);
                facilitySupply.put(fl.id(), o.supplyC());
                CoolantProperties w = CoolantProperties.of(fl.fluid());
                double flowM3s = load
                        * 1000
                        / (w.densityKgPerM3(o.supplyC())
                                * w.specificHeatJPerKgK(o.supplyC() + fl.designDeltaTK() / 2)
                                * fl.designDeltaTK());
                double pumpKw = flowM3s * FACILITY_PUMP_HEAD_KPA / FACILITY_PUMP_EFFICIENCY;
                // cooling towers add their own condenser/spray pump on the share of the flow they take
                for (int i = 0; i < groups.size(); i++) {
                    if (groups.get(i).type().kind() == HeatRejectionKind.COOLING_TOWER && load > 0) {
                        pumpKw += flowM3s * o.groupLoadKw()[i] / load * TOWER_PUMP_HEAD_KPA / FACILITY_PUMP_EFFICIENCY;
                    }
                }
                facilityPumpsKw += pumpKw;
                hrFansKw += o.fanKw();
                compressorsKw += o.compressorKw();
                for (double v : o.groupLoadKw()) {
                    rejectedLiquidKw += v;
                }
                flReports.add(new FacilityLoopThermal(
                        fl.id(),
                        load,
                        fl.supplyTemperatureC(),
                        o.supplyC(),
                        o.supplyC() + (load > 0 ? fl.designDeltaTK() : 0),
                        flowM3s * LPM_PER_M3S,
                        o.availableAtSetpointKw(),
                        pumpKw));
                if (o.availableAtSetpointKw() < load * (1 - 1e-9)) {
                    boolean unmet = o.unmetKw() > 0;
                    findings.add(new Finding(
                            unmet ? Severity.ERROR : Severity.WARNING,
                            "THERMAL_HEAT_REJECTION_OVER_CAPACITY",
                            fl.id(),
                            String.format(
                                    Locale.ROOT,
                                    "facility loop '%s': its heat rejection can take %.0f kW while holding %.1f °C supply at the design "
                                            + "ambient (%.1f °C dry bulb, %.1f °C wet bulb), the load is %.0f kW; %s. "
                                            + "Add units, raise the setpoint or add chillers.",
                                    fl.id(),
                                    o.availableAtSetpointKw(),
                                    fl.supplyTemperatureC(),
                                    designDb,
                                    designWb,
                                    load,
                                    unmet
                                            ? String.format(
                                                    Locale.ROOT, "%.0f kW cannot be rejected at all", o.unmetKw())
                                            : String.format(
                                                    Locale.ROOT,
                                                    "the supply settles at %.1f °C instead",
                                                    o.supplyC()))));
                }
                addUnitReports(fl, groups, o, hrReports);
            }
            double cduPumpsKw = solveLoops();
            List<HallAir> hallReports = new ArrayList<>();
            double ahuFansKw = air(hallReports);
            double airHeat = 0;
            double liquidHeat = 0;
            double itHeat = 0;
            for (RackState r : racks) {
                itHeat += r.heatKw;
                liquidHeat += r.liquidKw;
                airHeat += r.airKw;
            }
            CoolingPowerBreakdown power =
                    new CoolingPowerBreakdown(cduPumpsKw, facilityPumpsKw, hrFansKw, compressorsKw, ahuFansKw);
            double coolingKw = power.totalKw();
            double pueDesign = itHeat > 0 ? (itHeat + coolingKw) / itHeat : 1;
            double[] monthlyCoolingKwh = new double[DAYS_PER_MONTH.length];
            double[] annual = annual(
                    groupsByLoop, loadByFacilityLoop, cduPumpsKw + facilityPumpsKw + ahuFansKw, monthlyCoolingKwh);
            double pueAnnual = itHeat > 0 ? (itHeat + annual[0]) / itHeat : 1;
            List<ThermalReport.MonthlyPue> pueMonthly = monthly(itHeat, monthlyCoolingKwh);
            List<FailureCase> n1 = new ArrayList<>();
            cduFailures(n1);
            pumpFailures(n1);
            heatRejectionFailures(groupsByLoop, loadByFacilityLoop, n1);
            Map<String, Double> limits = new LinkedHashMap<>();
            for (RackState r : racks) {
                if (r.gpuPowerFraction != null) {
                    limits.put(r.rack.id(), r.gpuPowerFraction);
                }
            }
            ThermalReport report = new ThermalReport(
                    designDb,
                    designWb,
                    itHeat,
                    liquidHeat,
                    airHeat,
                    rejectedLiquidKw + airHeat,
                    coolingKw,
                    power,
                    pueDesign,
                    pueAnnual,
                    annual[0],
                    (int) annual[1],
                    ambient.source(),
                    cduReports(),
                    rackReports(),
                    hallReports,
                    flReports,
                    hrReports,
                    n1,
                    limits.size(),
                    pueMonthly);
            return new Result(report, findings, limits);
        }

        // ---- racks ---------------------------------------------------------------------------

        private void splitRackHeat() {
            for (Rack r : f.racks()) {
                RackType t = cat.rack(r.type()).orElse(null);
                double heat = r.powerKw() != null ? r.powerKw() : t == null ? 0 : t.typicalPowerKw();
                double fraction = t == null ? 0 : Math.max(0, Math.min(1, t.liquidFraction()));
                CoolingLoop loop = r.coolingLoopId() == null ? null : loops.get(r.coolingLoopId());
                if (loop == null && fraction > 0) {
                    findings.add(new Finding(
                            Severity.ERROR,
                            "THERMAL_RACK_NOT_LIQUID_COOLED",
                            r.id(),
                            String.format(
                                    Locale.ROOT,
                                    "rack '%s' (%s) sends %.0f %% of its heat to liquid but names no cooling loop; counted as air heat. "
                                            + "Set its coolingLoopId.",
                                    r.id(),
                                    r.type(),
                                    fraction * 100)));
                    fraction = 0;
                }
                double[] xy = siteXy(r.placement());
                RackState s = new RackState(r, t, heat, heat * fraction, xy[0], xy[1]);
                racks.add(s);
                if (loop != null && s.liquidKw > 0) {
                    racksByLoop
                            .computeIfAbsent(loop.id(), k -> new ArrayList<>())
                            .add(s);
                }
            }
        }

        private double[] siteXy(Placement p) {
            if (p == null) {
                return new double[] {0, 0};
            }
            return new double[] {frame.xM(p), frame.yM(p)};
        }

        // ---- secondary loops -----------------------------------------------------------------

        /** Solves every loop; returns the CDU pump power, kW. */
        private double solveLoops() {
            double total = 0;
            Map<String, RackState> byId = new HashMap<>();
            racks.forEach(r -> byId.put(r.rack.id(), r));
            for (CduState c : cdus.values()) {
                if (c.type == null) {
                    continue;
                }
                double utilisation = c.type.capacityKw() > 0 ? c.loadKw / c.type.capacityKw() : 0;
                c.approachK = c.type.approachK() * Math.pow(utilisation, APPROACH_EXPONENT);
                Double fs = c.cdu.facilityLoopId() == null ? null : facilitySupply.get(c.cdu.facilityLoopId());
                double[] xy;
                if (c.cdu.placement() != null) {
                    xy = siteXy(c.cdu.placement());
                } else {
                    RackState host = byId.get(c.cdu.hostRackId());
                    xy = host == null ? new double[] {0, 0} : new double[] {host.xM, host.yM};
                }
                double ratedFlow = c.type.maxFlowLpm() / LPM_PER_M3S;
                double ratedHead = c.type.pumpHeadKpa() * 1000;
                PumpLaw pump = PumpLaw.fromRating(ratedFlow, ratedHead, PUMP_SHUTOFF_HEAD_RATIO, 1);
                c.pump = pump;
                double headerD = Math.sqrt(4 * ratedFlow / (Math.PI * HEADER_VELOCITY_M_PER_S));
                for (CoolingLoop l : c.loops) {
                    double facilityC = fs == null ? l.supplyTemperatureC() - c.approachK : fs;
                    c.facilitySupplyC = facilityC;
                    double supply = Math.max(l.supplyTemperatureC(), facilityC + c.approachK);
                    c.supplyC = Double.isNaN(c.supplyC) ? supply : Math.max(c.supplyC, supply);
                    solveLoop(c, l, supply, xy, pump, headerD);
                }
                c.powerKw = c.type.parasiticPowerKw() * (c.flowM3s * c.headPa) / (ratedFlow * ratedHead);
                total += c.powerKw;
                if (c.flowM3s > ratedFlow * (1 + FLOW_SHORTFALL_TOLERANCE)) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "THERMAL_LOOP_OVER_CAPACITY",
                            c.cdu.id(),
                            String.format(
                                    Locale.ROOT,
                                    "CDU '%s' (%s) moves %.0f L/min on its secondary loops, above its rated %.0f L/min at %.0f kPa (%.0f %%): its "
                                            + "pumps run beyond their rated point. Fewer racks on it, or a CDU rated for more flow.",
                                    c.cdu.id(),
                                    c.type.id(),
                                    c.flowM3s * LPM_PER_M3S,
                                    c.type.maxFlowLpm(),
                                    c.type.pumpHeadKpa(),
                                    100 * c.flowM3s / ratedFlow)));
                }
                if (c.loadKw > c.type.capacityKw() * (1 + 1e-9)) {
                    findings.add(new Finding(
                            Severity.ERROR,
                            "THERMAL_CDU_OVER_CAPACITY",
                            c.cdu.id(),
                            String.format(
                                    Locale.ROOT,
                                    "CDU '%s' (%s) carries %.0f kW, over its capacity of %.0f kW (%.0f %%). Move racks to another CDU or use a larger one.",
                                    c.cdu.id(),
                                    c.type.id(),
                                    c.loadKw,
                                    c.type.capacityKw(),
                                    100 * utilisation)));
                }
            }
            return total;
        }

        private void solveLoop(
                CduState c, CoolingLoop l, double supplyC, double[] cduXy, PumpLaw pump, double headerD) {
            List<RackState> rs = racksByLoop.getOrDefault(l.id(), List.of());
            if (rs.isEmpty()) {
                return;
            }
            CoolantProperties p = CoolantProperties.of(l.fluid());
            double dT = l.designDeltaTK();
            double rho = p.densityKgPerM3(supplyC);
            double cpMean = p.specificHeatJPerKgK(supplyC + dT / 2);
            List<SecondaryLoopSolver.RackOnLoop> on = new ArrayList<>(rs.size());
            for (RackState r : rs) {
                double required = requiredFlowM3s(p, r.liquidKw, supplyC, dT);
                double designKw = r.type == null
                        ? r.liquidKw
                        : Math.max(r.liquidKw, r.type.maxPowerKw() * r.type.liquidFraction());
                double design = OCP_FLOW_LPM_PER_KW * designKw / LPM_PER_M3S;
                // the catalog's cold-plate point if it has one, else the default: 100 kPa [E] at the design flow
                boolean catalogCurve =
                        r.type != null && r.type.coldPlateDropKpa() != null && r.type.coldPlateFlowLpm() != null;
                double plateFlow = catalogCurve ? r.type.coldPlateFlowLpm() / LPM_PER_M3S : design;
                double plateDropPa = (catalogCurve ? r.type.coldPlateDropKpa() : RACK_DESIGN_PRESSURE_DROP_KPA) * 1000;
                on.add(new SecondaryLoopSolver.RackOnLoop(
                        r.rack.id(), r.xM, r.yM, required, design, plateFlow, plateDropPa));
                r.requiredLpm = required * LPM_PER_M3S;
            }
            SecondaryLoopSolver.Outcome o;
            try {
                o = loopSolver.solve(cduXy[0], cduXy[1], pump, headerD, on, rho, p.viscosityPaS(supplyC + dT / 2));
                c.solvedLoops.add(
                        new LoopInput(l, supplyC, cduXy, headerD, on, rs, rho, p.viscosityPaS(supplyC + dT / 2)));
            } catch (HydraulicSolverException e) {
                findings.add(new Finding(
                        Severity.ERROR,
                        "THERMAL_LOOP_NOT_SOLVED",
                        l.id(),
                        "loop '" + l.id() + "': the hydraulic solve failed: " + e.getMessage()));
                return;
            }
            c.flowM3s += o.pumpFlowM3s();
            c.headPa = Math.max(c.headPa, o.pumpHeadPa());
            c.speed = Math.max(c.speed, o.speedFraction());
            c.iterations += o.newtonIterations();
            c.imbalance = Math.max(c.imbalance, o.maxNodeImbalanceRelative());
            c.pipeVolumeM3 += o.pipeVolumeM3();
            double cpSupply = p.specificHeatJPerKgK(supplyC);
            double rackCapacity = 0;
            List<String> overLimit = new ArrayList<>();
            List<String> returnOver = new ArrayList<>();
            List<String> throttled = new ArrayList<>();
            double lowestLimit = Double.POSITIVE_INFINITY;
            double hottestReturn = Double.NEGATIVE_INFINITY;
            double lowestReturnLimit = Double.POSITIVE_INFINITY;
            double lowestFraction = 1;
            for (int i = 0; i < rs.size(); i++) {
                RackState r = rs.get(i);
                double q = o.rackFlowM3s()[i];
                double mdot = Math.max(q, 1e-12) * rho;
                double cp = cpMean;
                double ret = supplyC;
                for (int k = 0; k < 3; k++) {
                    ret = supplyC + r.liquidKw * 1000 / (mdot * cp);
                    cp = p.specificHeatJPerKgK((supplyC + ret) / 2);
                }
                r.flowLpm = q * LPM_PER_M3S;
                r.supplyC = supplyC;
                r.returnC = ret;
                r.dropKpa = o.rackDropPa()[i] / 1000;
                c.heatCapacityFlowKwPerK += mdot * cp / 1000;
                rackCapacity +=
                        RACK_COOLANT_VOLUME_L / 1000 * rho * cpSupply / 1000 + RACK_METAL_HEAT_CAPACITY_KJ_PER_K;
                if (q < r.requiredLpm / LPM_PER_M3S * (1 - FLOW_SHORTFALL_TOLERANCE)) {
                    findings.add(new Finding(
                            Severity.ERROR,
                            "THERMAL_RACK_STARVED",
                            r.rack.id(),
                            String.format(
                                    Locale.ROOT,
                                    "rack '%s' gets %.1f L/min, it needs %.1f L/min for %.0f kW at %.1f K rise, with the pump of CDU '%s' at "
                                            + "%.0f %% speed. Fewer racks on loop '%s', or a CDU with more head.",
                                    r.rack.id(),
                                    r.flowLpm,
                                    r.requiredLpm,
                                    r.liquidKw,
                                    dT,
                                    c.cdu.id(),
                                    100 * o.speedFraction(),
                                    l.id())));
                }
                if (r.dropKpa > OCP_RACK_MAX_PRESSURE_DROP_KPA) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "THERMAL_RACK_PRESSURE_OVER_LIMIT",
                            r.rack.id(),
                            String.format(
                                    Locale.ROOT,
                                    "rack '%s' sees %.0f kPa across its branch, above the OCP RPU bound of %.0f kPa.",
                                    r.rack.id(),
                                    r.dropKpa,
                                    OCP_RACK_MAX_PRESSURE_DROP_KPA)));
                }
                Double limit = r.limitC();
                if (limit != null) {
                    lowestLimit = Math.min(lowestLimit, limit);
                    boolean supplyOver = supplyC > limit + TEMPERATURE_TOLERANCE_K;
                    if (supplyOver) {
                        overLimit.add(r.rack.id());
                    }
                    double returnLimit = r.returnLimitFor(dT);
                    r.returnLimitC = returnLimit;
                    boolean retOver = ret > returnLimit + TEMPERATURE_TOLERANCE_K;
                    if (retOver) {
                        returnOver.add(r.rack.id());
                        hottestReturn = Math.max(hottestReturn, ret);
                        lowestReturnLimit = Math.min(lowestReturnLimit, returnLimit);
                    }
                    if (supplyOver || retOver) {
                        r.gpuPowerFraction = sustainableFraction(
                                supplyC,
                                mdot,
                                p.specificHeatJPerKgK((supplyC + returnLimit) / 2),
                                r.liquidKw,
                                limit,
                                returnLimit);
                        throttled.add(r.rack.id());
                        lowestFraction = Math.min(lowestFraction, r.gpuPowerFraction);
                    }
                }
            }
            if (!returnOver.isEmpty()) {
                findings.add(new Finding(
                        Severity.ERROR,
                        "THERMAL_RETURN_OVER_LIMIT",
                        l.id(),
                        String.format(
                                Locale.ROOT,
                                "loop '%s' (CDU '%s'): %d racks return coolant above their return limit (hottest %.1f °C, lowest limit %.1f °C): "
                                        + "%s. More flow (a CDU with more head, fewer racks on the loop) or a cooler supply.",
                                l.id(),
                                c.cdu.id(),
                                returnOver.size(),
                                hottestReturn,
                                lowestReturnLimit,
                                listed(returnOver))));
            }
            if (!throttled.isEmpty()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "THERMAL_RACK_THROTTLED",
                        l.id(),
                        String.format(
                                Locale.ROOT,
                                "loop '%s': %d racks cannot take their full power within their coolant limits and must throttle, the worst to "
                                        + "%.0f %% of its GPU power%s: %s (published to the serving analysis).",
                                l.id(),
                                throttled.size(),
                                100 * lowestFraction,
                                lowestFraction <= MIN_GPU_POWER_FRACTION ? " (it cannot run)" : "",
                                listed(throttled))));
            }
            c.loopHeatCapacityKjPerK += rackCapacity
                    + (o.pipeVolumeM3()
                                    + CDU_COOLANT_LITRES_PER_KW
                                            * c.type.capacityKw()
                                            / 1000.0
                                            / Math.max(1, c.loops.size()))
                            * rho
                            * cpSupply
                            / 1000;
            if (!overLimit.isEmpty()) {
                findings.add(new Finding(
                        Severity.ERROR,
                        "THERMAL_SUPPLY_OVER_LIMIT",
                        l.id(),
                        String.format(
                                Locale.ROOT,
                                "loop '%s' supplies %.1f °C (CDU '%s': facility water %.1f °C + approach %.1f K), above the coolant limit "
                                        + "(lowest %.1f °C) of %d of its racks: %s. Lower the facility-water temperature or the loop setpoint.",
                                l.id(),
                                supplyC,
                                c.cdu.id(),
                                c.facilitySupplyC,
                                c.approachK,
                                lowestLimit,
                                overLimit.size(),
                                listed(overLimit))));
            }
            if (l.ashraeClass() != null && supplyC > l.ashraeClass().maxSupplyC() + TEMPERATURE_TOLERANCE_K) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "THERMAL_SUPPLY_OVER_ASHRAE_CLASS",
                        l.id(),
                        String.format(
                                Locale.ROOT,
                                "loop '%s' supplies %.1f °C, above the %.0f °C of its ASHRAE class %s.",
                                l.id(),
                                supplyC,
                                l.ashraeClass().maxSupplyC(),
                                l.ashraeClass().name())));
            }
        }

        // ---- heat rejection ------------------------------------------------------------------

        private Map<String, List<HeatRejectionModel.UnitGroup>> groupHeatRejection() {
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            for (HeatRejectionUnit u : f.cooling().heatRejection()) {
                if (cat.heatRejection(u.type()).isPresent()) {
                    counts.computeIfAbsent(u.facilityLoopId(), k -> new LinkedHashMap<>())
                            .merge(u.type(), 1, Integer::sum);
                }
            }
            Map<String, List<HeatRejectionModel.UnitGroup>> out = new HashMap<>();
            counts.forEach((loop, byType) -> {
                List<HeatRejectionModel.UnitGroup> g = new ArrayList<>();
                byType.forEach((type, n) -> g.add(
                        new HeatRejectionModel.UnitGroup(cat.heatRejection(type).orElseThrow(), n)));
                out.put(loop, List.copyOf(g));
            });
            return out;
        }

        private void addUnitReports(
                FacilityWaterLoop fl,
                List<HeatRejectionModel.UnitGroup> groups,
                HeatRejectionModel.Outcome o,
                List<HeatRejectionThermal> out) {
            int[] seen = new int[groups.size()];
            for (HeatRejectionUnit u : f.cooling().heatRejection()) {
                if (!fl.id().equals(u.facilityLoopId())) {
                    continue;
                }
                for (int i = 0; i < groups.size(); i++) {
                    HeatRejectionModel.UnitGroup g = groups.get(i);
                    if (g.type().id().equals(u.type())) {
                        HeatRejectionType t = g.type();
                        boolean chiller = !HeatRejectionModel.economiser(t);
                        // staging: the first units of the group (in file order) run, sharing its load
                        int k = o.groupRunning()[i];
                        boolean on = seen[i]++ < k;
                        double share = on ? 1.0 / k : 0;
                        out.add(new HeatRejectionThermal(
                                u.id(),
                                t.id(),
                                t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                fl.id(),
                                o.groupLoadKw()[i] * share,
                                o.groupAvailableAtSetpointKw()[i] / g.count(),
                                o.supplyC(),
                                o.groupFanKw()[i] * share,
                                o.groupCompressorKw()[i] * share,
                                chiller ? o.groupCop()[i] : null,
                                on));
                    }
                }
            }
        }

        // ---- air -----------------------------------------------------------------------------

        private double air(List<HallAir> out) {
            Map<String, Double> heat = new LinkedHashMap<>();
            f.halls().forEach(h -> heat.put(h.id(), 0.0));
            for (RackState r : racks) {
                String hall = r.rack.placement().hallId();
                if (hall != null) {
                    heat.merge(hall, r.airKw, Double::sum);
                }
            }
            Map<String, double[]> ahu = new HashMap<>();
            f.cooling().airHandlers().forEach(a -> {
                AirHandlerType t = cat.airHandler(a.type()).orElse(null);
                if (t != null && a.placement().hallId() != null) {
                    double[] v = ahu.computeIfAbsent(a.placement().hallId(), k -> new double[2]);
                    v[0] += t.capacityKw();
                    v[1] += t.fanPowerKw();
                }
            });
            double fans = 0;
            for (Map.Entry<String, Double> e : heat.entrySet()) {
                double[] v = ahu.getOrDefault(e.getKey(), new double[2]);
                double load = e.getValue();
                double u = v[0] > 0 ? load / v[0] : load > 0 ? Double.POSITIVE_INFINITY : 0;
                // installed air handlers run continuously, never below their VFD minimum speed
                double fan = v[1] * Math.pow(Math.max(AIR_HANDLER_FAN_MIN_SPEED_FRACTION, Math.min(1, u)), 3);
                fans += fan;
                out.add(new HallAir(e.getKey(), load, v[0], v[0] > 0 ? u : 0, fan));
                if (load > v[0] * (1 + 1e-9)) {
                    findings.add(new Finding(
                            Severity.ERROR,
                            "THERMAL_AIR_OVER_CAPACITY",
                            e.getKey(),
                            String.format(
                                    Locale.ROOT,
                                    "hall '%s': the racks leave %.0f kW in the air, its air handlers remove %.0f kW. Add air handlers.",
                                    e.getKey(),
                                    load,
                                    v[0])));
                }
            }
            return fans;
        }

        // ---- year ----------------------------------------------------------------------------

        /**
         * {mean cooling power kW, hours any facility loop is above its setpoint}; adds each hour's
         * cooling energy (kWh) to its calendar month in {@code monthlyKwh}.
         */
        private double[] annual(
                Map<String, List<HeatRejectionModel.UnitGroup>> groups,
                Map<String, Double> loads,
                double constantKw,
                double[] monthlyKwh) {
            double sum = 0;
            int month = 0;
            int monthEndHour = DAYS_PER_MONTH[0] * 24;
            int hoursAbove = 0;
            double[] dryBulbC = ambient.dryBulbC();
            double[] wetBulbC = ambient.wetBulbC();
            for (int h = 0; h < SyntheticClimate.HOURS_PER_YEAR; h++) {
                double kw = constantKw;
                boolean above = false;
                for (FacilityWaterLoop fl : f.cooling().facilityLoops()) {
                    HeatRejectionModel.Outcome o = HeatRejectionModel.evaluate(
                            loads.getOrDefault(fl.id(), 0.0),
                            fl.supplyTemperatureC(),
                            dryBulbC[h],
                            wetBulbC[h],
                            groups.getOrDefault(fl.id(), List.of()));
                    kw += o.fanKw() + o.compressorKw();
                    above |= o.supplyC() > fl.supplyTemperatureC() + TEMPERATURE_TOLERANCE_K || o.unmetKw() > 0;
                }
                sum += kw;
                hoursAbove += above ? 1 : 0;
                if (h == monthEndHour) {
                    month++;
                    monthEndHour += DAYS_PER_MONTH[month] * 24;
                }
                monthlyKwh[month] += kw; // one hour at kw
            }
            return new double[] {sum / SyntheticClimate.HOURS_PER_YEAR, hoursAbove};
        }

        /** Monthly PUE: (IT × hours + cooling kWh) / (IT × hours), with the month's mean dry bulb. */
        private List<ThermalReport.MonthlyPue> monthly(double itKw, double[] coolingKwh) {
            double[] dryBulbC = ambient.dryBulbC();
            List<ThermalReport.MonthlyPue> out = new ArrayList<>();
            int first = 0;
            for (int m = 0; m < DAYS_PER_MONTH.length; m++) {
                int hours = DAYS_PER_MONTH[m] * 24;
                double db = 0;
                for (int h = first; h < first + hours; h++) {
                    db += dryBulbC[h];
                }
                double itKwh = itKw * hours;
                out.add(new ThermalReport.MonthlyPue(
                        m + 1,
                        hours,
                        itKwh > 0 ? (itKwh + coolingKwh[m]) / itKwh : 1,
                        db / hours,
                        coolingKwh[m] / hours,
                        itKwh / 1000));
                first += hours;
            }
            return out;
        }

        // ---- N-1 -----------------------------------------------------------------------------

        private void cduFailures(List<FailureCase> out) {
            for (CduState c : cdus.values()) {
                if (c.racks.isEmpty() || c.loadKw <= 0) {
                    continue;
                }
                double worst = Double.POSITIVE_INFINITY;
                double worstStagnant = Double.POSITIVE_INFINITY;
                List<String> over = new ArrayList<>();
                for (RackState r : c.racks) {
                    Double limit = r.limitC();
                    if (limit == null || r.supplyC == null) {
                        continue;
                    }
                    over.add(r.rack.id());
                    double margin = Math.max(0, limit - r.supplyC);
                    worst = Math.min(worst, margin * c.loopHeatCapacityKjPerK / c.loadKw);
                    CoolantProperties p = CoolantProperties.of(fluidOf(r));
                    double rackC = RACK_COOLANT_VOLUME_L
                                    / 1000
                                    * p.densityKgPerM3(r.supplyC)
                                    * p.specificHeatJPerKgK(r.supplyC)
                                    / 1000
                            + RACK_METAL_HEAT_CAPACITY_KJ_PER_K;
                    worstStagnant = Math.min(worstStagnant, margin * rackC / r.liquidKw);
                }
                FailureCase fc = new FailureCase(
                        c.cdu.id(),
                        "cdu",
                        c.racks.size(),
                        over.size(),
                        first(over),
                        finite(worst),
                        finite(worstStagnant),
                        null,
                        null);
                out.add(fc);
                if (!over.isEmpty()) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "THERMAL_N1_OVER_LIMIT",
                            c.cdu.id(),
                            String.format(
                                    Locale.ROOT,
                                    "if CDU '%s' fails, its %d racks lose cooling: the first reaches its coolant limit in %.0f s with coolant still "
                                            + "circulating (%.0f s if it stops). No other CDU serves them.",
                                    c.cdu.id(),
                                    over.size(),
                                    worst,
                                    worstStagnant)));
                }
            }
        }

        /**
         * One of a CDU's pumps fails. The catalog rated point is the D = pumps − standbyPumps duty
         * pumps running (default N + 1, N = 2: {@link ThermalAssumptions#CDU_DEFAULT_PUMPS}).
         * With a standby pump it starts and the loop is as before (the restart transient is not
         * modelled). Without one, D − 1 are left: n identical pumps in parallel give n times one
         * pump's flow at the same head, so the set's curve coefficient is a_1/n² and the D − 1 left
         * have a' = a·(D/(D − 1))²; each loop is re-solved with that curve, its speed control free up
         * to full speed. With D = 1 and no standby, circulation stops: each rack heats its own
         * coolant and cold plates. A rack short of flow ends with T∞ = T_s + Q/(ṁ'c_p) above its
         * return limit; lumped rack mass C (coolant + cold plates): T(t) = T∞ + (T0 − T∞)e^(−t/τ),
         * τ = C/(ṁ'c_p), T0 = its return before the failure, t = τ·ln((T∞ − T0)/(T∞ − T_lim)).
         */
        private void pumpFailures(List<FailureCase> out) {
            for (CduState c : cdus.values()) {
                if (c.pump == null || c.solvedLoops.isEmpty()) {
                    continue;
                }
                int installed = c.type.pumps() != null ? c.type.pumps() : CDU_DEFAULT_PUMPS;
                int standby = c.type.pumps() != null
                        ? (c.type.standbyPumps() == null ? 0 : c.type.standbyPumps())
                        : CDU_DEFAULT_STANDBY_PUMPS;
                int duty = installed - standby;
                int affected = 0;
                for (LoopInput in : c.solvedLoops) {
                    affected += in.racks().size();
                }
                if (standby > 0) {
                    // the standby pump takes over: the same curve, nothing changes once it runs
                    out.add(new FailureCase(
                            c.cdu.id() + "/pump", "pump", affected, 0, List.of(), null, null, null, null));
                    continue;
                }
                PumpLaw reduced = duty > 1 ? c.pump.withRunning(duty - 1, duty) : null;
                List<String> over = new ArrayList<>();
                double worst = Double.POSITIVE_INFINITY;
                double lowestRatio = Double.POSITIVE_INFINITY;
                double hottestReturn = Double.NEGATIVE_INFINITY;
                for (LoopInput in : c.solvedLoops) {
                    double[] flows = new double[in.racks().size()];
                    if (reduced != null) {
                        try {
                            flows = loopSolver
                                    .solve(
                                            in.cduXy()[0],
                                            in.cduXy()[1],
                                            reduced,
                                            in.headerDiameterM(),
                                            in.racks(),
                                            in.densityKgPerM3(),
                                            in.viscosityPaS())
                                    .rackFlowM3s();
                        } catch (HydraulicSolverException e) {
                            continue;
                        }
                    }
                    double ts = in.supplyC();
                    CoolantProperties p = CoolantProperties.of(in.loop().fluid());
                    for (int i = 0; i < in.racks().size(); i++) {
                        RackState r = in.states().get(i);
                        double q = flows[i];
                        lowestRatio =
                                Math.min(lowestRatio, q / in.racks().get(i).requiredFlowM3s());
                        double limit = r.returnLimitC != null
                                ? r.returnLimitC
                                : ts + in.loop().designDeltaTK();
                        double cp = p.specificHeatJPerKgK(limit);
                        double rackC = RACK_COOLANT_VOLUME_L / 1000 * in.densityKgPerM3() * cp / 1000
                                + RACK_METAL_HEAT_CAPACITY_KJ_PER_K;
                        double t0 = r.returnC == null ? ts : r.returnC;
                        if (!(q > 0)) {
                            // no circulation: the rack's coolant and metal take all its heat
                            over.add(r.rack.id());
                            hottestReturn = Double.POSITIVE_INFINITY;
                            worst = Math.min(worst, Math.max(0, limit - t0) * rackC / r.liquidKw);
                            continue;
                        }
                        double mcp = q * in.densityKgPerM3() * cp / 1000;
                        double tInf = ts + r.liquidKw / mcp;
                        hottestReturn = Math.max(hottestReturn, tInf);
                        if (tInf <= limit + TEMPERATURE_TOLERANCE_K) {
                            continue;
                        }
                        over.add(r.rack.id());
                        double t = t0 >= limit ? 0 : rackC / mcp * Math.log((tInf - t0) / (tInf - limit));
                        worst = Math.min(worst, t);
                    }
                }
                out.add(new FailureCase(
                        c.cdu.id() + "/pump",
                        "pump",
                        affected,
                        over.size(),
                        first(over),
                        finite(worst),
                        null,
                        null,
                        over.isEmpty() ? null : finite(hottestReturn)));
                if (!over.isEmpty()) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "THERMAL_N1_OVER_LIMIT",
                            c.cdu.id(),
                            duty > 1
                                    ? String.format(
                                            Locale.ROOT,
                                            "if one of the %d pumps of CDU '%s' (no standby) fails, the %d left at full speed give the worst rack %.0f %% of "
                                                    + "its flow: %d racks return above their return limit (up to %.1f °C), the first after %.0f s. "
                                                    + "A standby pump, a CDU with more head, or fewer racks on it.",
                                            duty,
                                            c.cdu.id(),
                                            duty - 1,
                                            100 * lowestRatio,
                                            over.size(),
                                            hottestReturn,
                                            worst)
                                    : String.format(
                                            Locale.ROOT,
                                            "CDU '%s' has a single pump and no standby: if it fails, circulation stops and its "
                                                    + "%d racks reach their return limit in %.0f s. Add a standby pump.",
                                            c.cdu.id(),
                                            over.size(),
                                            worst)));
                }
            }
        }

        private Fluid fluidOf(RackState r) {
            CoolingLoop l = loops.get(r.rack.coolingLoopId());
            return l == null ? Fluid.WATER : l.fluid();
        }

        private void heatRejectionFailures(
                Map<String, List<HeatRejectionModel.UnitGroup>> groupsByLoop,
                Map<String, Double> loads,
                List<FailureCase> out) {
            double db = f.site().designDryBulbC();
            double wb = f.site().designWetBulbC();
            Map<String, FailureCase> byLoopAndType = new HashMap<>();
            for (HeatRejectionUnit u : f.cooling().heatRejection()) {
                FacilityWaterLoop fl = f.cooling().facilityLoops().stream()
                        .filter(x -> x.id().equals(u.facilityLoopId()))
                        .findFirst()
                        .orElse(null);
                List<HeatRejectionModel.UnitGroup> groups = groupsByLoop.get(u.facilityLoopId());
                if (fl == null || groups == null) {
                    continue;
                }
                String key = fl.id() + "\0" + u.type();
                FailureCase template = byLoopAndType.computeIfAbsent(
                        key, k -> heatRejectionFailure(fl, u.type(), groups, loads.getOrDefault(fl.id(), 0.0), db, wb));
                if (template == null) {
                    continue;
                }
                out.add(new FailureCase(
                        u.id(),
                        "heat-rejection",
                        template.racksAffected(),
                        template.racksOverLimit(),
                        template.overLimitRackIds(),
                        template.secondsToLimit(),
                        null,
                        template.steadyStateFacilitySupplyC(),
                        null));
                if (template.racksOverLimit() > 0) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "THERMAL_N1_OVER_LIMIT",
                            u.id(),
                            String.format(
                                    Locale.ROOT,
                                    "if heat-rejection unit '%s' fails, facility loop '%s' %s and %d racks exceed their coolant limit, "
                                            + "the first after %.0f s.",
                                    u.id(),
                                    fl.id(),
                                    template.steadyStateFacilitySupplyC() == null
                                            ? "cannot reject its load"
                                            : String.format(
                                                    Locale.ROOT,
                                                    "settles at %.1f °C",
                                                    template.steadyStateFacilitySupplyC()),
                                    template.racksOverLimit(),
                                    template.secondsToLimit() == null ? Double.NaN : template.secondsToLimit())));
                }
            }
        }

        private FailureCase heatRejectionFailure(
                FacilityWaterLoop fl,
                String type,
                List<HeatRejectionModel.UnitGroup> groups,
                double load,
                double db,
                double wb) {
            if (load <= 0) {
                return null;
            }
            List<HeatRejectionModel.UnitGroup> reduced = new ArrayList<>();
            for (HeatRejectionModel.UnitGroup g : groups) {
                int n = g.type().id().equals(type) ? g.count() - 1 : g.count();
                if (n > 0) {
                    reduced.add(new HeatRejectionModel.UnitGroup(g.type(), n));
                }
            }
            HeatRejectionModel.Outcome o = HeatRejectionModel.evaluate(load, fl.supplyTemperatureC(), db, wb, reduced);
            double t0 = facilitySupply.getOrDefault(fl.id(), fl.supplyTemperatureC());
            CoolantProperties w = CoolantProperties.of(fl.fluid());
            double capacity = FACILITY_WATER_LITRES_PER_KW
                    * load
                    / 1000
                    * w.densityKgPerM3(t0)
                    * w.specificHeatJPerKgK(t0)
                    / 1000;
            int affected = 0;
            List<String> over = new ArrayList<>();
            double worst = Double.POSITIVE_INFINITY;
            for (CduState c : cdus.values()) {
                if (!fl.id().equals(c.cdu.facilityLoopId())) {
                    continue;
                }
                capacity += c.loopHeatCapacityKjPerK;
                for (RackState r : c.racks) {
                    affected++;
                    Double limit = r.limitC();
                    CoolingLoop l = loops.get(r.rack.coolingLoopId());
                    if (limit == null || l == null) {
                        continue;
                    }
                    double newSupply = Math.max(l.supplyTemperatureC(), o.supplyC() + c.approachK);
                    if (newSupply > limit + TEMPERATURE_TOLERANCE_K || o.unmetKw() > 0) {
                        over.add(r.rack.id());
                        worst = Math.min(worst, secondsUntil(limit - c.approachK, t0, o, load, capacity));
                    }
                }
            }
            return new FailureCase(
                    fl.id(),
                    "heat-rejection",
                    affected,
                    over.size(),
                    first(over),
                    finite(worst),
                    null,
                    o.unmetKw() > 0 ? null : o.supplyC(),
                    null);
        }

        /**
         * Lumped facility water: C·dT/dt = load − chillers − W·(T − T_amb). With W &gt; 0,
         * T(t) = T∞ + (T0 − T∞)·e^(−t·W/C); otherwise T rises linearly.
         */
        private static double secondsUntil(
                double limitC, double t0, HeatRejectionModel.Outcome o, double load, double capacityKjPerK) {
            if (limitC <= t0) {
                return 0;
            }
            double w = o.economiserSlopeKwPerK();
            if (w > 0) {
                double tInf = o.economiserAmbientC() + (load - o.chillerCapacityKw()) / w;
                if (tInf <= limitC) {
                    return Double.POSITIVE_INFINITY;
                }
                return capacityKjPerK / w * Math.log((tInf - t0) / (tInf - limitC));
            }
            double excess = load - o.chillerCapacityKw();
            return excess > 0 ? capacityKjPerK * (limitC - t0) / excess : Double.POSITIVE_INFINITY;
        }

        // ---- report --------------------------------------------------------------------------

        private List<CduThermal> cduReports() {
            List<CduThermal> out = new ArrayList<>();
            for (CduState c : cdus.values()) {
                double capacity = c.type == null ? 0 : c.type.capacityKw();
                double supply = Double.isNaN(c.supplyC) ? 0 : c.supplyC;
                double ret = c.heatCapacityFlowKwPerK > 0 ? supply + c.loadKw / c.heatCapacityFlowKwPerK : supply;
                double fsC = c.facilitySupplyC;
                FacilityWaterLoop fl = f.cooling().facilityLoops().stream()
                        .filter(x -> x.id().equals(c.cdu.facilityLoopId()))
                        .findFirst()
                        .orElse(null);
                double fwFlow = 0;
                double fwReturn = fsC;
                if (fl != null && c.loadKw > 0) {
                    CoolantProperties w = CoolantProperties.of(fl.fluid());
                    fwFlow = c.loadKw
                            * 1000
                            / (w.densityKgPerM3(fsC)
                                    * w.specificHeatJPerKgK(fsC + fl.designDeltaTK() / 2)
                                    * fl.designDeltaTK())
                            * LPM_PER_M3S;
                    fwReturn = fsC + fl.designDeltaTK();
                }
                out.add(new CduThermal(
                        c.cdu.id(),
                        c.cdu.facilityLoopId(),
                        c.loadKw,
                        capacity,
                        capacity > 0 ? c.loadKw / capacity : 0,
                        supply,
                        ret,
                        c.flowM3s * LPM_PER_M3S,
                        c.approachK,
                        fsC,
                        fwReturn,
                        fwFlow,
                        c.speed,
                        c.headPa / 1000,
                        c.powerKw,
                        c.iterations,
                        c.imbalance));
            }
            return out;
        }

        private List<RackThermal> rackReports() {
            List<RackThermal> out = new ArrayList<>(racks.size());
            for (RackState r : racks) {
                out.add(new RackThermal(
                        r.rack.id(),
                        r.rack.coolingLoopId(),
                        r.heatKw,
                        r.liquidKw,
                        r.airKw,
                        r.flowLpm,
                        r.requiredLpm,
                        r.supplyC,
                        r.returnC,
                        r.limitC(),
                        r.dropKpa,
                        r.returnLimitC,
                        r.gpuPowerFraction));
            }
            return out;
        }

        private static List<String> first(List<String> ids) {
            return ids.size() <= MAX_IDS_LISTED ? ids : ids.subList(0, MAX_IDS_LISTED);
        }

        private static String listed(List<String> ids) {
            return ids.size() <= 5
                    ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }
}
