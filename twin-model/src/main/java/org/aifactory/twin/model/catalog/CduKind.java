package org.aifactory.twin.model.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a CDU sits (resistancezero.com CDU selection guide; Vertiv CDU architectures). */
public enum CduKind {
    @JsonProperty("in-rack")
    IN_RACK,
    @JsonProperty("in-row")
    IN_ROW,
    @JsonProperty("perimeter")
    PERIMETER
}
