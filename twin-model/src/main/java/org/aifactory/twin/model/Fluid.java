package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Coolants: water, or 25 % propylene glycol in water (the Rubin reference coolant). */
public enum Fluid {
    @JsonProperty("water")
    WATER,
    @JsonProperty("pg25")
    PG25
}
