package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fabric folded into groups of interchangeable nodes, so that flow questions on a campus of
 * ~576,000 GPUs run on a few thousand vertices instead of millions of links:
 * <ul>
 *   <li>cores (tier 3): one group per set of pods they reach (a single group when every core
 *       reaches every pod, as in a k-ary fat tree);</li>
 *   <li>spines: one group per pod, a pod being a connected set of leaves and spines;</li>
 *   <li>leaves: one group per (pod, set of racks they serve): the 8 rail leaves of a scalable unit
 *       form one group;</li>
 *   <li>endpoint racks: one group per set of leaf groups they reach (a scalable unit's racks),
 *       except groups the caller asks to keep apart as single racks (to cut a bisection inside).</li>
 * </ul>
 * Group-to-group capacity is the sum of the link bundles between members. Folding assumes that
 * traffic spreads evenly over a group's members (ECMP over equal paths, NCCL PXN keeping traffic on
 * its rail), which is what the reference designs are built for; docs/network.md discusses it.
 */
final class Aggregation {

    final FabricGraph graph;
    /** Group of each node of {@link #graph}. */
    final int[] groupOf;
    /** Tier of each group (0 = endpoint racks). */
    final int[] tier;
    /** Member nodes of each group. */
    final List<int[]> members;
    /** Injection capacity of each endpoint node (sum of its bundles), Gb/s; 0 for switches. */
    final double[] injectionGbps;

    private Aggregation(FabricGraph graph, int[] groupOf, int[] tier, List<int[]> members, double[] injectionGbps) {
        this.graph = graph;
        this.groupOf = groupOf;
        this.tier = tier;
        this.members = members;
        this.injectionGbps = injectionGbps;
    }

    int groupCount() {
        return tier.length;
    }

    static Aggregation of(FabricGraph g) {
        return of(g, new boolean[g.nodeCount()]);
    }

    /** Groups {@code g}'s nodes; endpoint racks flagged in {@code single} get a group each. */
    static Aggregation of(FabricGraph g, boolean[] single) {
        int n = g.nodeCount();
        int[] pod = pods(g);
        Map<String, Integer> keys = new LinkedHashMap<>();
        int[] groupOf = new int[n];
        List<Integer> tiers = new ArrayList<>();
        // switches first, top down, so that leaf and endpoint keys can name groups
        int top = g.topTier();
        for (int t = top; t >= 1; t--) {
            for (int s : g.switchesOfTier(t)) {
                String key;
                if (t >= 3) {
                    key = "T" + t + ":" + podsAbove(g, s, pod);
                } else if (t == 2) {
                    key = "P" + pod[s];
                } else {
                    key = "L" + pod[s] + ":" + neighbours(g, s, 0, groupOf, false);
                }
                groupOf[s] = group(keys, key, tiers, t);
            }
        }
        for (int e : g.endpoints()) {
            String key = single[e] || g.bundlesOf(e).length == 0 ? "E!" + e : "E" + neighbours(g, e, 1, groupOf, true);
            groupOf[e] = group(keys, key, tiers, 0);
        }
        int[] tier = tiers.stream().mapToInt(Integer::intValue).toArray();
        int[] size = new int[tier.length];
        for (int i = 0; i < n; i++) {
            size[groupOf[i]]++;
        }
        List<int[]> members = new ArrayList<>();
        int[] fill = new int[tier.length];
        for (int k = 0; k < tier.length; k++) {
            members.add(new int[size[k]]);
        }
        for (int i = 0; i < n; i++) {
            members.get(groupOf[i])[fill[groupOf[i]]++] = i;
        }
        double[] injection = new double[n];
        for (int b = 0; b < g.bundleCount(); b++) {
            if (g.node(g.a(b)).tier() == 0 && g.node(g.b(b)).tier() > 0) {
                injection[g.a(b)] += g.capacityGbps(b);
            }
        }
        return new Aggregation(g, groupOf, tier, members, injection);
    }

    private static int group(Map<String, Integer> keys, String key, List<Integer> tiers, int t) {
        Integer k = keys.get(key);
        if (k == null) {
            k = tiers.size();
            keys.put(key, k);
            tiers.add(t);
        }
        return k;
    }

    /** Sorted neighbours of {@code node} of tier {@code wanted}, as node ids or (if {@code asGroups}) group ids. */
    private static String neighbours(FabricGraph g, int node, int wanted, int[] groupOf, boolean asGroups) {
        int[] bundles = g.bundlesOf(node);
        int[] out = new int[bundles.length];
        int k = 0;
        for (int b : bundles) {
            int other = g.a(b) == node ? g.b(b) : g.a(b);
            if (g.node(other).tier() == wanted) {
                out[k++] = asGroups ? groupOf[other] : other;
            }
        }
        int[] sorted = Arrays.copyOf(out, k);
        Arrays.sort(sorted);
        return Arrays.toString(Arrays.stream(sorted).distinct().toArray());
    }

    /** Sorted pods of the spines below core {@code s}. */
    private static String podsAbove(FabricGraph g, int s, int[] pod) {
        java.util.TreeSet<Integer> pods = new java.util.TreeSet<>();
        for (int b : g.bundlesOf(s)) {
            int other = g.a(b) == s ? g.b(b) : g.a(b);
            if (g.node(other).tier() == 2) {
                pods.add(pod[other]);
            }
        }
        return pods.toString();
    }

    /** Pod number of every tier-1 and tier-2 switch: connected components over leaf-spine bundles. */
    static int[] pods(FabricGraph g) {
        int n = g.nodeCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int b = 0; b < g.bundleCount(); b++) {
            int ta = g.node(g.a(b)).tier();
            int tb = g.node(g.b(b)).tier();
            if (ta >= 1 && ta <= 2 && tb >= 1 && tb <= 2) {
                int ra = find(parent, g.a(b));
                int rb = find(parent, g.b(b));
                if (ra != rb) {
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        int[] pod = new int[n];
        for (int i = 0; i < n; i++) {
            pod[i] = find(parent, i);
        }
        return pod;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Capacity between groups, Gb/s each way, keyed {@code min * groups + max}; bundles inside a
     * group and those in {@code removed} are left out.
     */
    Map<Long, Double> capacities(boolean[] removed) {
        Map<Long, Double> caps = new HashMap<>();
        long groups = groupCount();
        for (int b = 0; b < graph.bundleCount(); b++) {
            if (removed != null && removed[b]) {
                continue;
            }
            int x = groupOf[graph.a(b)];
            int y = groupOf[graph.b(b)];
            if (x == y) {
                continue;
            }
            long key = Math.min(x, y) * groups + Math.max(x, y);
            caps.merge(key, graph.capacityGbps(b), Double::sum);
        }
        return caps;
    }

    /** Endpoint groups, in the fabric's order of racks. */
    List<Integer> endpointGroups() {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < tier.length; k++) {
            if (tier[k] == 0) {
                out.add(k);
            }
        }
        out.sort((p, q) -> Integer.compare(members.get(p)[0], members.get(q)[0]));
        return out;
    }

    /** Injection of an endpoint group, Gb/s. */
    double injectionGbps(int group) {
        double sum = 0;
        for (int m : members.get(group)) {
            sum += injectionGbps[m];
        }
        return sum;
    }

    /** GPUs of an endpoint group. */
    long gpus(int group) {
        long sum = 0;
        for (int m : members.get(group)) {
            sum += graph.node(m).gpus();
        }
        return sum;
    }
}
