package org.aifactory.twin.thermal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.CoolingPowerFact;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.HourlyClimateFact;
import org.aifactory.twin.model.analysis.RackPowerLimitFact;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The {@code thermal} analysis: runs {@link ThermalSolver} (over the {@link HourlyClimateFact} in
 * the context if the app read one, else the site's synthetic climate) and publishes the cooling
 * plant's power ({@link CoolingPowerFact}) for the power analysis and, only when some racks'
 * coolant ends above their limits, a {@link RackPowerLimitFact} with the GPU power each can sustain
 * for the serving analysis. Stateless.
 */
public final class ThermalAnalysis implements FacilityAnalysis {
    private final ThermalSolver solver = new ThermalSolver();

    @Override
    public String name() {
        return "thermal";
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        ThermalSolver.Options options = context.fact(HourlyClimateFact.class)
                .map(ThermalSolver.Options::new)
                .orElse(ThermalSolver.Options.DEFAULT);
        ThermalSolver.Result r = solver.solve(facility, catalog, options);
        ThermalReport report = r.report();
        List<Object> facts = new ArrayList<>();
        facts.add(new CoolingPowerFact(report.coolingPowerKw(), report.annualMeanCoolingPowerKw()));
        if (!r.gpuPowerFractionByRack().isEmpty()) {
            facts.add(new RackPowerLimitFact(
                    name(),
                    r.gpuPowerFractionByRack(),
                    String.format(
                            Locale.ROOT,
                            "%d racks' coolant ends above their supply or return limit at the design ambient (%.1f °C dry bulb): their GPUs "
                                    + "throttle to the heat the coolant can carry within the limits",
                            r.gpuPowerFractionByRack().size(),
                            report.designDryBulbC())));
        }
        return new AnalysisResult(r.findings(), report, facts);
    }
}
