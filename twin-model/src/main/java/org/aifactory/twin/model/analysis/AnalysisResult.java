package org.aifactory.twin.model.analysis;

import java.util.List;
import org.aifactory.twin.model.Checks;

/**
 * What one analysis says about a facility: its findings, and a report object (a record or map)
 * serialized as-is under {@code analyses.<name>} in {@code validate --json}.
 */
public record AnalysisResult(List<Finding> findings, Object report) {

    public AnalysisResult {
        findings = Checks.listOf(findings);
        Checks.required(report, "report");
    }
}
