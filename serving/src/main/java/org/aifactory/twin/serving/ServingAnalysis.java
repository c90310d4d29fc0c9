package org.aifactory.twin.serving;

import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The {@code serving} analysis: emulates each deployment under its traffic for a bounded number of
 * requests ({@link ServingEmulation.Options#VALIDATE}) and reports tokens per second, TTFT and
 * inter-token latency percentiles, goodput and whether the SLOs hold. Stateless.
 */
public final class ServingAnalysis implements FacilityAnalysis {
    private final ServingEmulation emulation = new ServingEmulation();

    @Override
    public String name() {
        return "serving";
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        ServingEmulation.Outcome o = emulation.run(facility, catalog, ServingEmulation.Options.VALIDATE);
        return new AnalysisResult(o.findings(), o.report());
    }
}
