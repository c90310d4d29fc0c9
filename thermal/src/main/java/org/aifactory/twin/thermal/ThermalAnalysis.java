package org.aifactory.twin.thermal;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.CoolingPowerFact;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The {@code thermal} analysis: runs {@link ThermalSolver} and publishes the cooling plant's power
 * ({@link CoolingPowerFact}) for the power analysis. Stateless.
 */
public final class ThermalAnalysis implements FacilityAnalysis {
    private final ThermalSolver solver = new ThermalSolver();

    @Override
    public String name() {
        return "thermal";
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        ThermalSolver.Result r = solver.solve(facility, catalog);
        ThermalReport report = r.report();
        return new AnalysisResult(r.findings(), report,
                List.of(new CoolingPowerFact(report.coolingPowerKw(), report.annualMeanCoolingPowerKw())));
    }
}
