package org.aifactory.twin.model.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a rack holds. */
public enum RackKind {
    @JsonProperty("gpu")
    GPU,
    @JsonProperty("network")
    NETWORK,
    @JsonProperty("storage")
    STORAGE,
    @JsonProperty("cpu")
    CPU
}
