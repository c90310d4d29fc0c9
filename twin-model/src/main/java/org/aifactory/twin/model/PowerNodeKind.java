package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of equipment in the power chain, from the utility down to the rack feeds. */
public enum PowerNodeKind {
    @JsonProperty("utility")
    UTILITY,
    @JsonProperty("generator")
    GENERATOR,
    @JsonProperty("mv-switchgear")
    MV_SWITCHGEAR,
    @JsonProperty("transformer")
    TRANSFORMER,
    @JsonProperty("lv-switchgear")
    LV_SWITCHGEAR,
    @JsonProperty("ups")
    UPS,
    @JsonProperty("busway")
    BUSWAY,
    @JsonProperty("pdu")
    PDU;

    /** True for the kinds a rack may be fed from directly. */
    public boolean feedsRacks() {
        return this == BUSWAY || this == PDU;
    }

    /** True for sources: nodes with no input. */
    public boolean isSource() {
        return this == UTILITY || this == GENERATOR;
    }
}
