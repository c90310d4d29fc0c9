package org.aifactory.twin.power;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * For {@code twin bench}: times the full N-1 analysis alone (every single failure of a node and of
 * one power shelf per rack, incremental solver) on a facility, the graph and the baseline load flow
 * prepared outside the timing. Nothing is asserted; speed is never a unit-test assertion.
 */
public final class ContingencyTiming {
    private ContingencyTiming() {}

    /**
     * @param cases single failures solved
     * @param nanos wall time of solving them all
     */
    public record Result(int cases, long nanos) {}

    /** Solves every single failure of {@code facility} at typical load once and times it. */
    public static Result run(Facility facility, CatalogIndex catalog) {
        PowerGraph g = new PowerGraph(facility, catalog, PowerOptions.DEFAULT);
        FlowState base = LoadFlow.solve(g);
        List<Failure> failures = Failure.all(g);
        long t0 = System.nanoTime();
        List<ContingencyOutcome> outcomes = new IncrementalContingencySolver().solve(g, base, failures);
        long nanos = System.nanoTime() - t0;
        return new Result(outcomes.size(), nanos);
    }
}
