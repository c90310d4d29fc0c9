package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How requests arrive. */
public enum ArrivalKind {
    @JsonProperty("poisson")
    POISSON,
    @JsonProperty("burst")
    BURST,
    @JsonProperty("diurnal")
    DIURNAL,
    @JsonProperty("trace")
    TRACE
}
