package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The side of a rack's power feed: A and B for 2N, C as well for distributed redundancy (3N/2). */
public enum FeedSide {
    @JsonProperty("A")
    A,
    @JsonProperty("B")
    B,
    @JsonProperty("C")
    C
}
