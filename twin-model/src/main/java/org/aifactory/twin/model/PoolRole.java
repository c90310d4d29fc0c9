package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a worker pool does. */
public enum PoolRole {
    @JsonProperty("aggregated")
    AGGREGATED,
    @JsonProperty("prefill")
    PREFILL,
    @JsonProperty("decode")
    DECODE
}
