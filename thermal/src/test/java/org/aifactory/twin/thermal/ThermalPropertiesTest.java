package org.aifactory.twin.thermal;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
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
        Facility f = gen.generate(new FacilityGenerator.Spec("prop", RACK_TYPES.get(rackType), gpuRacks, "llama-2-70b", 80));
        // vary rack power: every third rack (from phase) at powerScale × its typical power
        List<Rack> racks = new ArrayList<>();
        for (int i = 0; i < f.racks().size(); i++) {
            Rack r = f.racks().get(i);
            double typical = CatalogIo.builtIn().racks().stream().filter(t -> t.id().equals(r.type())).findFirst().orElseThrow()
                    .typicalPowerKw();
            racks.add(i % 3 == phase ? new Rack(r.id(), r.type(), r.rowId(), r.placement(), r.feeds(), r.coolingLoopId(),
                    typical * powerScale) : r);
        }
        Facility varied = f.withRacks(racks);
        ThermalSolver.Result res = solver.solve(varied, ThermalSolverTest.catalog(varied));
        ThermalSolverTest.assertConservation(res.report());
        ThermalSolverTest.assertThrottling(res);
    }
}
