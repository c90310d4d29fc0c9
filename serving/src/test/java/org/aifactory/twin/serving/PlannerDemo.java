package org.aifactory.twin.serving;

import java.util.Locale;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.TokenDistribution;

/**
 * Prints the planner's decisions for a step and a diurnal day (the figures in docs/serving.md §9).
 * Run like {@link ServingBenchmark}; arguments: [step|diurnal|disagg]. Test scope, prints by design.
 */
public final class PlannerDemo {
    private PlannerDemo() {}

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "step";
        ExecutionModel m = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
        TokenDistribution in = new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192);
        TokenDistribution out = new TokenDistribution(DistributionKind.LOGNORMAL, 256, 128.0, 16, 2048);
        EmulationResult r;
        if (what.equals("diurnal")) {
            // one day compressed: mean 100 req/s, peak 190 req/s, period 86,400 s, Dynamo's 180 s interval
            int requests = 100 * 86_400;
            EmulationSpec spec = EmulationSpec.aggregated(m, 16, RouterPolicy.LEAST_LOADED, requests)
                    .withSlo(450, 99, 40, 99);
            PlannerSpec p =
                    PlannerSpec.defaults(16, 0, PlannerSpec.startupS(m), 0).withInitial(4, 0);
            r = new Emulator(
                            spec,
                            RequestSource.synthetic(
                                    new Arrival(ArrivalKind.DIURNAL, 100, 190.0, 86_400.0, null), in, out, 1, 1))
                    .withPlanner(p)
                    .run();
        } else if (what.equals("disagg")) {
            EmulationSpec spec = EmulationSpec.aggregated(m, 8, RouterPolicy.LEAST_LOADED, 483_000)
                    .withSlo(450, 99, 40, 99)
                    .withDisaggregation(m, 8, 100e9);
            PlannerSpec p = PlannerSpec.defaults(8, 8, PlannerSpec.startupS(m), PlannerSpec.startupS(m))
                    .withInterval(60)
                    .withInitial(1, 1);
            r = new Emulator(spec, PlannerTest.step(10, 400, 300, 5))
                    .withPlanner(p)
                    .run();
        } else {
            int requests = (int) (20 * 900 + 200 * 1500);
            EmulationSpec spec = EmulationSpec.aggregated(m, 16, RouterPolicy.LEAST_LOADED, requests)
                    .withSlo(450, 99, 40, 99);
            PlannerSpec p = PlannerSpec.defaults(16, 0, PlannerSpec.startupS(m), 0)
                    .withInterval(60)
                    .withInitial(2, 0)
                    .withPredictor(PlannerSpec.Predictor.CONSTANT);
            r = new Emulator(spec, PlannerTest.step(20, 200, 900, 7))
                    .withPlanner(p)
                    .run();
        }
        for (PlannerPoint pt : r.planner()) {
            System.out.printf(
                    Locale.ROOT,
                    "t=%6.0f s  seen %6.1f req/s  forecast %6.1f  TTFT %8.1f ms  ITL %5.1f ms  workers %2d/%2d "
                            + "target %2d/%2d%n",
                    pt.timeS(),
                    pt.observedRps(),
                    pt.predictedRps(),
                    pt.ttftMeanMs(),
                    pt.itlMeanMs(),
                    pt.frontWorkers(),
                    pt.backWorkers(),
                    pt.frontTarget(),
                    pt.backTarget());
        }
        System.out.printf(
                Locale.ROOT,
                "GPU-hours %.1f of %.1f static (%.0f %% saved); peak %d/%d workers; TTFT p99 %.0f ms, ITL p99 "
                        + "%.1f ms, goodput %.1f of %.1f req/s%n",
                r.gpuHours(),
                r.staticGpuHours(),
                100 * (1 - r.gpuHours() / r.staticGpuHours()),
                r.peakFrontWorkers(),
                r.peakBackWorkers(),
                r.ttftP99Ms(),
                r.itlP99Ms(),
                r.goodputRps(),
                r.offeredRps());
    }
}
