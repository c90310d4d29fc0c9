package org.aifactory.twin.model;

import java.util.List;

/** A network fabric over a set of racks: its topology spec, its placed switches and its links. */
public record Fabric(
        String id,
        FabricKind kind,
        TopologySpec topology,
        List<String> racks,
        List<SwitchInstance> switches,
        List<Link> links) {

    public Fabric {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
        Checks.required(topology, "topology");
        racks = Checks.listOf(racks);
        switches = Checks.listOf(switches);
        links = Checks.listOf(links);
    }
}
