package org.aifactory.twin.model;

/**
 * A bundle of {@code count} identical links between two endpoints: switch ids, or a rack id
 * (meaning that rack's NICs).
 *
 * @param cableType catalog id of the cable or transceiver, or null to let the network solver choose by reach
 */
public record Link(String a, String b, int count, String cableType) {

    public Link {
        Checks.required(a, "a");
        Checks.required(b, "b");
    }
}
