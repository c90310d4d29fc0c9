package org.aifactory.twin.power;

/**
 * Steady-state load flow over the whole graph, from the racks up to the sources.
 *
 * <ol>
 *   <li>Liveness, sources first: a source is live unless failed; any other node is live unless
 *       failed and while at least one of its inputs is live.</li>
 *   <li>Racks: a rack with at least one live feed is powered, and its load {@code P} splits
 *       equally over its {@code k} live feeds ({@code P/k} each, as a 2N pair shares a rack's
 *       power shelves evenly [E]).</li>
 *   <li>Nodes, downstream first: output {@code P_out} = sum of what its racks and children draw
 *       from it; losses {@code L(P_out)} from {@link LossModel}; input {@code P_in = P_out + L};
 *       the input splits equally over its active inputs (the live primary inputs, or when
 *       none is live the live standby inputs: generators and listed {@code standbyInputs}).</li>
 * </ol>
 * Losses depend only on a node's own output, so one pass in reverse topological order is exact:
 * no iteration is needed.
 */
final class LoadFlow {
    private LoadFlow() {}

    /** The flow with no failure. */
    static FlowState solve(PowerGraph g) {
        return solve(g, -1);
    }

    /** The flow with node {@code failedNode} out of service ({@code -1}: none). */
    static FlowState solve(PowerGraph g, int failedNode) {
        int n = g.nodeCount;
        boolean[] live = new boolean[n];
        for (int r = 0; r < n; r++) {
            int i = g.topoOrder[r];
            if (i == failedNode) {
                continue;
            }
            if (g.isSource(i)) {
                live[i] = true;
            } else {
                for (int p : g.inputs[i]) {
                    if (live[p]) {
                        live[i] = true;
                        break;
                    }
                }
            }
        }
        double[] out = new double[n];
        double[] loss = new double[n];
        double[] in = new double[n];
        boolean[] powered = new boolean[g.rackCount];
        int[] liveFeeds = new int[g.rackCount];
        double it = 0;
        for (int k = 0; k < g.rackCount; k++) {
            for (int s : g.rackFeeds[k]) {
                if (live[s]) {
                    liveFeeds[k]++;
                }
            }
            if (liveFeeds[k] == 0) {
                continue;
            }
            powered[k] = true;
            double load = g.rackLoadKw[k];
            it += load;
            double share = load / liveFeeds[k];
            for (int s : g.rackFeeds[k]) {
                if (live[s]) {
                    out[s] += share;
                }
            }
        }
        double losses = 0;
        double demand = 0;
        for (int r = n - 1; r >= 0; r--) {
            int i = g.topoOrder[r];
            if (!live[i]) {
                continue;
            }
            loss[i] = g.losses[i].lossKw(out[i]);
            in[i] = out[i] + loss[i];
            losses += loss[i];
            if (g.isSource(i)) {
                demand += in[i];
                continue;
            }
            boolean primary = hasLivePrimary(g, i, live);
            int active = 0;
            for (int k = 0; k < g.inputs[i].length; k++) {
                if (isActive(g, i, k, primary, live)) {
                    active++;
                }
            }
            double share = in[i] / active;
            for (int k = 0; k < g.inputs[i].length; k++) {
                if (isActive(g, i, k, primary, live)) {
                    out[g.inputs[i][k]] += share;
                }
            }
        }
        return new FlowState(live, out, loss, in, powered, liveFeeds, it, losses, demand);
    }

    static boolean hasLivePrimary(PowerGraph g, int node, boolean[] live) {
        for (int k = 0; k < g.inputs[node].length; k++) {
            if (live[g.inputs[node][k]] && !g.isStandbyInput(node, k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether input entry {@code k} supplies {@code node}: live, and primary unless the node has no live primary. */
    static boolean isActive(PowerGraph g, int node, int k, boolean nodeHasLivePrimary, boolean[] live) {
        return live[g.inputs[node][k]] && (nodeHasLivePrimary != g.isStandbyInput(node, k));
    }
}
