package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Redundancy schemes (Uptime tiers in brackets). Sources: heathertechnologies.com "Data center
 * redundancy: N, N+1 and 2N explained"; northernlink.com "Distributed redundancy 3N/2"
 * (../shared/reference/ai-factory-reference.md §3).
 */
public enum RedundancyScheme {
    /** Just enough capacity (Tier I). */
    @JsonProperty("N")
    N,
    /** One spare unit (about Tier III, concurrently maintainable). */
    @JsonProperty("N+1")
    N_PLUS_1,
    /** Two independent full paths (Tier IV, fault tolerant). */
    @JsonProperty("2N")
    TWO_N,
    /** Distributed redundant, e.g. 3N/2: "three to make two". */
    @JsonProperty("distributed-redundant")
    DISTRIBUTED_REDUNDANT,
    /** Block redundant: a reserve "catcher" block picks up the load of a failed block. */
    @JsonProperty("block-redundant")
    BLOCK_REDUNDANT
}
