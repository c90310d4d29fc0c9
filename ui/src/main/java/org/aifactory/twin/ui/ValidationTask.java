package org.aifactory.twin.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.concurrent.Task;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.ui.analysis.AnalysisResults;

/**
 * Runs every analysis on the class path over one facility, off the FX thread. The pipeline runs
 * as one call, so progress is indeterminate; a cancelled task's result is thrown away by the
 * window (the solvers themselves are not interruptible, so the worker runs out in the background).
 */
public final class ValidationTask extends Task<AnalysisResults> {
    private final Facility facility;
    private final Function<Facility, AnalysisResults> analyses;

    /** {@code file}: where the facility was read from (null for a new one); its site's climateFile is resolved there. */
    ValidationTask(String name, Facility facility, Path file) {
        this(name, facility, f -> AnalysisResults.run(f, file));
    }

    /** For tests: {@code analyses} stands in for the pipeline (e.g. a slow one, to cancel). */
    ValidationTask(String name, Facility facility, Function<Facility, AnalysisResults> analyses) {
        this.facility = facility;
        this.analyses = analyses;
        updateTitle("Validate " + name);
    }

    @Override
    protected AnalysisResults call() {
        List<String> names = AnalysisPipeline.discover().names();
        updateProgress(-1, 1);
        updateMessage(
                names.isEmpty()
                        ? "Validating (no analyses installed)..."
                        : String.format(
                                Locale.ROOT,
                                "Running %s on %,d racks...",
                                String.join(", ", names),
                                facility.racks().size()));
        AnalysisResults results = analyses.apply(facility);
        updateProgress(1, 1);
        return results;
    }

    public Facility facility() {
        return facility;
    }
}
