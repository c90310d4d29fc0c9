package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Fabric topologies the network solver can build. */
public enum TopologyType {
    @JsonProperty("fat-tree")
    FAT_TREE,
    @JsonProperty("rail-optimized")
    RAIL_OPTIMIZED
}
