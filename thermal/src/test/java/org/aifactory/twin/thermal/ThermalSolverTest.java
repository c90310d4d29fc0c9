package org.aifactory.twin.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.aifactory.twin.model.AshraeClass;
import org.aifactory.twin.model.Cooling;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Fluid;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.TestFacilities;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.CoolingPowerFact;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ThermalSolverTest {
    private final ThermalSolver solver = new ThermalSolver();

    static CatalogIndex catalog(Facility f) {
        return new CatalogIndex(CatalogIo.builtIn(), f.catalog());
    }

    static Stream<Facility> facilities() {
        return Stream.concat(
                Samples.all().stream().map(Samples::load), Stream.of(TestFacilities.row(1), TestFacilities.row(10)));
    }

    /** Checks the conservation laws of one solve (shared with the property test). */
    static void assertConservation(ThermalReport r) {
        double tol = ThermalAssumptions.ENERGY_BALANCE_TOLERANCE * Math.max(r.itHeatKw(), 1e-9);
        double rackLiquid = r.racks().stream()
                .mapToDouble(ThermalReport.RackThermal::liquidHeatKw)
                .sum();
        double rackAir = r.racks().stream()
                .mapToDouble(ThermalReport.RackThermal::airHeatKw)
                .sum();
        double throughCdus =
                r.cdus().stream().mapToDouble(ThermalReport.CduThermal::loadKw).sum();
        double rackHeat = r.racks().stream()
                .mapToDouble(ThermalReport.RackThermal::heatKw)
                .sum();
        // heat from racks = heat through CDUs + residual air = heat rejected
        assertThat(rackHeat).isCloseTo(r.itHeatKw(), within(tol));
        assertThat(throughCdus + rackAir).isCloseTo(r.itHeatKw(), within(tol));
        assertThat(rackLiquid).isCloseTo(throughCdus, within(tol));
        assertThat(r.heatRejectedKw()).isCloseTo(r.itHeatKw(), within(tol));
        double byUnits = r.heatRejection().stream()
                .mapToDouble(ThermalReport.HeatRejectionThermal::loadKw)
                .sum();
        double byHalls =
                r.halls().stream().mapToDouble(ThermalReport.HallAir::airHeatKw).sum();
        assertThat(byUnits + byHalls).isCloseTo(r.itHeatKw(), within(tol));
        for (ThermalReport.CduThermal c : r.cdus()) {
            // Kirchhoff at every node of every loop
            assertThat(c.flowImbalanceRelative())
                    .as("CDU %s", c.id())
                    .isLessThanOrEqualTo(ThermalAssumptions.KIRCHHOFF_TOLERANCE);
            // and at the CDU: what its pump moves is the sum of its racks' flows
            double rackFlows = r.racks().stream()
                    .filter(x -> x.flowLpm() != null && c.id().equals(cduOf(r, x)))
                    .mapToDouble(ThermalReport.RackThermal::flowLpm)
                    .sum();
            assertThat(rackFlows)
                    .as("CDU %s flow", c.id())
                    .isCloseTo(c.flowLpm(), within(1e-9 * Math.max(1, c.flowLpm())));
        }
    }

    /**
     * Throttling bookkeeping: a rack has a GPU power fraction exactly when its coolant ends above
     * its supply or return limit; the fraction is in (0, 1) and the result's map holds the same.
     */
    static void assertThrottling(ThermalSolver.Result res) {
        double tol = ThermalAssumptions.TEMPERATURE_TOLERANCE_K;
        int throttled = 0;
        for (ThermalReport.RackThermal x : res.report().racks()) {
            boolean over = x.limitC() != null
                    && x.supplyC() != null
                    && (x.supplyC() > x.limitC() + tol || x.returnC() > x.returnLimitC() + tol);
            if (over) {
                throttled++;
                assertThat(x.gpuPowerFraction())
                        .as(x.id())
                        .isNotNull()
                        .isGreaterThan(0)
                        .isLessThanOrEqualTo(1);
                assertThat(res.gpuPowerFractionByRack()).containsEntry(x.id(), x.gpuPowerFraction());
            } else {
                assertThat(x.gpuPowerFraction()).as(x.id()).isNull();
            }
        }
        assertThat(res.gpuPowerFractionByRack()).hasSize(throttled);
        assertThat(res.report().racksThrottled()).isEqualTo(throttled);
    }

    /** N-1 bookkeeping: at most every affected rack is over, and the ids listed match the count. */
    static void assertFailureCases(ThermalReport r) {
        for (ThermalReport.FailureCase c : r.n1()) {
            assertThat(c.kind()).isIn("cdu", "pump", "heat-rejection");
            assertThat(c.racksOverLimit()).as(c.failedElementId()).isBetween(0, c.racksAffected());
            assertThat(c.overLimitRackIds()).hasSize(Math.min(c.racksOverLimit(), ThermalSolver.MAX_IDS_LISTED));
            if (c.secondsToLimit() != null) {
                assertThat(c.secondsToLimit()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    private static String cduOf(ThermalReport r, ThermalReport.RackThermal rack) {
        // loop ids of the samples are "<su>-loop" with CDU "<su>-cdu"; TestFacilities: loop-1/cdu-1
        String loop = rack.loopId();
        return loop.endsWith("-loop") ? loop.substring(0, loop.length() - 5) + "-cdu" : loop.replace("loop", "cdu");
    }

    @ParameterizedTest
    @MethodSource("facilities")
    void energyAndFlowBalanceClose(Facility f) {
        ThermalSolver.Result res = solver.solve(f, catalog(f));
        ThermalReport r = res.report();
        assertConservation(r);
        assertFailureCases(r);
        assertThrottling(res);
    }

    /**
     * The hand case: 120 kW into water with a 10 K rise from 35 °C. c_p at the mean
     * 40 °C = 4.1785 kJ/kg·K, ρ at 35 °C = (995.65 + 992.2)/2 = 993.925 kg/m³ (ref §2e):
     * ṁ = 120 / (4.1785 × 10) = 2.8718 kg/s; V̇ = 2.8718 / 993.925 = 2.8894e-3 m³/s = 173.36 L/min.
     */
    @Test
    void oneHundredTwentyKilowattRackNeedsQOverCpDeltaT() {
        double q = ThermalSolver.requiredFlowM3s(CoolantProperties.of(Fluid.WATER), 120, 35, 10);
        assertThat(q * 60_000).isCloseTo(173.36, within(0.01));
        assertThat(q * 993.925).isCloseTo(2.8718, within(1e-4));
    }

    /**
     * The same through the whole solver: one GB200 rack (120 kW typical, 85 % liquid = 102 kW) on a
     * water loop at 35 °C and 10 K on a cool day: 102/120 of 173.36 = 147.36 L/min required; its CDU's pump is
     * slowed until the rack gets exactly that, and the return is 35 + 10 = 45 °C.
     */
    @Test
    void singleRackGetsItsRequiredFlowAndTenKelvinRise() {
        Facility row = TestFacilities.row(1);
        Cooling c = row.cooling();
        Facility water = new Facility(
                        row.formatVersion(),
                        row.site(),
                        row.halls(),
                        row.rows(),
                        row.racks(),
                        row.power(),
                        new Cooling(
                                c.cdus(),
                                List.of(new CoolingLoop("loop-1", "cdu-1", Fluid.WATER, 35, 10, AshraeClass.W40)),
                                c.facilityLoops(),
                                c.heatRejection(),
                                c.airHandlers()),
                        row.network(),
                        row.workload(),
                        row.catalog())
                // a 20 °C design day, so the dry cooler holds the 30 °C facility water and the loop its 35 °C
                .withSite(new Site("Cool test site", 100, 20, 15, 10_000, 80));
        ThermalReport r = solver.solve(water, catalog(water)).report();
        assertThat(r.racks().get(0).supplyC()).isEqualTo(35);
        ThermalReport.RackThermal rack = r.racks().get(0);
        assertThat(rack.liquidHeatKw()).isCloseTo(102, within(1e-9));
        assertThat(rack.requiredFlowLpm()).isCloseTo(173.36 * 102 / 120, within(0.01));
        assertThat(rack.flowLpm()).isCloseTo(rack.requiredFlowLpm(), within(rack.requiredFlowLpm() * 2e-4));
        assertThat(rack.returnC()).isCloseTo(45, within(0.01));
    }

    /** Racks further from the CDU get less flow; with speed control the last one gets what it needs. */
    @Test
    void farthestRackIsTheIndexCircuit() {
        Facility f = TestFacilities.row(10);
        ThermalReport r = solver.solve(f, catalog(f)).report();
        List<ThermalReport.RackThermal> racks = r.racks();
        for (int i = 1; i < racks.size(); i++) {
            assertThat(racks.get(i).flowLpm()).isLessThan(racks.get(i - 1).flowLpm());
        }
        ThermalReport.RackThermal last = racks.get(racks.size() - 1);
        assertThat(last.flowLpm() / last.requiredFlowLpm()).isCloseTo(1, within(2e-4));
    }

    /**
     * Dry cooler hand case: 2,000 kW at 8 K approach, so 250 kW per K above ambient. At 35 °C
     * ambient, one unit carrying 3,000 kW settles where 250·(T − 35) = 3000: T = 47 °C; at a
     * 45 °C setpoint it could take 250 × 10 = 2,500 kW.
     */
    @Test
    void dryCoolerSupplyRisesUntilItRejectsItsLoad() {
        var dc = CatalogIo.builtIn().heatRejection().stream()
                .filter(t -> t.id().equals("dry-cooler-2mw"))
                .findFirst()
                .orElseThrow();
        var o = HeatRejectionModel.evaluate(3000, 45, 35, 24, List.of(new HeatRejectionModel.UnitGroup(dc, 1)));
        assertThat(o.availableAtSetpointKw()).isCloseTo(2500, within(1e-9));
        assertThat(o.supplyC()).isCloseTo(47, within(1e-6));
        assertThat(o.groupLoadKw()[0]).isCloseTo(3000, within(1e-9));
        assertThat(o.unmetKw()).isZero();
        // fully used (u = 3000/3000 = 1): full fan power, 40 kW
        assertThat(o.fanKw()).isCloseTo(40, within(1e-9));
    }

    /**
     * Fan law with the VFD floor u_min = 0.25 on the same dry cooler (2,000 kW, 8 K approach, 40 kW
     * fans) at 35 °C ambient and a 45 °C setpoint, where it can take 250 × 10 = 2,500 kW:
     * 1,500 kW → u = 0.6, 40 × 0.6³ = 8.64 kW; 500 kW → u = 0.2 < 0.25, 40 × 0.25³ = 0.625 kW
     * (the bare cube law would say 0.32 kW); no load → fans off.
     */
    @Test
    void partLoadFansRunNoSlowerThanTheirMinimumSpeed() {
        var dc = CatalogIo.builtIn().heatRejection().stream()
                .filter(t -> t.id().equals("dry-cooler-2mw"))
                .findFirst()
                .orElseThrow();
        List<HeatRejectionModel.UnitGroup> one = List.of(new HeatRejectionModel.UnitGroup(dc, 1));
        assertThat(HeatRejectionModel.evaluate(1500, 45, 35, 24, one).fanKw()).isCloseTo(8.64, within(1e-9));
        assertThat(HeatRejectionModel.evaluate(500, 45, 35, 24, one).fanKw()).isCloseTo(0.625, within(1e-9));
        assertThat(HeatRejectionModel.evaluate(0, 45, 35, 24, one).fanKw()).isZero();
    }

    /**
     * The scalable-unit sample by hand (8 GB200 racks, 1,000 kW IT, 816 kW liquid, 184 kW air;
     * design wet bulb 24 °C; facility water 30 °C, 10 K):
     * <ul>
     *   <li>2 cooling towers (5,000 kW at 4 K approach, 284 kW fans): each can take
     *       5000 × (30 − 24)/4 = 7,500 kW; the 816 kW is x = 0.1088 of one, so staging runs one
     *       (two would both sit at the 25 % floor): 284 × 0.25³ = 4.4375 kW.
     *   <li>2 fan walls (600 kW, 30 kW fans): u = 184/1200 = 0.153 < 0.20: 60 × 0.2³ = 0.48 kW.
     *   <li>Facility pumps: 816 kW at 10 K, ρ(30 °C) = 995.65, c_p(35 °C) = 4.1780 kJ/kg·K:
     *       1,176.85 L/min = 0.0196141 m³/s, × (250 kPa loop + 100 kPa tower pumps) / 0.7 = 9.807 kW.
     *   <li>CDU pumps 2.506 kW (hydraulics, not by hand). Total 17.23 kW: pueDesign = 1.01723.
     * </ul>
     */
    @Test
    void scalableUnitCoolingPowerByHand() {
        Facility f = Samples.SCALABLE_UNIT.load();
        ThermalReport r = solver.solve(f, catalog(f)).report();
        assertThat(r.coolingPower().heatRejectionFansKw()).isCloseTo(284 * 0.25 * 0.25 * 0.25, within(1e-9));
        assertThat(r.heatRejection())
                .extracting(ThermalReport.HeatRejectionThermal::running)
                .containsExactly(true, false);
        assertThat(r.heatRejection().get(0).loadKw()).isCloseTo(816, within(1e-6));
        assertThat(r.heatRejection().get(1).loadKw()).isZero();
        assertThat(r.coolingPower().airHandlerFansKw()).isCloseTo(60 * 0.2 * 0.2 * 0.2, within(1e-9));
        ThermalReport.FacilityLoopThermal fl = r.facilityLoops().get(0);
        assertThat(r.coolingPower().facilityPumpsKw())
                .isCloseTo(fl.flowLpm() / 60_000 * (250 + 100) / 0.7, within(1e-9));
        assertThat(r.coolingPower().facilityPumpsKw()).isCloseTo(9.807, within(1e-3));
        assertThat(r.coolingPower().cduPumpsKw()).isCloseTo(2.506, within(1e-3));
        assertThat(r.pueDesign()).isCloseTo(1 + (4.4375 + 0.48 + 9.807 + 2.506) / 1000, within(2e-6));
    }

    /** The chiller model gives its rated COP at the AHRI point (35 °C ambient, 6.7 °C water) and more with less lift. */
    @Test
    void chillerCopIsCalibratedAtAhriPoint() {
        var ch = CatalogIo.builtIn().heatRejection().stream()
                .filter(t -> t.id().equals("air-cooled-chiller-1500"))
                .findFirst()
                .orElseThrow();
        assertThat(HeatRejectionModel.cop(ch, 6.7, 35)).isCloseTo(2.8, within(1e-9));
        assertThat(HeatRejectionModel.cop(ch, 30, 35)).isGreaterThan(5);
    }

    @Test
    void analysisIsFoundByServiceLoaderAndPublishesCoolingPower() {
        FacilityAnalysis a = ServiceLoader.load(FacilityAnalysis.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("thermal"))
                .findFirst()
                .orElseThrow();
        Facility f = Samples.SCALABLE_UNIT.load();
        AnalysisResult result = a.analyze(f, catalog(f), AnalysisContext.empty());
        ThermalReport report = (ThermalReport) result.report();
        CoolingPowerFact fact = (CoolingPowerFact) result.facts().get(0);
        assertThat(fact.designCoolingPowerKw())
                .isEqualTo(report.coolingPowerKw())
                .isPositive();
        assertThat(fact.annualMeanCoolingPowerKw()).isPositive();
        assertThat(report.pueDesign()).isGreaterThan(1);
    }

    /** Warmer water properties: PG25 from Melinder (2010) at 20 °C, 25 % by mass. */
    @Test
    void coolantPropertiesInterpolateTheirTables() {
        CoolantProperties pg = CoolantProperties.of(Fluid.PG25);
        assertThat(pg.densityKgPerM3(20)).isCloseTo(1019.28, within(1e-9));
        assertThat(pg.specificHeatJPerKgK(35)).isCloseTo((3944.6 + 3968.6) / 2, within(1e-9));
        CoolantProperties w = CoolantProperties.of(Fluid.WATER);
        assertThat(w.viscosityPaS(35)).isCloseTo((0.7972e-3 + 0.6527e-3) / 2, within(1e-12));
    }
}
