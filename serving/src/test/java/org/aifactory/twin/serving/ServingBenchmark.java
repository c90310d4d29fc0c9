package org.aifactory.twin.serving;

import java.util.Locale;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.TokenDistribution;

/**
 * Emulation speed: {@code requests} (default 1,000,000) Poisson requests on 64 Llama-2-70B FP8
 * replicas (GB200, TP4), KV-aware routing; prints requests emulated per second of wall time and
 * the heap in use after the run (streaming statistics: it must not grow with the request count).
 * A bench, not a test:
 * <pre>
 *   mvn -o -q -pl serving test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 *   java -cp "$(cat serving/cp.txt):serving/target/classes:serving/target/test-classes" \
 *       org.aifactory.twin.serving.ServingBenchmark [requests] [rateRps]
 * </pre>
 * It prints to the console because that is its whole job (test scope only).
 */
public final class ServingBenchmark {
    private ServingBenchmark() {}

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 640;
        ExecutionModel m = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
        TokenDistribution in = new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192);
        TokenDistribution out = new TokenDistribution(DistributionKind.LOGNORMAL, 512, 256.0, 16, 4096);
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? Math.min(requests, 100_000) : requests; // first round warms up the JIT
            EmulationSpec spec =
                    EmulationSpec.aggregated(m, 64, RouterPolicy.KV_AWARE, n).withSlo(450, 99, 40, 99);
            RequestSource src =
                    RequestSource.synthetic(new Arrival(ArrivalKind.POISSON, rate, null, null, null), in, out, 1, 1);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapBefore = rt.totalMemory() - rt.freeMemory();
            long t0 = System.nanoTime();
            EmulationResult r = new Emulator(spec, src).run();
            double wallS = (System.nanoTime() - t0) / 1e9;
            long heapPeakish = rt.totalMemory() - rt.freeMemory();
            System.gc();
            long heapAfter = rt.totalMemory() - rt.freeMemory();
            System.out.printf(
                    Locale.ROOT,
                    "%,d requests on 64 replicas at %.0f req/s: %.2f s wall, %,.0f requests/s emulated; "
                            + "simulated %.0f s; %,.0f tok/s; TTFT p99 %.0f ms, ITL p99 %.1f ms; overloaded %s; heap %d MB before, "
                            + "%d MB at end, %d MB after GC%n",
                    n,
                    rate,
                    wallS,
                    n / wallS,
                    r.windowS(),
                    r.totalTokensPerS(),
                    r.ttftP99Ms(),
                    r.itlP99Ms(),
                    r.overloaded(),
                    heapBefore >> 20,
                    heapPeakish >> 20,
                    heapAfter >> 20);
        }
    }
}
