package org.aifactory.twin.model;

import java.util.List;

/** The power chain as a graph of nodes (edges are each node's {@code inputs}) and redundancy groups. */
public record PowerChain(List<PowerNode> nodes, List<RedundancyGroup> redundancyGroups) {

    public static final PowerChain EMPTY = new PowerChain(List.of(), List.of());

    public PowerChain {
        nodes = Checks.listOf(nodes);
        redundancyGroups = Checks.listOf(redundancyGroups);
    }
}
