package org.aifactory.twin.thermal;

import java.util.Arrays;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;

/**
 * Times the full thermal solve (design point, 8,760-hour year and N-1 of every CDU, pump and
 * heat-rejection unit) of generated campuses of 1,000 / 2,000 / 4,000 / 8,000 GPU racks (or the sizes given):
 * median of {@value #RUNS} runs after {@value #WARM_UP} warm-up runs. A bench command, not a test:
 * <pre>
 *   mvn -o -q -pl thermal test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/thermal-cp.txt -Dmdep.includeScope=test
 *   java -cp "$(cat /tmp/thermal-cp.txt):thermal/target/classes:thermal/target/test-classes" org.aifactory.twin.thermal.ThermalBenchmark [racks...]
 * </pre>
 * It prints to the console because that is its whole job (test scope only; main code never does).
 */
public final class ThermalBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = 11;

    private ThermalBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0
                ? new int[] {1000, 2000, 4000, 8000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ThermalSolver solver = new ThermalSolver();
        for (int racks : sizes) {
            Facility f = new FacilityGenerator(CatalogIo.builtIn()).campus(racks);
            CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), f.catalog());
            double[] ms = new double[RUNS];
            ThermalReport last = null;
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long t0 = System.nanoTime();
                last = solver.solve(f, catalog).report();
                long t1 = System.nanoTime();
                if (i >= WARM_UP) {
                    ms[i - WARM_UP] = (t1 - t0) / 1e6;
                }
            }
            Arrays.sort(ms);
            double median = ms[RUNS / 2];
            // linear growth shows as a flat ms per 1,000 racks column
            System.out.printf(
                    Locale.ROOT,
                    "%,6d GPU racks (%,6d in all), %,4d CDUs: median %7.1f ms = %5.1f ms per 1,000 racks (min %.1f, max %.1f); "
                            + "IT %.0f kW, cooling %.0f kW, PUE design %.4f, annual %.4f%n",
                    racks,
                    f.racks().size(),
                    last.cdus().size(),
                    median,
                    median * 1000 / f.racks().size(),
                    ms[0],
                    ms[RUNS - 1],
                    last.itHeatKw(),
                    last.coolingPowerKw(),
                    last.pueDesign(),
                    last.pueAnnual());
        }
    }
}
