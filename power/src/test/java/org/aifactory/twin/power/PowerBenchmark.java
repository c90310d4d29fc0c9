package org.aifactory.twin.power;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;

/**
 * Times the N-1 analysis of the gigawatt campus (8,000 GB300 racks): every single failure with the
 * incremental solver, once with the naive full re-solve for comparison, and the whole analysis.
 * Prints median times. Run from the module (test class path), e.g.
 * {@code mvn -o -q -pl power exec:java -Dexec.mainClass=org.aifactory.twin.power.PowerBenchmark -Dexec.classpathScope=test}.
 */
public final class PowerBenchmark {
    private PowerBenchmark() {}

    private static final int WARMUP = 5;
    private static final int RUNS = 21;

    public static void main(String[] args) {
        int racks = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
        Facility campus = new FacilityGenerator(CatalogIo.builtIn()).campus(racks);
        PowerGraph g = Chains.graph(campus);
        FlowState base = LoadFlow.solve(g);
        List<Failure> failures = Failure.all(g);
        long nodeFailures =
                failures.stream().filter(f -> f.type() == Failure.Type.NODE).count();
        print(
                "campus: %,d racks, %,d power nodes, %,d single failures (%,d nodes + %,d power shelves)",
                g.rackCount, g.nodeCount, failures.size(), nodeFailures, failures.size() - nodeFailures);

        IncrementalContingencySolver incremental = new IncrementalContingencySolver();
        double nMinus1 = median(() -> incremental.solve(g, base, failures));
        double nodesOnly = median(() -> incremental.solve(g, base, failures.subList(0, (int) nodeFailures)));
        double loadFlow = median(() -> LoadFlow.solve(g));
        double graph = median(() -> Chains.graph(campus));
        double analysis = median(() -> new PowerAnalysis().analyze(campus, Chains.CATALOG, AnalysisContext.empty()));
        long t0 = System.nanoTime();
        new NaiveContingencySolver().solve(g, base, failures.subList(0, (int) nodeFailures));
        double naive = (System.nanoTime() - t0) / 1e6;
        print("N-1 incremental, all %,d failures: median %.1f ms", failures.size(), nMinus1);
        print("N-1 incremental, %,d node failures: median %.1f ms", nodeFailures, nodesOnly);
        print("N-1 naive full re-solve, %,d node failures: %.0f ms (one run)", nodeFailures, naive);
        print("graph compilation: median %.1f ms; baseline load flow: median %.2f ms", graph, loadFlow);
        print("whole power analysis (graph, load flow, N-1, findings, report): median %.1f ms", analysis);

        for (Samples s : List.of(Samples.SCALABLE_UNIT, Samples.HALL_100MW)) {
            PowerReport r = (PowerReport) new PowerAnalysis()
                    .analyze(s.load(), Chains.CATALOG, AnalysisContext.empty())
                    .report();
            print(
                    "%s: IT %.1f kW, losses %.1f kW (PUE +%.3f), facility %.1f kW, grid %.0f kW, %.0f MWh/yr, USD %.0f/yr, N-1 %d ok of %d",
                    s.name(),
                    r.itPowerKw(),
                    r.lossesKw(),
                    r.lossesPueContribution(),
                    r.facilityPowerKw(),
                    r.gridCapacityKw(),
                    r.annualEnergyMwh(),
                    r.annualCostUsd(),
                    r.n1Summary().ok(),
                    r.n1Summary().cases());
        }
        PowerReport r = (PowerReport) new PowerAnalysis()
                .analyze(campus, Chains.CATALOG, AnalysisContext.empty())
                .report();
        print(
                "CAMPUS: IT %.1f kW, losses %.1f kW, facility %.1f kW, grid %.0f kW",
                r.itPowerKw(), r.lossesKw(), r.facilityPowerKw(), r.gridCapacityKw());
    }

    private static double median(Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    @SuppressWarnings("java:S106") // a benchmark's output is the console
    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
