package org.aifactory.twin.thermal;

import java.util.Arrays;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;

/**
 * Times the full thermal solve (design point, 8,760-hour year and N-1) of generated campuses:
 * median of {@value #RUNS} runs after {@value #WARM_UP} warm-up runs. A bench command, not a test:
 * <pre>
 *   mvn -o -q -pl thermal test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 *   java -cp "$(cat thermal/cp.txt):thermal/target/classes:thermal/target/test-classes" org.aifactory.twin.thermal.ThermalBenchmark [racks...]
 * </pre>
 * It prints to the console because that is its whole job (test scope only; main code never does).
 */
public final class ThermalBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = 11;

    private ThermalBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1000, 2000, 4000, 8000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
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
            System.out.printf(Locale.ROOT, "%,6d GPU racks, %,4d CDUs: median %.1f ms (min %.1f, max %.1f); IT %.0f kW, cooling %.0f kW, "
                    + "PUE design %.4f, annual %.4f%n", racks, last.cdus().size(), ms[RUNS / 2], ms[0], ms[RUNS - 1], last.itHeatKw(),
                    last.coolingPowerKw(), last.pueDesign(), last.pueAnnual());
        }
    }
}
