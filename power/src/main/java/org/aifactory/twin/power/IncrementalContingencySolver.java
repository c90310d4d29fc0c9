package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * N-1 by deltas from the baseline instead of a full re-solve per failure. For a failed node
 * {@code f}:
 * <ol>
 *   <li>the dead set: {@code f}, then every node all of whose inputs are dead (counting live
 *       inputs down, so the order of discovery does not matter);</li>
 *   <li>the racks fed by dead nodes: with no live feed left they are unpowered, otherwise their
 *       load {@code P} moves to the surviving feeds ({@code +P/k' - P/k} on each, {@code k} and
 *       {@code k'} live feeds before and after);</li>
 *   <li>the output changes climb the graph, deepest node first (a max-heap on topological rank,
 *       so a node is settled only after every changed child): each changed node's losses are
 *       re-evaluated at its new output and the change of its draw on each input (its share of
 *       the new input over the new active inputs, minus the baseline share) is added to that
 *       input's output change.</li>
 * </ol>
 * Work per failure is proportional to the nodes and racks it touches (the failed node's
 * subtree, the surviving feeds and their paths to the sources), not to the graph.
 * Nodes it does not touch keep their baseline state.
 */
final class IncrementalContingencySolver implements ContingencySolver {

    @Override
    public List<ContingencyOutcome> solve(PowerGraph g, FlowState baseline, List<Failure> failures) {
        Workspace w = new Workspace(g, baseline);
        List<ContingencyOutcome> outcomes = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            outcomes.add(
                    f.type() == Failure.Type.SHELF
                            ? NaiveContingencySolver.shelf(g, baseline, f, w.baseOverNodes, w.baseOverRacks)
                            : w.nodeFailure(f, null));
        }
        return outcomes;
    }

    /** Node outputs after failing node {@code node}, kW: for tests against a full re-solve. */
    static double[] outputsAfter(PowerGraph g, FlowState baseline, int node) {
        double[] out = baseline.outputKw.clone();
        new Workspace(g, baseline).nodeFailure(new Failure(Failure.Type.NODE, node), out);
        return out;
    }

    /** Scratch arrays for one run over many failures; reset after each failure through the touched lists. */
    private static final class Workspace {
        private final PowerGraph g;
        private final FlowState base;
        private final int[] baseOverNodes;
        private final int[] baseOverRacks;
        private final boolean[] baseOverNode;
        private final boolean[] baseOverRack;
        /** Baseline live primary (non-generator) and standby input entries of each node. */
        private final int[] baseLivePrimary;

        private final int[] baseLiveStandby;

        private final double[] delta;
        private final boolean[] dead;
        private final boolean[] queued;
        private final boolean[] counted;
        private final int[] livePrimary;
        private final int[] liveStandby;
        private final int[] rackDeadFeeds;
        private final IntList touchedNodes = new IntList();
        private final IntList deadNodes = new IntList();
        private final IntList touchedRacks = new IntList();
        private final IntMaxHeap heap;

        Workspace(PowerGraph g, FlowState base) {
            this.g = g;
            this.base = base;
            int n = g.nodeCount;
            baseOverNodes = ContingencySolver.overloadedNodes(g, base);
            baseOverRacks = ContingencySolver.overloadedRacks(g, base);
            baseOverNode = new boolean[n];
            for (int i : baseOverNodes) {
                baseOverNode[i] = true;
            }
            baseOverRack = new boolean[g.rackCount];
            for (int r : baseOverRacks) {
                baseOverRack[r] = true;
            }
            baseLivePrimary = new int[n];
            baseLiveStandby = new int[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < g.inputs[i].length; k++) {
                    if (base.nodeLive[g.inputs[i][k]]) {
                        if (g.isStandbyInput(i, k)) {
                            baseLiveStandby[i]++;
                        } else {
                            baseLivePrimary[i]++;
                        }
                    }
                }
            }
            delta = new double[n];
            dead = new boolean[n];
            queued = new boolean[n];
            counted = new boolean[n];
            livePrimary = new int[n];
            liveStandby = new int[n];
            rackDeadFeeds = new int[g.rackCount];
            heap = new IntMaxHeap(n);
        }

        /** Solves one node failure; when {@code outputs} is given, writes the changed node outputs into it. */
        ContingencyOutcome nodeFailure(Failure failure, double[] outputs) {
            int f = failure.index();
            if (!base.nodeLive[f]) {
                return new ContingencyOutcome(
                        failure, new int[0], baseOverNodes, baseOverRacks, 0, base.sourceDemandKw, base.lossesKw);
            }
            double lossesDelta = 0;
            double demandDelta = 0;
            // 1. The dead set.
            kill(f);
            for (int k = 0; k < deadNodes.size; k++) {
                int d = deadNodes.data[k];
                lossesDelta -= base.lossKw[d];
                if (g.isSource(d)) {
                    demandDelta -= base.inputKw[d];
                }
                for (int c : g.children[d]) {
                    if (dead[c] || !base.nodeLive[c]) {
                        continue;
                    }
                    count(c);
                    for (int e = 0; e < g.inputs[c].length; e++) {
                        if (g.inputs[c][e] == d) {
                            if (g.isStandbyInput(c, e)) {
                                liveStandby[c]--;
                            } else {
                                livePrimary[c]--;
                            }
                        }
                    }
                    if (livePrimary[c] + liveStandby[c] == 0) {
                        kill(c);
                    }
                }
            }
            // The failed node stops drawing on its inputs; live children of dead nodes may change inputs.
            push(f);
            for (int k = 0; k < deadNodes.size; k++) {
                for (int c : g.children[deadNodes.data[k]]) {
                    if (!dead[c] && base.nodeLive[c]) {
                        push(c);
                    }
                }
            }
            // 2. Racks on dead feeds.
            IntList unpowered = new IntList();
            IntList overRacks = new IntList();
            double lostLoad = 0;
            for (int k = 0; k < deadNodes.size; k++) {
                int d = deadNodes.data[k];
                for (int r : g.racksFedBy[d]) {
                    if (rackDeadFeeds[r] == 0) {
                        touchedRacks.add(r);
                    }
                    for (int s : g.rackFeeds[r]) {
                        if (s == d) {
                            rackDeadFeeds[r]++;
                        }
                    }
                }
            }
            for (int k = 0; k < touchedRacks.size; k++) {
                int r = touchedRacks.data[k];
                if (!base.rackPowered[r]) {
                    continue;
                }
                int before = base.rackLiveFeeds[r];
                int after = before - rackDeadFeeds[r];
                double load = g.rackLoadKw[r];
                if (after == 0) {
                    unpowered.add(r);
                    lostLoad += load;
                    continue;
                }
                double change = load / after - load / before;
                for (int s : g.rackFeeds[r]) {
                    if (!dead[s] && base.nodeLive[s]) {
                        delta[s] += change;
                        push(s);
                    }
                }
                if (g.rackShelves[r] > 0 && Tolerances.over(load, g.shelfCapacityKw(r, after, 0))) {
                    overRacks.add(r);
                }
            }
            // 3. Climb, deepest first.
            IntList overNodes = new IntList();
            while (!heap.isEmpty()) {
                int c = g.topoOrder[heap.pop()];
                boolean isDead = dead[c];
                double newIn = 0;
                if (!isDead) {
                    double newOut = base.outputKw[c] + delta[c];
                    double newLoss = g.losses[c].lossKw(newOut);
                    newIn = newOut + newLoss;
                    lossesDelta += newLoss - base.lossKw[c];
                    if (outputs != null) {
                        outputs[c] = newOut;
                    }
                    if (Tolerances.over(newOut, g.ratingKw[c])) {
                        overNodes.add(c);
                    }
                    if (g.isSource(c)) {
                        demandDelta += newIn - base.inputKw[c];
                        continue;
                    }
                }
                boolean basePrimary = baseLivePrimary[c] > 0;
                int baseActive = basePrimary ? baseLivePrimary[c] : baseLiveStandby[c];
                int nowPrimaryCount = counted[c] ? livePrimary[c] : baseLivePrimary[c];
                int nowStandbyCount = counted[c] ? liveStandby[c] : baseLiveStandby[c];
                boolean nowPrimary = nowPrimaryCount > 0;
                int nowActive = nowPrimary ? nowPrimaryCount : nowStandbyCount;
                double oldShare = baseActive == 0 ? 0 : base.inputKw[c] / baseActive;
                double newShare = isDead || nowActive == 0 ? 0 : newIn / nowActive;
                for (int k = 0; k < g.inputs[c].length; k++) {
                    int p = g.inputs[c][k];
                    boolean standby = g.isStandbyInput(c, k);
                    boolean wasActive = base.nodeLive[p] && basePrimary != standby;
                    boolean isActive = !isDead && !dead[p] && base.nodeLive[p] && nowPrimary != standby;
                    double change = (isActive ? newShare : 0) - (wasActive ? oldShare : 0);
                    if (change != 0 && !dead[p]) {
                        delta[p] += change;
                        push(p);
                    }
                }
            }
            if (outputs != null) {
                for (int k = 0; k < deadNodes.size; k++) {
                    outputs[deadNodes.data[k]] = 0;
                }
            }
            // Untouched elements keep their baseline state, overloads included.
            for (int i : baseOverNodes) {
                if (!queued[i] && !dead[i]) {
                    overNodes.add(i);
                }
            }
            for (int r : baseOverRacks) {
                if (rackDeadFeeds[r] == 0) {
                    overRacks.add(r);
                }
            }
            ContingencyOutcome outcome = new ContingencyOutcome(
                    failure,
                    unpowered.sorted(),
                    overNodes.sorted(),
                    overRacks.sorted(),
                    lostLoad,
                    base.sourceDemandKw + demandDelta,
                    base.lossesKw + lossesDelta);
            reset();
            return outcome;
        }

        private void kill(int node) {
            dead[node] = true;
            deadNodes.add(node);
            touch(node);
        }

        private void count(int node) {
            if (!counted[node]) {
                counted[node] = true;
                livePrimary[node] = baseLivePrimary[node];
                liveStandby[node] = baseLiveStandby[node];
                touch(node);
            }
        }

        private void push(int node) {
            if (!queued[node]) {
                queued[node] = true;
                heap.push(g.topoRank[node]);
                touch(node);
            }
        }

        private void touch(int node) {
            touchedNodes.add(node);
        }

        private void reset() {
            for (int k = 0; k < touchedNodes.size; k++) {
                int i = touchedNodes.data[k];
                delta[i] = 0;
                dead[i] = false;
                queued[i] = false;
                counted[i] = false;
            }
            for (int k = 0; k < touchedRacks.size; k++) {
                rackDeadFeeds[touchedRacks.data[k]] = 0;
            }
            touchedNodes.clear();
            deadNodes.clear();
            touchedRacks.clear();
        }
    }

    /** A growable int list without boxing. */
    private static final class IntList {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        void clear() {
            size = 0;
        }

        int[] sorted() {
            int[] a = Arrays.copyOf(data, size);
            Arrays.sort(a);
            return a;
        }
    }

    /** A binary max-heap of ints (topological ranks). */
    private static final class IntMaxHeap {
        private final int[] heap;
        private int size;

        IntMaxHeap(int capacity) {
            heap = new int[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int v) {
            int i = size++;
            heap[i] = v;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (heap[parent] >= heap[i]) {
                    break;
                }
                int t = heap[parent];
                heap[parent] = heap[i];
                heap[i] = t;
                i = parent;
            }
        }

        int pop() {
            int top = heap[0];
            heap[0] = heap[--size];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int m = i;
                if (l < size && heap[l] > heap[m]) {
                    m = l;
                }
                if (r < size && heap[r] > heap[m]) {
                    m = r;
                }
                if (m == i) {
                    return top;
                }
                int t = heap[m];
                heap[m] = heap[i];
                heap[i] = t;
                i = m;
            }
        }
    }
}
