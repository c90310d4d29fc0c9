package org.aifactory.twin.model.analysis;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * One analysis a solver module contributes to {@code validate}. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services} entry in the solver's jar), so the
 * application needs no knowledge of their internals. They must be stateless: the same instance
 * may analyse several facilities, even at once.
 *
 * <p>Solvers never depend on each other. When one needs another's answer (the power analysis
 * needs the cooling power the thermal analysis computes), the producer publishes a fact, a record
 * defined in this package such as {@link CoolingPowerFact}, and the consumer names the producer
 * in {@link #after()} and reads the fact from the {@link AnalysisContext}; without the producer it
 * falls back to a documented assumption.
 */
public interface FacilityAnalysis {

    /** The key of this analysis in reports: "thermal", "power", "network", "serving". */
    String name();

    /** Names of analyses whose facts this one reads; they run first when present. */
    default List<String> after() {
        return List.of();
    }

    /** Analyses a facility that has passed validation (every reference resolves). */
    AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context);
}
