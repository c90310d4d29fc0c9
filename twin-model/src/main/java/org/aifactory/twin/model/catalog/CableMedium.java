package org.aifactory.twin.model.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Cable and transceiver technologies, in order of reach. */
public enum CableMedium {
    @JsonProperty("dac")
    DAC,
    @JsonProperty("acc")
    ACC,
    @JsonProperty("aoc")
    AOC,
    @JsonProperty("optics-mm")
    OPTICS_MULTIMODE,
    @JsonProperty("optics-sm")
    OPTICS_SINGLEMODE
}
