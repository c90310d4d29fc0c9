package org.aifactory.twin.model;

/**
 * How a fabric is to be built.
 *
 * @param tiers switch tiers (2 = leaf/spine, 3 = leaf/spine/core)
 * @param oversubscription downlink to uplink bandwidth ratio at the leaves (1.0 = non-blocking)
 * @param switchType catalog id of the switch
 * @param nicType catalog id of the hosts' NIC speed class, or null for the rack type's NICs
 */
public record TopologySpec(TopologyType type, int tiers, double oversubscription, String switchType, String nicType) {

    public TopologySpec {
        Checks.required(type, "type");
        Checks.required(switchType, "switchType");
    }
}
