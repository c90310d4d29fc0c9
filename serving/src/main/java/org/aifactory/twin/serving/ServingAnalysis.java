package org.aifactory.twin.serving;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.FacilityPowerFact;
import org.aifactory.twin.model.analysis.RackPowerLimitFact;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The {@code serving} analysis: emulates each deployment under its traffic for a bounded number of
 * requests ({@link ServingEmulation.Options#VALIDATE}) and reports tokens per second, TTFT and
 * inter-token latency percentiles, goodput and whether the SLOs hold; replicas on racks that the
 * power or thermal analysis limits ({@link RackPowerLimitFact}, the tightest per rack) run at
 * the clocks their power allows ({@link PowerThrottle}); and a {@code loadSweep} of tokens per
 * second against offered load for the designer's charts. Stateless.
 */
public final class ServingAnalysis implements FacilityAnalysis {
    private final ServingEmulation emulation = new ServingEmulation();

    @Override
    public String name() {
        return "serving";
    }

    /** Power caps (power analysis) and thermal throttling (thermal analysis) slow replicas down: read their limits first. */
    @Override
    public List<String> after() {
        return List.of("power", "thermal");
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        ServingEmulation.Outcome o =
                emulation.run(facility, catalog, ServingEmulation.Options.VALIDATE, tightestLimits(context), true);
        ServingReport report = context.fact(FacilityPowerFact.class)
                .map(power -> o.report().withFacilityOverhead(power.overhead()))
                .orElse(o.report());
        return new AnalysisResult(o.findings(), report);
    }

    /** Rack id to the tightest allowed GPU power fraction over every {@link RackPowerLimitFact}; empty when none. */
    static Map<String, Double> tightestLimits(AnalysisContext context) {
        Map<String, Double> out = new TreeMap<>();
        for (RackPowerLimitFact f : context.factsOf(RackPowerLimitFact.class)) {
            f.gpuPowerFractionByRack().forEach((rack, v) -> out.merge(rack, v, Math::min));
        }
        return out;
    }
}
