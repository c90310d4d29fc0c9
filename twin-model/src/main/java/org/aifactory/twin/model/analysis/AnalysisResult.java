package org.aifactory.twin.model.analysis;

import java.util.List;
import org.aifactory.twin.model.Checks;

/**
 * What one analysis says about a facility: its findings, a report object (a record or map)
 * serialized as-is under {@code analyses.<name>} in {@code validate --json}, and facts (records of
 * this package) that later analyses may read.
 */
public record AnalysisResult(List<Finding> findings, Object report, List<Object> facts) {

    public AnalysisResult {
        findings = Checks.listOf(findings);
        Checks.required(report, "report");
        facts = Checks.listOf(facts);
    }

    public AnalysisResult(List<Finding> findings, Object report) {
        this(findings, report, List.of());
    }
}
