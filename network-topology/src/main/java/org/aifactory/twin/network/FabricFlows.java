package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Flow questions on an {@link Aggregation}: bisection bandwidth (JGraphT push-relabel max flow
 * between the two halves of the racks), all-to-all link loads with ECMP splitting, the max
 * concurrent flow bound over the fabric's tree cuts, switch hops and reachability.
 *
 * <p>Traffic model (docs/network.md, "Throughput"): uniform all-to-all between racks, rack
 * {@code a} sending {@code inj_a * inj_b / (N - inj_a)} to every other rack {@code b}, where
 * {@code inj} is a rack's injection capacity (its linked NICs) and {@code N} the sum over racks;
 * traffic inside a rack uses NVLink. Other patterns (ring all-reduce across racks, prefill to
 * decode KV-cache transfer) go through the same ECMP shares and cut bound ({@link #pattern}).
 * Immutable once built; every method is a pure function of the aggregation and a capacity map.
 */
final class FabricFlows {

    /** Bisection: the two halves and the max flow between them. */
    record Bisection(boolean[] halfA, double capacityGbps, double injectionAGbps, double injectionBGbps) {}

    /** All-to-all under ECMP and the max concurrent flow bound. */
    record AllToAll(double maxUtilization, double ecmpFraction, double cutBoundFraction, int cuts) {}

    /** A traffic pattern under ECMP and its max concurrent flow bound; demand in Gb/s. */
    record Pattern(double demandGbps, double maxUtilization, double ecmpFraction, double cutBoundFraction, int cuts) {}

    /**
     * Demand between endpoint groups, Gb/s: rank-one terms (group g sends {@code p[g] q[h]} to
     * group h) plus directed sparse entries keyed {@code g * groups + h}. Traffic inside a group
     * (racks on the same leaves) never leaves the leaves and is left out, except from
     * {@link #hostUtilization}, the busiest NIC's load over its bandwidth.
     */
    static final class Demand {
        final List<double[][]> rankOne = new ArrayList<>();
        final Map<Long, Double> sparse = new HashMap<>();
        double hostUtilization;
        double totalGbps;
    }

    private final Aggregation agg;
    private final Map<Long, Double> caps;
    private final double totalInjection;

    FabricFlows(Aggregation agg, Map<Long, Double> caps) {
        this.agg = agg;
        this.caps = caps;
        double sum = 0;
        for (int e : agg.endpointGroups()) {
            sum += agg.injectionGbps(e);
        }
        this.totalInjection = sum;
    }

    double totalInjectionGbps() {
        return totalInjection;
    }

    // ---- graphs -----------------------------------------------------------------------------------

    /** Directed flow network: each group pair with capacity becomes two arcs; vertices G and G+1 are source and sink. */
    private Graph<Integer, DefaultWeightedEdge> network(Map<Long, Double> capacities) {
        int groups = agg.groupCount();
        Graph<Integer, DefaultWeightedEdge> net = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int k = 0; k < groups + 2; k++) {
            net.addVertex(k);
        }
        capacities.forEach((key, cap) -> {
            if (cap > Tolerances.EPSILON) {
                int x = (int) (key / groups);
                int y = (int) (key % groups);
                net.setEdgeWeight(net.addEdge(x, y), cap);
                net.setEdgeWeight(net.addEdge(y, x), cap);
            }
        });
        return net;
    }

    /** Max flow from {@code supply} (group -> Gb/s) to {@code demand} (group -> Gb/s) over {@code capacities}. */
    double maxFlow(Map<Long, Double> capacities, Map<Integer, Double> supply, Map<Integer, Double> demand) {
        Graph<Integer, DefaultWeightedEdge> net = network(capacities);
        int source = agg.groupCount();
        int sink = source + 1;
        supply.forEach((g, c) -> {
            if (c > Tolerances.EPSILON) {
                net.setEdgeWeight(net.addEdge(source, g), c);
            }
        });
        demand.forEach((g, c) -> {
            if (c > Tolerances.EPSILON) {
                net.setEdgeWeight(net.addEdge(g, sink), c);
            }
        });
        return new PushRelabelMFImpl<>(net, Tolerances.EPSILON).getMaximumFlowValue(source, sink);
    }

    private Graph<Integer, DefaultEdge> undirected() {
        Graph<Integer, DefaultEdge> u = new SimpleGraph<>(DefaultEdge.class);
        int groups = agg.groupCount();
        for (int k = 0; k < groups; k++) {
            u.addVertex(k);
        }
        caps.forEach((key, cap) -> {
            if (cap > Tolerances.EPSILON) {
                u.addEdge((int) (key / groups), (int) (key % groups));
            }
        });
        return u;
    }

    // ---- bisection ----------------------------------------------------------------------------------

    /**
     * The first endpoint groups, in rack order, up to half the injection form half A (the cut a
     * tree-aligned split of the racks makes, the worst for a fat tree). The caller must have kept
     * the group that straddles the half as single racks ({@link #straddlingGroup}).
     */
    Bisection bisection() {
        List<Integer> order = agg.endpointGroups();
        boolean[] halfA = new boolean[agg.groupCount()];
        double cum = 0;
        int split = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= order.size(); i++) {
            double gap = Math.abs(cum - totalInjection / 2);
            if (gap < best - Tolerances.EPSILON) {
                best = gap;
                split = i;
            }
            if (i < order.size()) {
                cum += agg.injectionGbps(order.get(i));
            }
        }
        for (int i = 0; i < split; i++) {
            halfA[order.get(i)] = true;
        }
        return bisection(halfA, caps);
    }

    /** Max flow between the halves with {@code capacities} (e.g. after a failure). */
    Bisection bisection(boolean[] halfA, Map<Long, Double> capacities) {
        Map<Integer, Double> supply = new HashMap<>();
        Map<Integer, Double> demand = new HashMap<>();
        double a = 0;
        double b = 0;
        for (int e : agg.endpointGroups()) {
            double inj = agg.injectionGbps(e);
            if (halfA[e]) {
                supply.put(e, inj);
                a += inj;
            } else {
                demand.put(e, inj);
                b += inj;
            }
        }
        double flow = supply.isEmpty() || demand.isEmpty() ? 0 : maxFlow(capacities, supply, demand);
        return new Bisection(halfA, flow, a, b);
    }

    /** The endpoint group that holds the half-injection point strictly inside it, or -1. */
    static int straddlingGroup(Aggregation agg) {
        double total = 0;
        List<Integer> order = agg.endpointGroups();
        for (int e : order) {
            total += agg.injectionGbps(e);
        }
        double cum = 0;
        for (int e : order) {
            double next = cum + agg.injectionGbps(e);
            if (cum < total / 2 - Tolerances.EPSILON && next > total / 2 + Tolerances.EPSILON) {
                return agg.members.get(e).length > 1 ? e : -1;
            }
            cum = next;
        }
        return -1;
    }

    // ---- all-to-all -------------------------------------------------------------------------------

    /**
     * ECMP loads and the cut bound. For each switch group x with uplinks: the racks under it (share
     * {@code s_g(x)} of each endpoint group's links that lead into x, passed up in proportion to
     * capacity), {@code W_x = sum s_g inj_g}, up-load {@code U_x = (N - W_x) sum s_g K_g} with
     * {@code K_g = sum over racks a of g of inj_a / (N - inj_a)}; by symmetry the down-load equals
     * it. ECMP splits a group's up-load over its uplinks in proportion to capacity, so the group's
     * utilisation is {@code U_x / upCapacity_x}. The cut bound: for each distinct subtree, the max
     * flow from its racks to the rest (JGraphT) over the all-to-all demand that crosses the cut.
     */
    AllToAll allToAll() {
        int groups = agg.groupCount();
        double n = totalInjection;
        if (n <= Tolerances.EPSILON) {
            return new AllToAll(0, 0, 0, 0);
        }
        double[] k = new double[groups];
        double[] inj = new double[groups];
        for (int e : agg.endpointGroups()) {
            inj[e] = agg.injectionGbps(e);
            for (int m : agg.members.get(e)) {
                double i = agg.injectionGbps[m];
                k[e] += n - i > Tolerances.EPSILON ? i / (n - i) : 0;
            }
        }
        Tree tree = new Tree();
        double[] upCap = tree.upCap;
        List<Map<Integer, Double>> share = tree.share;
        int top = tree.top;
        double maxUtil = 1.0; // host links run at full injection
        double cutBound = 1.0;
        int cuts = 0;
        List<Set<Integer>> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int x = 0; x < groups; x++) {
            if (agg.tier[x] == 0) {
                continue;
            }
            double w = 0;
            double sk = 0;
            for (Map.Entry<Integer, Double> e : share.get(x).entrySet()) {
                w += e.getValue() * inj[e.getKey()];
                sk += e.getValue() * k[e.getKey()];
            }
            double load = Math.max(0, n - w) * sk;
            if (load <= Tolerances.EPSILON * n || agg.tier[x] == top) {
                continue; // the top tier turns traffic down: it has no uplinks to load
            }
            maxUtil = Math.max(maxUtil, upCap[x] > Tolerances.EPSILON ? load / upCap[x] : Double.POSITIVE_INFINITY);
            String signature = agg.tier[x] + ":" + Math.round(w) + ":" + Math.round(upCap[x]) + ":" + Math.round(load);
            if (seen.add(signature)) {
                Set<Integer> subtree = new HashSet<>();
                share.get(x).forEach((e, s) -> {
                    if (s >= 0.5) {
                        subtree.add(e);
                    }
                });
                pending.add(subtree);
            }
        }
        // ECMP delivering everything is a feasible flow: every cut carries its demand, the bound is 1
        if (maxUtil > 1.0 + Tolerances.RELATIVE * 1e3) {
            for (Set<Integer> subtree : pending) {
                cutBound = Math.min(cutBound, cutFraction(subtree, k, inj));
                cuts++;
            }
        }
        return new AllToAll(maxUtil, Math.min(1.0, 1.0 / maxUtil), cutBound, cuts);
    }

    /** Max flow out of the racks of {@code subtree} over the all-to-all demand leaving it (capped at 1). */
    double cutFraction(Set<Integer> subtree, double[] k, double[] inj) {
        if (subtree.isEmpty()) {
            return 1.0;
        }
        double n = totalInjection;
        double ws = 0;
        double ks = 0;
        for (int e : subtree) {
            ws += inj[e];
            ks += k[e];
        }
        double demandTotal = (n - ws) * ks;
        if (demandTotal <= Tolerances.EPSILON) {
            return 1.0;
        }
        Map<Integer, Double> supply = new HashMap<>();
        Map<Integer, Double> demand = new HashMap<>();
        for (int e : agg.endpointGroups()) {
            if (subtree.contains(e)) {
                supply.put(e, k[e] * (n - ws));
            } else {
                demand.put(e, inj[e] * ks);
            }
        }
        double fraction = maxFlow(caps, supply, demand) / demandTotal;
        return fraction > 1.0 - Tolerances.RELATIVE * 1e3 ? 1.0 : fraction; // push-relabel sums round at ~1e-15
    }

    // ---- traffic patterns -------------------------------------------------------------------------

    /** The fabric as a tree of groups: up/down neighbours, uplink capacity and ECMP shares. */
    private final class Tree {
        final List<Map<Integer, Double>> up = new ArrayList<>();
        final List<Map<Integer, Double>> down = new ArrayList<>();
        final double[] upCap;
        /** Per switch group x: share s_g(x) of endpoint group g's links that lead up through x. */
        final List<Map<Integer, Double>> share = new ArrayList<>();

        final int top;

        Tree() {
            int groups = agg.groupCount();
            double[] inj = new double[groups];
            for (int e : agg.endpointGroups()) {
                inj[e] = agg.injectionGbps(e);
            }
            for (int g = 0; g < groups; g++) {
                up.add(new HashMap<>());
                down.add(new HashMap<>());
                share.add(new HashMap<>());
            }
            caps.forEach((key, cap) -> {
                int x = (int) (key / groups);
                int y = (int) (key % groups);
                if (agg.tier[x] < agg.tier[y]) {
                    up.get(x).put(y, cap);
                    down.get(y).put(x, cap);
                } else if (agg.tier[y] < agg.tier[x]) {
                    up.get(y).put(x, cap);
                    down.get(x).put(y, cap);
                }
            });
            upCap = new double[groups];
            for (int g = 0; g < groups; g++) {
                upCap[g] = up.get(g).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
            }
            int t0 = 0;
            for (int t : agg.tier) {
                t0 = Math.max(t0, t);
            }
            top = t0;
            for (int t = 1; t <= top; t++) {
                for (int x = 0; x < groups; x++) {
                    if (agg.tier[x] != t) {
                        continue;
                    }
                    Map<Integer, Double> sx = share.get(x);
                    for (Map.Entry<Integer, Double> child : down.get(x).entrySet()) {
                        int y = child.getKey();
                        if (agg.tier[y] == 0) {
                            sx.merge(y, inj[y] > 0 ? child.getValue() / inj[y] : 0, Double::sum);
                        } else if (upCap[y] > 0) {
                            double f = child.getValue() / upCap[y];
                            share.get(y).forEach((e, v) -> sx.merge(e, v * f, Double::sum));
                        }
                    }
                }
            }
        }
    }

    /**
     * Ring all-reduce across racks: every rack sends to the next rack of the fabric (racks in the
     * fabric's order, the last to the first) at the smaller of the two racks' injection.
     */
    Demand ring() {
        Demand d = new Demand();
        List<Integer> racks = new ArrayList<>();
        for (int e : agg.graph.endpoints()) {
            if (agg.injectionGbps[e] > Tolerances.EPSILON) {
                racks.add(e);
            }
        }
        if (racks.size() < 2) {
            return d;
        }
        long groups = agg.groupCount();
        for (int i = 0; i < racks.size(); i++) {
            int a = racks.get(i);
            int b = racks.get((i + 1) % racks.size());
            double rate = Math.min(agg.injectionGbps[a], agg.injectionGbps[b]);
            d.totalGbps += rate;
            d.hostUtilization = Math.max(d.hostUtilization, rate / agg.injectionGbps[a]);
            int ga = agg.groupOf[a];
            int gb = agg.groupOf[b];
            if (ga != gb) {
                d.sparse.merge(ga * groups + gb, rate, Double::sum);
            }
        }
        return d;
    }

    /**
     * KV-cache transfer from the prefill racks to the decode racks at full rate: the smaller pool's
     * injection in all, each prefill rack sending in proportion to its injection, each decode rack
     * receiving in proportion to its own (so the smaller pool runs its NICs at full rate).
     */
    Demand prefillToDecode(boolean[] prefill, boolean[] decode) {
        Demand d = new Demand();
        addPrefillToDecode(d, prefill, decode, Double.NaN);
        return d;
    }

    /**
     * Adds one prefill-to-decode term to {@code d}: {@code demandGbps} in all (NaN: the smaller
     * pool's injection), each prefill rack sending in proportion to its injection, each decode rack
     * receiving in proportion to its own. Returns the demand added, Gb/s.
     */
    double addPrefillToDecode(Demand d, boolean[] prefill, boolean[] decode, double demandGbps) {
        int groups = agg.groupCount();
        double[] p = new double[groups];
        double[] q = new double[groups];
        double pInj = 0;
        double dInj = 0;
        for (int e : agg.graph.endpoints()) {
            if (prefill[e]) {
                pInj += agg.injectionGbps[e];
            } else if (decode[e]) {
                dInj += agg.injectionGbps[e];
            }
        }
        if (pInj <= Tolerances.EPSILON || dInj <= Tolerances.EPSILON) {
            return 0;
        }
        double rate = Double.isNaN(demandGbps) ? Math.min(pInj, dInj) : demandGbps;
        if (rate <= 0) {
            return 0;
        }
        for (int e : agg.graph.endpoints()) {
            if (prefill[e]) {
                p[agg.groupOf[e]] += agg.injectionGbps[e] * rate / pInj;
            } else if (decode[e]) {
                q[agg.groupOf[e]] += agg.injectionGbps[e] / dInj;
            }
        }
        d.rankOne.add(new double[][] {p, q});
        d.totalGbps += rate;
        d.hostUtilization = Math.max(d.hostUtilization, Math.max(rate / pInj, rate / dInj));
        // the part between racks of one group stays on their leaves: in totalGbps, never on an uplink
        return rate;
    }

    /**
     * ECMP loads and the cut bound of {@code demand}, as {@link #allToAll} does for uniform
     * traffic: for each switch group x below the top, the traffic leaving its subtree is
     * {@code U_x = sum_{g,h} s_g(x) d_gh (1 - s_h(x))} and the traffic entering it
     * {@code D_x = sum_{g,h} (1 - s_g(x)) d_gh s_h(x)}; ECMP splits both over x's uplinks in
     * proportion to capacity, so x's utilisation is {@code max(U_x, D_x) / upCapacity_x}. The cut
     * bound: for each distinct subtree, the JGraphT max flow of the demand leaving it and of the
     * demand entering it, over that demand.
     */
    Pattern pattern(Demand demand) {
        if (demand.totalGbps <= Tolerances.EPSILON) {
            return new Pattern(0, 0, 1, 1, 0);
        }
        Tree tree = new Tree();
        int groups = agg.groupCount();
        double maxUtil = demand.hostUtilization;
        double cutBound = 1.0;
        int cuts = 0;
        List<Set<Integer>> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int x = 0; x < groups; x++) {
            if (agg.tier[x] == 0 || agg.tier[x] == tree.top) {
                continue; // the top tier turns traffic down: it has no uplinks to load
            }
            Map<Integer, Double> sx = tree.share.get(x);
            double out = 0;
            double in = 0;
            for (double[][] pq : demand.rankOne) {
                double pIn = 0;
                double qIn = 0;
                double pAll = 0;
                double qAll = 0;
                for (double v : pq[0]) {
                    pAll += v;
                }
                for (double v : pq[1]) {
                    qAll += v;
                }
                for (Map.Entry<Integer, Double> e : sx.entrySet()) {
                    pIn += e.getValue() * pq[0][e.getKey()];
                    qIn += e.getValue() * pq[1][e.getKey()];
                }
                out += pIn * (qAll - qIn);
                in += (pAll - pIn) * qIn;
            }
            for (Map.Entry<Long, Double> e : demand.sparse.entrySet()) {
                double sg = sx.getOrDefault((int) (e.getKey() / groups), 0.0);
                double sh = sx.getOrDefault((int) (e.getKey() % groups), 0.0);
                out += sg * e.getValue() * (1 - sh);
                in += (1 - sg) * e.getValue() * sh;
            }
            double load = Math.max(out, in);
            if (load <= Tolerances.EPSILON * demand.totalGbps) {
                continue;
            }
            maxUtil = Math.max(
                    maxUtil, tree.upCap[x] > Tolerances.EPSILON ? load / tree.upCap[x] : Double.POSITIVE_INFINITY);
            double w = 0;
            for (Map.Entry<Integer, Double> e : sx.entrySet()) {
                w += e.getValue() * agg.injectionGbps(e.getKey());
            }
            String signature = agg.tier[x] + ":" + Math.round(w) + ":" + Math.round(out) + ":" + Math.round(in) + ":"
                    + Math.round(tree.upCap[x]);
            if (seen.add(signature)) {
                Set<Integer> subtree = new HashSet<>();
                sx.forEach((e, s) -> {
                    if (s >= 0.5) {
                        subtree.add(e);
                    }
                });
                pending.add(subtree);
            }
        }
        double fraction = maxUtil > 0 ? Math.min(1.0, 1.0 / maxUtil) : 1.0;
        fraction = fraction > 1.0 - Tolerances.RELATIVE * 1e3 ? 1.0 : fraction; // sums of shares round at ~1e-15
        // ECMP delivering everything is a feasible flow: every cut carries its demand, the bound is 1
        if (fraction < 1.0) {
            for (Set<Integer> subtree : pending) {
                cutBound = Math.min(
                        cutBound, Math.min(cutFraction(subtree, demand, true), cutFraction(subtree, demand, false)));
                cuts++;
            }
        }
        return new Pattern(demand.totalGbps, maxUtil, fraction, cutBound, cuts);
    }

    /** Max flow of the demand leaving ({@code outward}) or entering {@code subtree}, over that demand (capped at 1). */
    private double cutFraction(Set<Integer> subtree, Demand demand, boolean outward) {
        if (subtree.isEmpty()) {
            return 1.0;
        }
        int groups = agg.groupCount();
        Map<Integer, Double> supply = new HashMap<>();
        Map<Integer, Double> sink = new HashMap<>();
        double total = 0;
        for (double[][] pq : demand.rankOne) {
            double[] p = pq[0];
            double[] q = pq[1];
            double pIn = 0;
            double qIn = 0;
            double pAll = 0;
            double qAll = 0;
            for (int g = 0; g < groups; g++) {
                pAll += p[g];
                qAll += q[g];
                if (subtree.contains(g)) {
                    pIn += p[g];
                    qIn += q[g];
                }
            }
            for (int g = 0; g < groups; g++) {
                boolean inside = subtree.contains(g);
                if (outward) {
                    if (inside && p[g] > 0) {
                        supply.merge(g, p[g] * (qAll - qIn), Double::sum);
                    } else if (!inside && q[g] > 0) {
                        sink.merge(g, q[g] * pIn, Double::sum);
                    }
                } else {
                    if (!inside && p[g] > 0) {
                        supply.merge(g, p[g] * qIn, Double::sum);
                    } else if (inside && q[g] > 0) {
                        sink.merge(g, q[g] * (pAll - pIn), Double::sum);
                    }
                }
            }
            total += outward ? pIn * (qAll - qIn) : (pAll - pIn) * qIn;
        }
        for (Map.Entry<Long, Double> e : demand.sparse.entrySet()) {
            int g = (int) (e.getKey() / groups);
            int h = (int) (e.getKey() % groups);
            boolean gIn = subtree.contains(g);
            boolean hIn = subtree.contains(h);
            if (outward ? gIn && !hIn : !gIn && hIn) {
                supply.merge(g, e.getValue(), Double::sum);
                sink.merge(h, e.getValue(), Double::sum);
                total += e.getValue();
            }
        }
        if (total <= Tolerances.EPSILON) {
            return 1.0;
        }
        double fraction = maxFlow(caps, supply, sink) / total;
        return fraction > 1.0 - Tolerances.RELATIVE * 1e3 ? 1.0 : fraction; // push-relabel sums round at ~1e-15
    }

    // ---- hops and reachability ------------------------------------------------------------------

    /**
     * Switches on the longest shortest path between two racks (JGraphT breadth-first search from
     * the first rack group of every pod and from the last rack group); 0 with fewer than two groups
     * of racks. Racks of one rail group count 1 (they share every leaf).
     */
    int maxHops() {
        Graph<Integer, DefaultEdge> u = undirected();
        List<Integer> endpoints = agg.endpointGroups();
        if (endpoints.isEmpty()) {
            return 0;
        }
        Set<Integer> sources = new java.util.LinkedHashSet<>();
        Set<String> podsSeen = new HashSet<>();
        for (int e : endpoints) {
            String pod = podKey(u, e);
            if (podsSeen.add(pod)) {
                sources.add(e);
            }
        }
        sources.add(endpoints.get(endpoints.size() - 1));
        int maxEdges = 0;
        BFSShortestPath<Integer, DefaultEdge> bfs = new BFSShortestPath<>(u);
        for (int s : sources) {
            var paths = bfs.getPaths(s);
            for (int e : endpoints) {
                if (e == s && agg.members.get(e).length < 2) {
                    continue;
                }
                double d = e == s ? 2 : paths.getWeight(e);
                if (!Double.isInfinite(d)) {
                    maxEdges = Math.max(maxEdges, (int) Math.round(d));
                }
            }
        }
        return Math.max(0, maxEdges - 1);
    }

    /** The tier-2 group above an endpoint group (its pod), as a key for picking BFS sources. */
    private String podKey(Graph<Integer, DefaultEdge> u, int endpoint) {
        for (DefaultEdge edge : u.edgesOf(endpoint)) {
            int leaf = u.getEdgeSource(edge) == endpoint ? u.getEdgeTarget(edge) : u.getEdgeSource(edge);
            for (DefaultEdge up : u.edgesOf(leaf)) {
                int other = u.getEdgeSource(up) == leaf ? u.getEdgeTarget(up) : u.getEdgeSource(up);
                if (agg.tier[other] == 2) {
                    return "P" + other;
                }
            }
            return "L" + leaf;
        }
        return "E" + endpoint;
    }

    /** Endpoint nodes outside the connected part of the fabric that carries the most injection. */
    List<Integer> unreachableEndpoints() {
        Graph<Integer, DefaultEdge> u = undirected();
        List<Set<Integer>> parts = new ConnectivityInspector<>(u).connectedSets();
        Set<Integer> main = null;
        double bestInjection = -1;
        for (Set<Integer> part : parts) {
            double sum = 0;
            for (int g : part) {
                if (agg.tier[g] == 0) {
                    sum += agg.injectionGbps(g);
                }
            }
            if (sum > bestInjection) {
                bestInjection = sum;
                main = part;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int e : agg.endpointGroups()) {
            boolean linked = agg.injectionGbps(e) > Tolerances.EPSILON;
            if (!linked || main == null || !main.contains(e)) {
                for (int m : agg.members.get(e)) {
                    out.add(m);
                }
            }
        }
        out.sort(null);
        return out;
    }
}
