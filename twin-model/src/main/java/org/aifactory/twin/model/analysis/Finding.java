package org.aifactory.twin.model.analysis;

import org.aifactory.twin.model.Checks;

/**
 * Something an analysis found about a design.
 *
 * @param code stable machine-readable code, e.g. {@code THERMAL_CDU_OVER_CAPACITY}
 * @param element id of the element it concerns, or null for the whole facility
 */
public record Finding(Severity severity, String code, String element, String message) {

    public Finding {
        Checks.required(severity, "severity");
        Checks.required(code, "code");
        Checks.required(message, "message");
    }
}
