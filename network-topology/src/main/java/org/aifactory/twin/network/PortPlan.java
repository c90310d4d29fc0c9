package org.aifactory.twin.network;

/**
 * Port numbers for every link: at each node, its bundles take consecutive ports (0-based) in
 * bundle order, so bundle {@code i} occupies ports {@code [firstPortA(i), firstPortA(i) + count(i))}
 * at its lower end and likewise at its upper end. A port number at or above the node's port count
 * means the node is over-subscribed in ports ({@code NETWORK_PORTS_EXHAUSTED}).
 */
public final class PortPlan {
    private final int[] firstA;
    private final int[] firstB;

    private PortPlan(int[] firstA, int[] firstB) {
        this.firstA = firstA;
        this.firstB = firstB;
    }

    public static PortPlan assign(FabricGraph g) {
        int[] next = new int[g.nodeCount()];
        int[] firstA = new int[g.bundleCount()];
        int[] firstB = new int[g.bundleCount()];
        for (int i = 0; i < g.bundleCount(); i++) {
            firstA[i] = next[g.a(i)];
            next[g.a(i)] += g.count(i);
            firstB[i] = next[g.b(i)];
            next[g.b(i)] += g.count(i);
        }
        return new PortPlan(firstA, firstB);
    }

    /** First port of bundle {@code i} on its lower-tier end. */
    public int firstPortA(int i) {
        return firstA[i];
    }

    /** First port of bundle {@code i} on its upper-tier end. */
    public int firstPortB(int i) {
        return firstB[i];
    }
}
