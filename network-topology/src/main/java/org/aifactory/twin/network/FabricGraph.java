package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fabric as the solver works on it: nodes (endpoint racks and switches) and link bundles, the
 * given ones from the facility file plus the generated ones. Bundles live in parallel int arrays
 * so that a campus fabric of ~1.2 million bundles stays compact; a bundle is oriented from its
 * lower-tier end ({@code a}) to its higher-tier end ({@code b}), endpoints being tier 0.
 *
 * <p>Built by {@link FabricGenerator}; read-only afterwards by convention (package-private
 * mutators).
 */
public final class FabricGraph {

    /** What a node is. */
    public enum Role {
        ENDPOINT,
        SWITCH
    }

    /**
     * A node. Positions are site coordinates (hall origin plus placement), metres.
     *
     * @param tier 0 for an endpoint rack, 1 for a leaf, 2 for a spine, 3 for a core switch
     * @param ports the switch's radix, or an endpoint rack's NIC count
     * @param portSpeedGbps port or NIC speed
     * @param gpus GPUs behind an endpoint rack (0 for switches)
     * @param rackId the rack the switch is mounted in (a proposed new rack for some generated
     *     switches), or the endpoint rack itself
     * @param rowId the row of that rack, or null
     * @param rackHeightM that rack's height
     * @param generated true when the solver generated the switch
     */
    public record Node(
            String id,
            Role role,
            int tier,
            int ports,
            double portSpeedGbps,
            int gpus,
            String switchType,
            String rackId,
            String rowId,
            String hallId,
            double xM,
            double yM,
            double rackHeightM,
            boolean generated) {}

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> cableNames = new ArrayList<>();
    private final Map<String, Integer> cableIndex = new HashMap<>();
    private int[] a = new int[256];
    private int[] b = new int[256];
    private int[] count = new int[256];
    private int[] cable = new int[256];
    private boolean[] generated = new boolean[256];
    private int bundles;
    private int[] adjacencyStart;
    private int[] adjacency;

    int addNode(Node node) {
        Integer previous = index.putIfAbsent(node.id(), nodes.size());
        if (previous != null) {
            throw new IllegalArgumentException("node id (" + node.id() + ") is used twice in the fabric");
        }
        nodes.add(node);
        adjacencyStart = null;
        return nodes.size() - 1;
    }

    /** Adds a bundle of {@code n} links; returns its index. {@code cableType} may be null (choose by reach). */
    int addBundle(int x, int y, int n, String cableType, boolean isGenerated) {
        if (n < 1) {
            throw new IllegalArgumentException("a bundle needs at least one link, got count " + n + " between "
                    + nodes.get(x).id() + " and " + nodes.get(y).id());
        }
        if (bundles == a.length) {
            int size = a.length * 2;
            a = Arrays.copyOf(a, size);
            b = Arrays.copyOf(b, size);
            count = Arrays.copyOf(count, size);
            cable = Arrays.copyOf(cable, size);
            generated = Arrays.copyOf(generated, size);
        }
        boolean swap = nodes.get(x).tier() > nodes.get(y).tier();
        a[bundles] = swap ? y : x;
        b[bundles] = swap ? x : y;
        count[bundles] = n;
        cable[bundles] = cableType == null
                ? -1
                : cableIndex.computeIfAbsent(cableType, k -> {
                    cableNames.add(k);
                    return cableNames.size() - 1;
                });
        generated[bundles] = isGenerated;
        adjacencyStart = null;
        return bundles++;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public Node node(int i) {
        return nodes.get(i);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Index of the node with this id, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public int bundleCount() {
        return bundles;
    }

    /** Lower-tier end of bundle {@code i}. */
    public int a(int i) {
        return a[i];
    }

    /** Higher-tier end of bundle {@code i}. */
    public int b(int i) {
        return b[i];
    }

    /** Links in bundle {@code i}. */
    public int count(int i) {
        return count[i];
    }

    public boolean generated(int i) {
        return generated[i];
    }

    /** The cable type the file names for bundle {@code i}, or null when the solver chooses. */
    public String cableType(int i) {
        return cable[i] < 0 ? null : cableNames.get(cable[i]);
    }

    /** One link's speed: the slower of its two ends (a 400G NIC on an 800G port runs at 400G). */
    public double linkSpeedGbps(int i) {
        return Math.min(nodes.get(a[i]).portSpeedGbps(), nodes.get(b[i]).portSpeedGbps());
    }

    /** Capacity of bundle {@code i} in each direction (links are full duplex), Gb/s. */
    public double capacityGbps(int i) {
        return count[i] * linkSpeedGbps(i);
    }

    /** Total links over all bundles. */
    public long linkCount() {
        long n = 0;
        for (int i = 0; i < bundles; i++) {
            n += count[i];
        }
        return n;
    }

    /** Ports in use on every node: the sum of its bundles' link counts. */
    public int[] portsUsed() {
        int[] used = new int[nodes.size()];
        for (int i = 0; i < bundles; i++) {
            used[a[i]] += count[i];
            used[b[i]] += count[i];
        }
        return used;
    }

    /** Bundle indices touching node {@code n} (computed once, in compressed-row form). */
    public int[] bundlesOf(int n) {
        if (adjacencyStart == null) {
            buildAdjacency();
        }
        return Arrays.copyOfRange(adjacency, adjacencyStart[n], adjacencyStart[n + 1]);
    }

    private void buildAdjacency() {
        int[] start = new int[nodes.size() + 1];
        for (int i = 0; i < bundles; i++) {
            start[a[i] + 1]++;
            start[b[i] + 1]++;
        }
        for (int n = 0; n < nodes.size(); n++) {
            start[n + 1] += start[n];
        }
        int[] fill = Arrays.copyOf(start, nodes.size());
        int[] adj = new int[2 * bundles];
        for (int i = 0; i < bundles; i++) {
            adj[fill[a[i]]++] = i;
            adj[fill[b[i]]++] = i;
        }
        adjacency = adj;
        adjacencyStart = start;
    }

    /** Node indices of the switches of {@code tier}, in insertion order. */
    public List<Integer> switchesOfTier(int tier) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).role() == Role.SWITCH && nodes.get(i).tier() == tier) {
                out.add(i);
            }
        }
        return out;
    }

    /** Node indices of the endpoint racks, in insertion (fabric) order. */
    public List<Integer> endpoints() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).role() == Role.ENDPOINT) {
                out.add(i);
            }
        }
        return out;
    }

    /** Highest switch tier present (0 when there are no switches). */
    public int topTier() {
        int top = 0;
        for (Node n : nodes) {
            if (n.role() == Role.SWITCH) {
                top = Math.max(top, n.tier());
            }
        }
        return top;
    }
}
