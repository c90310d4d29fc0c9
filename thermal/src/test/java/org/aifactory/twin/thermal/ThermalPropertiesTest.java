package org.aifactory.twin.thermal;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.aifactory.twin.model.Cooling;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;

/** Conservation on generated facilities: random rack types, counts and per-rack power overrides. */
class ThermalPropertiesTest {
    private static final List<String> RACK_TYPES = List.of("gb200-nvl72", "gb300-nvl72", "vr-nvl72");
    private final ThermalSolver solver = new ThermalSolver();

    @Property(tries = 25, seed = "20261122")
    void energyBalanceAndKirchhoffHoldOnGeneratedFacilities(
            @ForAll @IntRange(min = 0, max = 2) int rackType,
            @ForAll @IntRange(min = 1, max = 96) int gpuRacks,
            @ForAll @DoubleRange(min = 0.3, max = 1.3) double powerScale,
            @ForAll @IntRange(min = 0, max = 2) int phase) {
        FacilityGenerator gen = new FacilityGenerator(CatalogIo.builtIn());
        Facility f =
                gen.generate(new FacilityGenerator.Spec("prop", RACK_TYPES.get(rackType), gpuRacks, "llama-2-70b", 80));
        // vary rack power: every third rack (from phase) at powerScale × its typical power
        List<Rack> racks = new ArrayList<>();
        for (int i = 0; i < f.racks().size(); i++) {
            Rack r = f.racks().get(i);
            double typical = CatalogIo.builtIn().racks().stream()
                    .filter(t -> t.id().equals(r.type()))
                    .findFirst()
                    .orElseThrow()
                    .typicalPowerKw();
            racks.add(
                    i % 3 == phase
                            ? new Rack(
                                    r.id(),
                                    r.type(),
                                    r.rowId(),
                                    r.placement(),
                                    r.feeds(),
                                    r.coolingLoopId(),
                                    typical * powerScale)
                            : r);
        }
        Facility varied = f.withRacks(racks);
        ThermalSolver.Result res = solver.solve(varied, ThermalSolverTest.catalog(varied));
        ThermalSolverTest.assertConservation(res.report());
        ThermalSolverTest.assertThrottling(res);
    }

    /**
     * Warm secondary loops (setpoints 32-50 °C, some above the racks' 40/45 °C supply limits) on
     * generated facilities: the laws still hold, a rack has a GPU power fraction exactly when it is
     * over a limit, and warmer coolant never lets a rack run harder (its fraction falls or stays
     * when every setpoint rises by 2 K).
     */
    @Property(tries = 30, seed = "20261123")
    void throttlingIsConsistentOnWarmLoops(
            @ForAll @IntRange(min = 0, max = 2) int rackType,
            @ForAll @IntRange(min = 1, max = 48) int gpuRacks,
            @ForAll @DoubleRange(min = 32, max = 50) double loopSupplyC) {
        Facility f = new FacilityGenerator(CatalogIo.builtIn())
                .generate(new FacilityGenerator.Spec("warm", RACK_TYPES.get(rackType), gpuRacks, "llama-2-70b", 80));
        ThermalSolver.Result warm = solveAt(f, loopSupplyC);
        ThermalSolverTest.assertConservation(warm.report());
        ThermalSolverTest.assertThrottling(warm);
        // the property must see throttled racks, not only facilities within their limits
        net.jqwik.api.statistics.Statistics.label("some racks throttled")
                .collect(!warm.gpuPowerFractionByRack().isEmpty())
                .coverage(checker -> checker.check(true).count(n -> n >= 2));
        ThermalSolver.Result warmer = solveAt(f, loopSupplyC + 2);
        ThermalSolverTest.assertThrottling(warmer);
        warm.gpuPowerFractionByRack()
                .forEach((rack, fraction) -> org.assertj.core.api.Assertions.assertThat(
                                warmer.gpuPowerFractionByRack().getOrDefault(rack, 1.0))
                        .as(rack)
                        .isLessThanOrEqualTo(fraction + 1e-9));
    }

    private ThermalSolver.Result solveAt(Facility f, double loopSupplyC) {
        Cooling c = f.cooling();
        List<CoolingLoop> loops = c.loops().stream()
                .map(l ->
                        new CoolingLoop(l.id(), l.cduId(), l.fluid(), loopSupplyC, l.designDeltaTK(), l.ashraeClass()))
                .toList();
        Facility at = new Facility(
                f.formatVersion(),
                f.site(),
                f.halls(),
                f.rows(),
                f.racks(),
                f.power(),
                new Cooling(c.cdus(), loops, c.facilityLoops(), c.heatRejection(), c.airHandlers()),
                f.network(),
                f.workload(),
                f.catalog());
        return solver.solve(at, ThermalSolverTest.catalog(at));
    }
}
