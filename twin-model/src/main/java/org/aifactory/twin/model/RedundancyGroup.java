package org.aifactory.twin.model;

import java.util.List;

/** A group of power nodes that share load under a redundancy scheme. */
public record RedundancyGroup(String id, RedundancyScheme scheme, List<String> members) {

    public RedundancyGroup {
        Checks.required(id, "id");
        Checks.required(scheme, "scheme");
        members = Checks.listOf(members);
    }
}
