package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.List;

/**
 * One single failure of the N-1 analysis: a power node out of service, or one power shelf of a
 * rack lost.
 *
 * @param index the node index for {@link Type#NODE}, the rack index for {@link Type#SHELF}
 */
record Failure(Type type, int index) {

    enum Type {
        NODE,
        SHELF
    }

    /**
     * Every single failure of the graph: each node (all kinds: utility, generator, switchgear,
     * transformer, UPS, busway, PDU) in facility order, then one shelf of each rack that has
     * power shelves and feeds (a rack's shelves are alike, so one case per rack covers them).
     */
    static List<Failure> all(PowerGraph g) {
        List<Failure> list = new ArrayList<>(g.nodeCount + g.rackCount);
        for (int i = 0; i < g.nodeCount; i++) {
            list.add(new Failure(Type.NODE, i));
        }
        for (int r = 0; r < g.rackCount; r++) {
            if (g.rackShelves[r] > 0 && g.rackFeeds[r].length > 0) {
                list.add(new Failure(Type.SHELF, r));
            }
        }
        return List.copyOf(list);
    }

    /** The failed element's id: the node id, or {@code <rack id>/power-shelf}. */
    String elementId(PowerGraph g) {
        return type == Type.NODE ? g.nodeIds[index] : g.rackIds[index] + "/power-shelf";
    }
}
