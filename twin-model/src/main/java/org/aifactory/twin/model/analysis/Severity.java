package org.aifactory.twin.model.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How bad a finding is: an error is a design violation (validate exits 1). */
public enum Severity {
    @JsonProperty("error")
    ERROR,
    @JsonProperty("warning")
    WARNING,
    @JsonProperty("info")
    INFO
}
