package org.aifactory.twin.model;

/** A switch of a catalog type at a tier (1 = leaf), mounted in a network rack. */
public record SwitchInstance(String id, String type, int tier, String rackId) {

    public SwitchInstance {
        Checks.required(id, "id");
        Checks.required(type, "type");
    }
}
