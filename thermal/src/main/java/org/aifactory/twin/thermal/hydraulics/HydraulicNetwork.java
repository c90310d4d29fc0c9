package org.aifactory.twin.thermal.hydraulics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network of nodes joined by edges with {@link EdgeLaw}s, with external flows injected at nodes
 * (positive into the network) and one reference node whose potential is fixed at 0. A closed
 * coolant loop has no injections; a textbook supply network has one inflow and several demands
 * (injections must sum to zero). Immutable; build it with {@link #builder(int)}.
 */
public final class HydraulicNetwork {
    private final int nodeCount;
    private final int[] from;
    private final int[] to;
    private final EdgeLaw[] laws;
    private final double[] injections;
    private final int referenceNode;

    private HydraulicNetwork(
            int nodeCount, int[] from, int[] to, EdgeLaw[] laws, double[] injections, int referenceNode) {
        this.nodeCount = nodeCount;
        this.from = from;
        this.to = to;
        this.laws = laws;
        this.injections = injections;
        this.referenceNode = referenceNode;
    }

    public static Builder builder(int nodeCount) {
        return new Builder(nodeCount);
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int edgeCount() {
        return from.length;
    }

    public int from(int edge) {
        return from[edge];
    }

    public int to(int edge) {
        return to[edge];
    }

    public EdgeLaw law(int edge) {
        return laws[edge];
    }

    public double injection(int node) {
        return injections[node];
    }

    public int referenceNode() {
        return referenceNode;
    }

    /** The same network with one edge's law replaced (e.g. a pump at another speed). */
    public HydraulicNetwork withLaw(int edge, EdgeLaw law) {
        EdgeLaw[] copy = laws.clone();
        copy[edge] = law;
        return new HydraulicNetwork(nodeCount, from, to, copy, injections, referenceNode);
    }

    /**
     * Net flow leaving each node through its edges minus its injection: zero everywhere when
     * Kirchhoff's current law holds.
     */
    public double[] nodeImbalance(double[] flows) {
        double[] r = new double[nodeCount];
        for (int e = 0; e < from.length; e++) {
            r[from[e]] += flows[e];
            r[to[e]] -= flows[e];
        }
        for (int i = 0; i < nodeCount; i++) {
            r[i] -= injections[i];
        }
        return r;
    }

    /** Collects nodes, edges and injections. */
    public static final class Builder {
        private final int nodeCount;
        private final List<int[]> ends = new ArrayList<>();
        private final List<EdgeLaw> laws = new ArrayList<>();
        private final double[] injections;
        private int referenceNode;

        private Builder(int nodeCount) {
            if (nodeCount < 2) {
                throw new IllegalArgumentException("nodeCount (" + nodeCount + ") must be at least 2");
            }
            this.nodeCount = nodeCount;
            this.injections = new double[nodeCount];
        }

        /** Adds an edge and returns its index. */
        public int edge(int fromNode, int toNode, EdgeLaw law) {
            checkNode(fromNode);
            checkNode(toNode);
            if (fromNode == toNode) {
                throw new IllegalArgumentException("edge from node " + fromNode + " to itself");
            }
            ends.add(new int[] {fromNode, toNode});
            laws.add(law);
            return laws.size() - 1;
        }

        public Builder inject(int node, double flow) {
            checkNode(node);
            injections[node] += flow;
            return this;
        }

        public Builder reference(int node) {
            checkNode(node);
            referenceNode = node;
            return this;
        }

        private void checkNode(int node) {
            if (node < 0 || node >= nodeCount) {
                throw new IllegalArgumentException("node " + node + " is outside 0.." + (nodeCount - 1));
            }
        }

        public HydraulicNetwork build() {
            int m = ends.size();
            int[] f = new int[m];
            int[] t = new int[m];
            for (int e = 0; e < m; e++) {
                f[e] = ends.get(e)[0];
                t[e] = ends.get(e)[1];
            }
            double sum = Arrays.stream(injections).sum();
            double scale = Arrays.stream(injections).map(Math::abs).sum();
            if (Math.abs(sum) > 1e-12 * Math.max(scale, 1e-300) && scale > 0) {
                throw new IllegalArgumentException("injections must sum to zero, they sum to " + sum);
            }
            return new HydraulicNetwork(
                    nodeCount, f, t, laws.toArray(EdgeLaw[]::new), injections.clone(), referenceNode);
        }
    }
}
