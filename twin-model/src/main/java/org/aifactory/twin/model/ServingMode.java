package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Aggregated (prefill and decode on the same workers) or disaggregated serving. */
public enum ServingMode {
    @JsonProperty("aggregated")
    AGGREGATED,
    @JsonProperty("disaggregated")
    DISAGGREGATED
}
