package org.aifactory.twin.model.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;

/**
 * Runs every analysis the solver modules provide ({@link ServiceLoader} over
 * {@link FacilityAnalysis}), in name order, and gathers findings and reports.
 */
public final class AnalysisPipeline {
    private final List<FacilityAnalysis> analyses;

    public AnalysisPipeline(List<FacilityAnalysis> analyses) {
        this.analyses = order(analyses);
    }

    /** Name order, except that an analysis runs after those it names in {@code after()}. */
    static List<FacilityAnalysis> order(List<FacilityAnalysis> analyses) {
        List<FacilityAnalysis> pending = new ArrayList<>(analyses);
        pending.sort(Comparator.comparing(FacilityAnalysis::name));
        List<FacilityAnalysis> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            FacilityAnalysis next = pending.stream()
                    .filter(a -> a.after().stream()
                            .noneMatch(dep ->
                                    pending.stream().anyMatch(p -> p.name().equals(dep))))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("analyses depend on each other in a cycle: "
                            + pending.stream().map(FacilityAnalysis::name).toList()));
            ordered.add(next);
            pending.remove(next);
        }
        return List.copyOf(ordered);
    }

    /** The analyses found on the class path. */
    public static AnalysisPipeline discover() {
        List<FacilityAnalysis> found = new ArrayList<>();
        ServiceLoader.load(FacilityAnalysis.class).forEach(found::add);
        return new AnalysisPipeline(found);
    }

    public List<String> names() {
        return analyses.stream().map(FacilityAnalysis::name).toList();
    }

    /** Findings from all analyses, and each analysis's report under its name. */
    public record Outcome(List<Finding> findings, Map<String, Object> reports, Map<String, Long> millis) {}

    public Outcome run(Facility facility) {
        return run(facility, List.of());
    }

    /**
     * Runs the analyses with {@code initialFacts} already published (e.g. an
     * {@link HourlyClimateFact} read by the app): every analysis sees them first in its context.
     */
    public Outcome run(Facility facility, List<?> initialFacts) {
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), facility.catalog());
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> reports = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        List<Object> facts = new ArrayList<>(initialFacts);
        for (FacilityAnalysis analysis : analyses) {
            long t0 = System.nanoTime();
            List<Object> published = List.copyOf(facts);
            AnalysisResult result = analysis.analyze(facility, catalog, () -> published);
            facts.addAll(result.facts());
            millis.put(analysis.name(), (System.nanoTime() - t0) / 1_000_000);
            findings.addAll(result.findings());
            reports.put(analysis.name(), result.report());
        }
        return new Outcome(List.copyOf(findings), reports, millis);
    }
}
