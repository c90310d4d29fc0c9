package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Shapes of token-length distributions. */
public enum DistributionKind {
    @JsonProperty("fixed")
    FIXED,
    @JsonProperty("uniform")
    UNIFORM,
    @JsonProperty("lognormal")
    LOGNORMAL
}
