package org.aifactory.twin.model.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Ways to reject heat to ambient. */
public enum HeatRejectionKind {
    @JsonProperty("dry-cooler")
    DRY_COOLER,
    @JsonProperty("chiller")
    CHILLER,
    @JsonProperty("cooling-tower")
    COOLING_TOWER
}
