package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Priority tier of a tenant's requests in a shared deployment, highest first. */
public enum TenantTier {
    @JsonProperty("premium")
    PREMIUM,
    @JsonProperty("standard")
    STANDARD,
    @JsonProperty("basic")
    BASIC
}
