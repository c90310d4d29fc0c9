package org.aifactory.twin.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Cooling;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.TestFacilities;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.RackPowerLimitFact;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CduType;
import org.aifactory.twin.model.catalog.HeatRejectionType;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** Pump counts, cold-plate curves, return limits, throttling and heat-rejection staging, by hand. */
class LimitsPumpsStagingTest {
    private final ThermalSolver solver = new ThermalSolver();

    private static final CduType CHX2000 = CatalogIo.builtIn().cdus().stream()
            .filter(t -> t.id().equals("coolit-chx2000"))
            .findFirst()
            .orElseThrow();
    private static final RackType GB200 = CatalogIo.builtIn().racks().stream()
            .filter(t -> t.id().equals("gb200-nvl72"))
            .findFirst()
            .orElseThrow();

    /** The CoolIT CDU's figures with another pump arrangement, as a facility catalog entry. */
    private static CduType chx2000(String id, Integer pumps, Integer standby) {
        CduType c = CHX2000;
        return new CduType(
                id,
                id,
                c.kind(),
                c.capacityKw(),
                c.approachK(),
                c.maxFlowLpm(),
                c.pumpHeadKpa(),
                c.parasiticPowerKw(),
                c.widthM(),
                c.depthM(),
                c.heightM(),
                "[E] test",
                pumps,
                standby);
    }

    /** The GB200 with another return limit and cold-plate point. */
    private static RackType gb200(String id, Double returnLimitC, Double plateDropKpa, Double plateFlowLpm) {
        RackType r = GB200;
        return new RackType(
                id,
                id,
                r.kind(),
                r.gpu(),
                r.gpus(),
                r.cpus(),
                r.typicalPowerKw(),
                r.maxPowerKw(),
                r.liquidFraction(),
                r.maxCoolantSupplyC(),
                r.powerShelves(),
                r.powerShelfRatingKw(),
                r.nics(),
                r.nicSpeedGbps(),
                r.widthM(),
                r.depthM(),
                r.heightM(),
                r.weightKg(),
                "[E] test",
                returnLimitC,
                plateDropKpa,
                plateFlowLpm);
    }

    private static Facility withCdu(Facility f, CduType type) {
        Cooling c = f.cooling();
        List<Cdu> cdus = c.cdus().stream()
                .map(x -> new Cdu(x.id(), type.id(), x.placement(), x.hostRackId(), x.facilityLoopId()))
                .toList();
        Catalog cat = f.catalog();
        return new Facility(
                f.formatVersion(),
                f.site(),
                f.halls(),
                f.rows(),
                f.racks(),
                f.power(),
                new Cooling(cdus, c.loops(), c.facilityLoops(), c.heatRejection(), c.airHandlers()),
                f.network(),
                f.workload(),
                new Catalog(
                        cat.gpus(),
                        cat.racks(),
                        List.of(type),
                        cat.heatRejection(),
                        cat.airHandlers(),
                        cat.powerEquipment(),
                        cat.switches(),
                        cat.cables(),
                        cat.models()));
    }

    private static Facility withRackType(Facility f, RackType type) {
        List<Rack> racks = f.racks().stream()
                .map(r -> new Rack(
                        r.id(), type.id(), r.rowId(), r.placement(), r.feeds(), r.coolingLoopId(), r.powerKw()))
                .toList();
        Catalog cat = f.catalog();
        return new Facility(
                f.formatVersion(),
                f.site(),
                f.halls(),
                f.rows(),
                racks,
                f.power(),
                f.cooling(),
                f.network(),
                f.workload(),
                new Catalog(
                        cat.gpus(),
                        List.of(type),
                        cat.cdus(),
                        cat.heatRejection(),
                        cat.airHandlers(),
                        cat.powerEquipment(),
                        cat.switches(),
                        cat.cables(),
                        cat.models()));
    }

    /** A 20 °C design day: the dry cooler holds 30 °C and the loop its 35 °C setpoint. */
    private static Facility coolDay(Facility f) {
        return f.withSite(new Site("Cool test site", 100, 20, 15, 10_000, 80));
    }

    private static ThermalReport.FailureCase pumpCase(ThermalSolver.Result r) {
        return r.report().n1().stream()
                .filter(x -> x.kind().equals("pump"))
                .findFirst()
                .orElseThrow();
    }

    // ---- pumps --------------------------------------------------------------------------------

    /** The catalog's CDUs give no pump count: N + 1 by default, so the standby covers one pump lost. */
    @Test
    void defaultNPlusOneStandbyCoversAPumpLost() {
        Facility f = Samples.SCALABLE_UNIT.load();
        ThermalReport r = solver.solve(f, ThermalSolverTest.catalog(f)).report();
        List<ThermalReport.FailureCase> pumps =
                r.n1().stream().filter(x -> x.kind().equals("pump")).toList();
        assertThat(pumps).hasSameSizeAs(r.cdus()).allSatisfy(x -> {
            assertThat(x.racksAffected()).isEqualTo(8);
            assertThat(x.racksOverLimit()).isZero();
            assertThat(x.secondsToLimit()).isNull();
        });
    }

    /**
     * 19 GB200 racks (1,938 kW liquid) on one 2 MW CDU whose rating is two duty pumps and no
     * standby: the set runs near 85 % speed; one pump left at full speed has the curve
     * H = H0 − 4a·Q² (a·(2/1)²), about half the flow at a given head, so racks fall short and return
     * above their 40 + 10 = 50 °C return limit (the GB200 supply limit + the loop's 10 K). The same
     * CDU with a third, standby pump loses nothing.
     */
    @Test
    void twoDutyPumpsWithoutStandbyLoseFlowWhenOneFails() {
        Facility noSpare = withCdu(TestFacilities.row(19), chx2000("chx-2-duty", 2, 0));
        ThermalSolver.Result res = solver.solve(noSpare, ThermalSolverTest.catalog(noSpare));
        ThermalReport.FailureCase pump = pumpCase(res);
        assertThat(pump.failedElementId()).isEqualTo("cdu-1/pump");
        assertThat(pump.racksAffected()).isEqualTo(19);
        assertThat(pump.racksOverLimit()).isPositive();
        assertThat(pump.steadyStateReturnC()).isGreaterThan(50 + ThermalAssumptions.TEMPERATURE_TOLERANCE_K);
        assertThat(pump.secondsToLimit()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(res.findings())
                .anyMatch(x -> x.code().equals("THERMAL_N1_OVER_LIMIT")
                        && x.message().contains("of the 2 pumps of CDU 'cdu-1'"));
        assertThat(res.report().racks())
                .allSatisfy(x -> assertThat(x.returnLimitC()).isEqualTo(50));
        // 19 × ~147 L/min ≈ 2,800 L/min is more than the CDU's rated 2,125 L/min: the loop is over capacity
        assertThat(res.report().cdus().get(0).flowLpm()).isGreaterThan(2125);
        assertThat(res.findings())
                .anyMatch(x -> x.code().equals("THERMAL_LOOP_OVER_CAPACITY")
                        && x.element().equals("cdu-1"));

        Facility spare = withCdu(TestFacilities.row(19), chx2000("chx-2-plus-1", 3, 1));
        ThermalReport.FailureCase covered = pumpCase(solver.solve(spare, ThermalSolverTest.catalog(spare)));
        assertThat(covered.racksOverLimit()).isZero();
        // the duty set is the same, so the design solve is the same
        assertThat(solver.solve(spare, ThermalSolverTest.catalog(spare))
                        .report()
                        .cdus()
                        .get(0)
                        .flowLpm())
                .isCloseTo(res.report().cdus().get(0).flowLpm(), within(1e-9));
    }

    /**
     * One pump and no standby: if it fails, circulation stops and the rack heats its own coolant
     * and cold plates: t = (T_lim − T0)·C/Q, C = 20 L of PG25 × ρ × c_p(50 °C) + 60 kJ/K, Q = 102 kW,
     * T0 = its return before the failure, T_lim = 50 °C.
     */
    @Test
    void aSinglePumpLostStopsCirculation() {
        Facility f = coolDay(withCdu(TestFacilities.row(1), chx2000("chx-single", 1, null)));
        ThermalSolver.Result res = solver.solve(f, ThermalSolverTest.catalog(f));
        ThermalReport.RackThermal rack = res.report().racks().get(0);
        ThermalReport.FailureCase pump = pumpCase(res);
        assertThat(pump.racksOverLimit()).isEqualTo(1);
        CoolantProperties pg = CoolantProperties.of(org.aifactory.twin.model.Fluid.PG25);
        double c = 0.020 * pg.densityKgPerM3(35) * pg.specificHeatJPerKgK(50) / 1000 + 60;
        assertThat(pump.secondsToLimit()).isCloseTo((50 - rack.returnC()) * c / 102, within(1e-9));
        assertThat(res.findings()).anyMatch(x -> x.message().contains("single pump and no standby"));
    }

    // ---- cold plates ----------------------------------------------------------------------------

    /**
     * The catalog's cold-plate point replaces the default. Same rack, same flow (the index rack gets
     * exactly its requirement), cold plates at 200 instead of 100 kPa at the same 168.3 L/min: the
     * curve is Δp = dp_ref·(0.95·r² + 0.05·r), r = Q/Q_ref (5 % linear), so the branch drop grows
     * by 100·(0.95·r² + 0.05·r) kPa, the hoses being the same.
     */
    @Test
    void catalogColdPlateCurveSetsTheRackPressureDrop() {
        Facility base = coolDay(TestFacilities.row(1));
        ThermalReport.RackThermal r100 = solver.solve(base, ThermalSolverTest.catalog(base))
                .report()
                .racks()
                .get(0);
        Facility stiff = coolDay(withRackType(TestFacilities.row(1), gb200("gb200-stiff", null, 200.0, 168.3)));
        ThermalReport.RackThermal r200 = solver.solve(stiff, ThermalSolverTest.catalog(stiff))
                .report()
                .racks()
                .get(0);
        assertThat(r200.flowLpm()).isCloseTo(r100.flowLpm(), within(r100.flowLpm() * 3e-4));
        double ratio = r100.flowLpm() / 168.3;
        assertThat(r200.pressureDropKpa() - r100.pressureDropKpa())
                .isCloseTo(100 * (0.95 * ratio * ratio + 0.05 * ratio), within(0.1));
    }

    // ---- return limits and throttling ----------------------------------------------------------

    /** The rule itself, by hand (limits 40 °C supply, 50 °C return; Q = 100 kW). */
    @Test
    void sustainableFractionByHand() {
        double mcpDesign = 100_000 / 10.0; // W/K: the design flow carries 100 kW with a 10 K rise
        // supply 2 K over its limit at the design flow: 1 − 2/10 = 0.8 both ways
        assertThat(ThermalSolver.sustainableFraction(42, mcpDesign / 4000, 4000, 100, 40, 50))
                .isCloseTo(0.8, within(1e-12));
        // supply fine (38 °C) but half the flow: 0.5 × (50 − 38)/10 = 0.6
        assertThat(ThermalSolver.sustainableFraction(38, mcpDesign / 8000, 4000, 100, 40, 50))
                .isCloseTo(0.6, within(1e-12));
        // within both limits: 1
        assertThat(ThermalSolver.sustainableFraction(38, mcpDesign / 4000, 4000, 100, 40, 50))
                .isEqualTo(1);
        // supply at or above the return limit: the rack cannot run, the 1 % floor
        assertThat(ThermalSolver.sustainableFraction(55, mcpDesign / 4000, 4000, 100, 40, 50))
                .isEqualTo(ThermalAssumptions.MIN_GPU_POWER_FRACTION);
    }

    /**
     * One GB200 rack (102 kW liquid) on a 40 °C design day: the dry cooler (250 kW/K) settles the
     * facility water at 40 + 102/250 = 40.408 °C, the CDU adds 5 × 102/2000 = 0.255 K: supply
     * 40.663 °C, above the rack's 40 °C limit. At its required flow the rule gives
     * 1 − (40.663 − 40)/(50 − 40) = 0.9337 of its power; the analysis publishes it.
     */
    @Test
    void rackOverItsSupplyLimitIsThrottledAndPublished() {
        Facility hot = TestFacilities.row(1).withSite(new Site("Hot test site", 100, 40, 26, 10_000, 80));
        AnalysisResult result =
                new ThermalAnalysis().analyze(hot, ThermalSolverTest.catalog(hot), AnalysisContext.empty());
        ThermalReport r = (ThermalReport) result.report();
        ThermalReport.RackThermal rack = r.racks().get(0);
        assertThat(rack.supplyC()).isCloseTo(40 + 102 / 250.0 + 5 * 102 / 2000.0, within(1e-9));
        double expected = 1 - (rack.supplyC() - 40) / 10;
        assertThat(rack.gpuPowerFraction()).isCloseTo(expected, within(1e-3)).isLessThan(1);
        assertThat(r.racksThrottled()).isEqualTo(1);
        RackPowerLimitFact fact = result.facts().stream()
                .filter(RackPowerLimitFact.class::isInstance)
                .map(RackPowerLimitFact.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(fact.source()).isEqualTo("thermal");
        assertThat(fact.fractionFor("rack-1")).isEqualTo(rack.gpuPowerFraction());
        assertThat(result.findings())
                .extracting(x -> x.code())
                .contains("THERMAL_SUPPLY_OVER_LIMIT", "THERMAL_RACK_THROTTLED");
    }

    /**
     * A catalog return limit of 44 °C on a loop running 35 → 45 °C: the return is over, the rack can
     * carry ṁ·c_p·(44 − 35) = 9/10 of its heat at its required flow.
     */
    @Test
    void catalogReturnLimitIsCheckedAndThrottles() {
        Facility f = coolDay(withRackType(TestFacilities.row(1), gb200("gb200-44", 44.0, null, null)));
        ThermalSolver.Result res = solver.solve(f, ThermalSolverTest.catalog(f));
        ThermalReport.RackThermal rack = res.report().racks().get(0);
        assertThat(rack.returnLimitC()).isEqualTo(44);
        assertThat(rack.returnC()).isCloseTo(45, within(0.01));
        assertThat(rack.gpuPowerFraction()).isCloseTo(0.9, within(1e-3));
        assertThat(res.gpuPowerFractionByRack()).containsOnlyKeys("rack-1");
        assertThat(res.findings())
                .anyMatch(x -> x.code().equals("THERMAL_RETURN_OVER_LIMIT")
                        && x.element().equals("loop-1"));
    }

    /** A facility within its limits publishes no power limit (and raises no loop-capacity warning). */
    @Test
    void aFacilityWithinItsLimitsPublishesNoLimit() {
        Facility f = Samples.SCALABLE_UNIT.load();
        AnalysisResult result = new ThermalAnalysis().analyze(f, ThermalSolverTest.catalog(f), AnalysisContext.empty());
        assertThat(result.findings())
                .noneMatch(x -> x.code().equals("THERMAL_LOOP_OVER_CAPACITY")
                        || x.code().equals("THERMAL_RETURN_OVER_LIMIT"));
        assertThat(result.facts()).noneMatch(RackPowerLimitFact.class::isInstance);
        ThermalReport r = (ThermalReport) result.report();
        assertThat(r.racksThrottled()).isZero();
        assertThat(r.racks()).allSatisfy(x -> assertThat(x.gpuPowerFraction()).isNull());
    }

    // ---- staging --------------------------------------------------------------------------------

    private static HeatRejectionType hr(String id) {
        return CatalogIo.builtIn().heatRejection().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Four 2 MW dry coolers (8 K approach, 40 kW fans), 30 °C setpoint. Staging runs the k in
     * [⌈x⌉, 4] with the least k·40·max(x/k, 0.25)³, x = load / one unit's availability:
     * <ul>
     *   <li>14 °C: each can take 2000·16/8 = 4,000 kW. 1,000 kW: x = 0.25, one unit at its floor,
     *       40 × 0.25³ = 0.625 kW (all four at the floor would be 2.5 kW).
     *   <li>2,000 kW: x = 0.5: one at u = 0.5 costs 5 kW, two at 0.25 cost 1.25 kW: two run.
     *   <li>22 °C: each takes 2,000 kW; 6,000 kW: x = 3, all four at 0.75: 4 × 40 × 0.75³ = 67.5 kW
     *       (three flat out would be 120 kW).
     * </ul>
     */
    @Test
    void dryCoolersStageToTheLeastFanPower() {
        List<HeatRejectionModel.UnitGroup> four = List.of(new HeatRejectionModel.UnitGroup(hr("dry-cooler-2mw"), 4));
        HeatRejectionModel.Outcome low = HeatRejectionModel.evaluate(1000, 30, 14, 10, four);
        assertThat(low.groupRunning()[0]).isEqualTo(1);
        assertThat(low.fanKw()).isCloseTo(0.625, within(1e-12));
        HeatRejectionModel.Outcome two = HeatRejectionModel.evaluate(2000, 30, 14, 10, four);
        assertThat(two.groupRunning()[0]).isEqualTo(2);
        assertThat(two.fanKw()).isCloseTo(1.25, within(1e-12));
        HeatRejectionModel.Outcome high = HeatRejectionModel.evaluate(6000, 30, 22, 10, four);
        assertThat(high.groupRunning()[0]).isEqualTo(4);
        assertThat(high.fanKw()).isCloseTo(67.5, within(1e-9));
        assertThat(HeatRejectionModel.evaluate(0, 30, 14, 10, four).groupRunning()[0])
                .isZero();
    }

    /**
     * Three 1,500 kW chillers (30 kW condenser fans): 300 kW runs one at its floor, 30 × 0.25³ =
     * 0.46875 kW; 1,000 kW (x = 2/3): two at u = 1/3 cost 2 × 30/27 = 2.222 kW, three at the floor
     * 3 × 0.46875 = 1.40625 kW: three run. The compressor power is load/COP whatever runs.
     */
    @Test
    void chillersStageTheirCondenserFans() {
        HeatRejectionType ch = hr("air-cooled-chiller-1500");
        List<HeatRejectionModel.UnitGroup> three = List.of(new HeatRejectionModel.UnitGroup(ch, 3));
        HeatRejectionModel.Outcome o300 = HeatRejectionModel.evaluate(300, 10, 30, 20, three);
        assertThat(o300.groupRunning()[0]).isEqualTo(1);
        assertThat(o300.fanKw()).isCloseTo(0.46875, within(1e-12));
        assertThat(o300.compressorKw()).isCloseTo(300 / HeatRejectionModel.cop(ch, 10, 30), within(1e-9));
        HeatRejectionModel.Outcome o1000 = HeatRejectionModel.evaluate(1000, 10, 30, 20, three);
        assertThat(o1000.groupRunning()[0]).isEqualTo(3);
        assertThat(o1000.fanKw()).isCloseTo(1.40625, within(1e-12));
    }
}
