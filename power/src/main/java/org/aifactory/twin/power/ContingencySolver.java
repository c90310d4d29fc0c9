package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves every single failure (N-1) of a power graph against its no-failure baseline.
 * Implementations are stateless: scratch space lives in each call.
 */
interface ContingencySolver {

    /** The outcome of each failure in {@code failures}, in the same order. */
    List<ContingencyOutcome> solve(PowerGraph g, FlowState baseline, List<Failure> failures);

    default List<ContingencyOutcome> solveAll(PowerGraph g, FlowState baseline) {
        return solve(g, baseline, Failure.all(g));
    }

    /** Live nodes over their rating. */
    static int[] overloadedNodes(PowerGraph g, FlowState s) {
        List<Integer> over = new ArrayList<>();
        for (int i = 0; i < g.nodeCount; i++) {
            if (s.nodeLive[i] && Tolerances.over(s.outputKw[i], g.ratingKw[i])) {
                over.add(i);
            }
        }
        return over.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Powered racks whose shelves on their live feeds cannot carry their load. */
    static int[] overloadedRacks(PowerGraph g, FlowState s) {
        List<Integer> over = new ArrayList<>();
        for (int r = 0; r < g.rackCount; r++) {
            if (s.rackPowered[r]
                    && g.rackShelves[r] > 0
                    && Tolerances.over(g.rackLoadKw[r], g.shelfCapacityKw(r, s.rackLiveFeeds[r], 0))) {
                over.add(r);
            }
        }
        return over.stream().mapToInt(Integer::intValue).toArray();
    }
}
