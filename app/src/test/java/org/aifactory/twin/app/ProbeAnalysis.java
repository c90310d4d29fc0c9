package org.aifactory.twin.app;

import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * A test-only analysis registered through META-INF/services, proving that validate discovers
 * analyses it does not know: it reports the rack count, and a violation when the site's name
 * asks for one.
 */
public final class ProbeAnalysis implements FacilityAnalysis {
    static final String TRIGGER = "PROBE-VIOLATION";

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        List<Finding> findings = facility.site().name().contains(TRIGGER)
                ? List.of(new Finding(
                        Severity.ERROR,
                        "PROBE_VIOLATION",
                        facility.racks().get(0).id(),
                        "asked for by the site name"))
                : List.of();
        return new AnalysisResult(findings, Map.of("racks", facility.racks().size()));
    }
}
