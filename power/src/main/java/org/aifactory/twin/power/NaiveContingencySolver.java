package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference N-1 solver: re-solves the whole graph for every failed node, O(failures x
 * graph). Kept as the oracle of the differential test of {@link IncrementalContingencySolver}.
 */
final class NaiveContingencySolver implements ContingencySolver {

    @Override
    public List<ContingencyOutcome> solve(PowerGraph g, FlowState baseline, List<Failure> failures) {
        int[] baseOverRacks = ContingencySolver.overloadedRacks(g, baseline);
        int[] baseOverNodes = ContingencySolver.overloadedNodes(g, baseline);
        List<ContingencyOutcome> outcomes = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            if (f.type() == Failure.Type.SHELF) {
                outcomes.add(shelf(g, baseline, f, baseOverNodes, baseOverRacks));
                continue;
            }
            FlowState s = LoadFlow.solve(g, f.index());
            List<Integer> unpowered = new ArrayList<>();
            for (int r = 0; r < g.rackCount; r++) {
                if (baseline.rackPowered[r] && !s.rackPowered[r]) {
                    unpowered.add(r);
                }
            }
            outcomes.add(new ContingencyOutcome(
                    f,
                    unpowered.stream().mapToInt(Integer::intValue).toArray(),
                    ContingencySolver.overloadedNodes(g, s),
                    ContingencySolver.overloadedRacks(g, s),
                    baseline.itPowerKw - s.itPowerKw,
                    s.sourceDemandKw,
                    s.lossesKw));
        }
        return outcomes;
    }

    /** A lost shelf changes nothing upstream [E: the rack keeps drawing its load through the others]. */
    static ContingencyOutcome shelf(
            PowerGraph g, FlowState baseline, Failure f, int[] baseOverNodes, int[] baseOverRacks) {
        int r = f.index();
        boolean carried = !baseline.rackPowered[r]
                || !Tolerances.over(g.rackLoadKw[r], g.shelfCapacityKw(r, baseline.rackLiveFeeds[r], 1));
        int[] racks = baseOverRacks;
        if (!carried && Arrays.binarySearch(baseOverRacks, r) < 0) {
            racks = Arrays.copyOf(baseOverRacks, baseOverRacks.length + 1);
            racks[racks.length - 1] = r;
            Arrays.sort(racks);
        }
        return new ContingencyOutcome(
                f, new int[0], baseOverNodes, racks, 0, baseline.sourceDemandKw, baseline.lossesKw);
    }
}
