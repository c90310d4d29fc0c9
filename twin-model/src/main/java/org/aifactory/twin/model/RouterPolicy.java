package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How requests are routed to workers (Dynamo's router offers the KV-cache-aware one). */
public enum RouterPolicy {
    @JsonProperty("round-robin")
    ROUND_ROBIN,
    @JsonProperty("least-loaded")
    LEAST_LOADED,
    @JsonProperty("kv-aware")
    KV_AWARE
}
