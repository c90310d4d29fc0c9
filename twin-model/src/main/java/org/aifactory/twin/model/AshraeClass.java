package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * ASHRAE TC 9.9 liquid-cooling classes (2021 naming): the number is the maximum facility-water
 * supply temperature in °C (source: ASHRAE TC 9.9 liquid-cooling white paper 2021, pp. 4, 8, as
 * quoted in ../shared/reference/ai-factory-reference.md §2d).
 */
public enum AshraeClass {
    @JsonProperty("W17")
    W17(17),
    @JsonProperty("W27")
    W27(27),
    @JsonProperty("W32")
    W32(32),
    @JsonProperty("W40")
    W40(40),
    @JsonProperty("W45")
    W45(45),
    /** Above 45 °C; no upper bound set by the class. */
    @JsonProperty("W+")
    W_PLUS(Double.POSITIVE_INFINITY);

    private final double maxSupplyC;

    AshraeClass(double maxSupplyC) {
        this.maxSupplyC = maxSupplyC;
    }

    public double maxSupplyC() {
        return maxSupplyC;
    }
}
