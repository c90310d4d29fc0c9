package org.aifactory.twin.model.analysis;

import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * One analysis a solver module contributes to {@code validate}. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services} entry in the solver's jar), so the
 * application needs no knowledge of their internals. They must be stateless: the same instance
 * may analyse several facilities, even at once.
 */
public interface FacilityAnalysis {

    /** The key of this analysis in reports: "thermal", "power", "network", "serving". */
    String name();

    /** Analyses a facility that has passed validation (every reference resolves). */
    AnalysisResult analyze(Facility facility, CatalogIndex catalog);
}
