package org.aifactory.twin.power;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;

/**
 * The power chain of a facility compiled to arrays for the solvers: nodes by index in a
 * topological order (every node after all its inputs), their inputs and children, and the racks
 * with their loads and feeds. Immutable once built; every solver reads it, none writes it.
 *
 * <p>Input entries are kept as listed: a node that names the same input twice draws two shares
 * from it. Generators, and the inputs a node lists in {@code standbyInputs} (a transfer switch's
 * alternate, e.g. a block-redundant catcher), are standby: a node draws from its standby inputs only
 * while none of its other inputs is live.
 */
final class PowerGraph {
    final int nodeCount;
    final PowerNode[] nodes;
    final String[] nodeIds;
    final PowerNodeKind[] kinds;
    final double[] ratingKw;
    final LossModel[] losses;
    /** Input entries (upstream node indices) of each node. */
    final int[][] inputs;
    /** Whether input entry {@code k} of node {@code i} is a standby (alternate) input: a generator, or listed in its {@code standbyInputs}. */
    final boolean[][] standbyInput;
    /** Distinct downstream nodes of each node. */
    final int[][] children;
    /** Node indices, sources first: every node after all of its inputs. */
    final int[] topoOrder;
    /** Position of each node in {@link #topoOrder}. */
    final int[] topoRank;

    final int rackCount;
    final String[] rackIds;
    final RackType[] rackTypes;
    /** Rack load in the chosen mode, kW. */
    final double[] rackLoadKw;
    /** Feed entries (source node indices) of each rack. */
    final int[][] rackFeeds;

    final int[] rackShelves;
    final double[] rackShelfRatingKw;
    /** Distinct racks each node feeds directly. */
    final int[][] racksFedBy;
    /** What each rack runs (for its throughput-against-power curve). */
    final WorkloadKind[] rackWorkloads;

    PowerGraph(Facility facility, CatalogIndex catalog, PowerOptions options) {
        List<PowerNode> list = facility.power().nodes();
        nodeCount = list.size();
        nodes = list.toArray(new PowerNode[0]);
        nodeIds = new String[nodeCount];
        kinds = new PowerNodeKind[nodeCount];
        ratingKw = new double[nodeCount];
        losses = new LossModel[nodeCount];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodeCount; i++) {
            nodeIds[i] = nodes[i].id();
            kinds[i] = nodes[i].kind();
            ratingKw[i] = nodes[i].ratingKw();
            losses[i] = LossModel.of(nodes[i], options.powerFactor());
            if (index.put(nodeIds[i], i) != null) {
                throw new IllegalArgumentException(
                        "The power node id (" + nodeIds[i] + ") appears twice. Maybe the facility was not validated?");
            }
        }
        inputs = new int[nodeCount][];
        List<List<Integer>> childLists = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            childLists.add(new ArrayList<>());
        }
        for (int i = 0; i < nodeCount; i++) {
            List<String> in = nodes[i].inputs();
            inputs[i] = new int[in.size()];
            for (int k = 0; k < in.size(); k++) {
                int p = lookup(index, in.get(k), "input of power node " + nodeIds[i]);
                inputs[i][k] = p;
                List<Integer> siblings = childLists.get(p);
                // nodes are visited in order, so a repeated input of i can only match the last child added
                if (siblings.isEmpty() || siblings.get(siblings.size() - 1) != i) {
                    siblings.add(i);
                }
            }
        }
        children = childLists.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        standbyInput = new boolean[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
            standbyInput[i] = new boolean[inputs[i].length];
            for (int k = 0; k < inputs[i].length; k++) {
                int p = inputs[i][k];
                standbyInput[i][k] = kinds[p] == PowerNodeKind.GENERATOR
                        || nodes[i].standbyInputs().contains(nodeIds[p]);
            }
        }
        topoOrder = topologicalOrder();
        topoRank = new int[nodeCount];
        for (int r = 0; r < nodeCount; r++) {
            topoRank[topoOrder[r]] = r;
        }

        List<Rack> racks = facility.racks();
        rackCount = racks.size();
        rackIds = new String[rackCount];
        rackTypes = new RackType[rackCount];
        rackLoadKw = new double[rackCount];
        rackFeeds = new int[rackCount][];
        rackShelves = new int[rackCount];
        rackShelfRatingKw = new double[rackCount];
        List<Set<Integer>> fed = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            fed.add(new LinkedHashSet<>());
        }
        for (int r = 0; r < rackCount; r++) {
            Rack rack = racks.get(r);
            RackType type = catalog.rackOrThrow(rack.type());
            rackIds[r] = rack.id();
            rackTypes[r] = type;
            rackLoadKw[r] = rackLoad(rack, type, options);
            rackShelves[r] = type.powerShelves();
            rackShelfRatingKw[r] = type.powerShelfRatingKw();
            rackFeeds[r] = new int[rack.feeds().size()];
            for (int k = 0; k < rack.feeds().size(); k++) {
                RackFeed feed = rack.feeds().get(k);
                int s = lookup(index, feed.source(), "feed " + feed.side() + " of rack " + rack.id());
                rackFeeds[r][k] = s;
                fed.get(s).add(r);
            }
        }
        racksFedBy = fed.stream()
                .map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        rackWorkloads = WorkloadKind.ofRacks(facility);
    }

    /** The same graph with other rack loads (kW, one per rack); every other array is shared. */
    private PowerGraph(PowerGraph base, double[] rackLoadKw) {
        nodeCount = base.nodeCount;
        nodes = base.nodes;
        nodeIds = base.nodeIds;
        kinds = base.kinds;
        ratingKw = base.ratingKw;
        losses = base.losses;
        inputs = base.inputs;
        standbyInput = base.standbyInput;
        children = base.children;
        topoOrder = base.topoOrder;
        topoRank = base.topoRank;
        rackCount = base.rackCount;
        rackIds = base.rackIds;
        rackTypes = base.rackTypes;
        this.rackLoadKw = rackLoadKw;
        rackFeeds = base.rackFeeds;
        rackShelves = base.rackShelves;
        rackShelfRatingKw = base.rackShelfRatingKw;
        racksFedBy = base.racksFedBy;
        rackWorkloads = base.rackWorkloads;
    }

    /** This graph with the given rack loads, kW (copied). */
    PowerGraph withRackLoads(double[] loadsKw) {
        if (loadsKw.length != rackCount) {
            throw new IllegalArgumentException(
                    "The rack loads (" + loadsKw.length + ") must number the racks (" + rackCount + ").");
        }
        return new PowerGraph(this, loadsKw.clone());
    }

    /** Rack power in the chosen mode, kW. */
    static double rackLoad(Rack rack, RackType type, PowerOptions options) {
        double typical = rack.powerKw() != null ? rack.powerKw() : type.typicalPowerKw();
        return switch (options.mode()) {
            case TYPICAL -> typical;
            case MAX -> Math.max(type.maxPowerKw(), rack.powerKw() != null ? rack.powerKw() : 0);
            case CAPPED ->
                Math.min(
                        typical,
                        options.rackCapsKw().getOrDefault(rack.id(), options.capFractionOfMax() * type.maxPowerKw()));
        };
    }

    private static int lookup(Map<String, Integer> index, String id, String what) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException(
                    "The " + what + " names an unknown power node (" + id + "). Maybe the facility was not validated?");
        }
        return i;
    }

    /** Kahn's algorithm over the input edges; a cycle is a contract breach (the validator rejects it). */
    private int[] topologicalOrder() {
        int[] pending = new int[nodeCount];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < nodeCount; i++) {
            pending[i] = inputs[i].length;
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[nodeCount];
        int n = 0;
        while (!ready.isEmpty()) {
            int p = ready.poll();
            order[n++] = p;
            for (int c : children[p]) {
                for (int in : inputs[c]) {
                    if (in == p) {
                        pending[c]--;
                    }
                }
                if (pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (n != nodeCount) {
            boolean[] placed = new boolean[nodeCount];
            for (int k = 0; k < n; k++) {
                placed[order[k]] = true;
            }
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < nodeCount && stuck.size() < 5; i++) {
                if (!placed[i]) {
                    stuck.add(nodeIds[i]);
                }
            }
            throw new IllegalArgumentException(
                    "The power graph has a cycle through " + stuck + ". Maybe the facility was not validated?");
        }
        return order;
    }

    /** Whether input entry {@code k} of {@code node} is a standby input (used only while the node has no live primary input). */
    boolean isStandbyInput(int node, int k) {
        return standbyInput[node][k];
    }

    boolean isSource(int node) {
        return inputs[node].length == 0;
    }

    /** Rack feed capacity, kW: its shelves' rating, the shelves spread evenly over its feeds [E]. */
    double shelfCapacityKw(int rack, int liveFeeds, int failedShelves) {
        int feeds = rackFeeds[rack].length;
        if (feeds == 0) {
            return 0;
        }
        return ((double) rackShelves[rack] * liveFeeds / feeds - failedShelves) * rackShelfRatingKw[rack];
    }

    int nodeIndex(String id) {
        for (int i = 0; i < nodeCount; i++) {
            if (nodeIds[i].equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown power node (" + id + ")");
    }
}
