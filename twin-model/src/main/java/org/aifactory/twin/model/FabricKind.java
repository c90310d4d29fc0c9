package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a fabric carries (GB200 SuperPOD RA: compute InfiniBand, storage + in-band Ethernet, out-of-band). */
public enum FabricKind {
    @JsonProperty("compute-infiniband")
    COMPUTE_INFINIBAND,
    @JsonProperty("compute-ethernet")
    COMPUTE_ETHERNET,
    @JsonProperty("frontend-ethernet")
    FRONTEND_ETHERNET,
    @JsonProperty("storage-ethernet")
    STORAGE_ETHERNET,
    @JsonProperty("out-of-band")
    OUT_OF_BAND
}
