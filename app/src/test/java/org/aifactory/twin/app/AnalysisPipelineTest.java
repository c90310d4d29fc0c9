package org.aifactory.twin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.CoolingPowerFact;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class AnalysisPipelineTest {
    /** A stand-in: "a-producer" publishes cooling power; "z-consumer"... runs first by name unless ordered. */
    private record Stub(String name, List<String> after, Object fact, List<Object> seen) implements FacilityAnalysis {
        @Override
        public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
            seen.addAll(context.facts());
            return new AnalysisResult(List.of(), Map.of(), fact == null ? List.of() : List.of(fact));
        }
    }

    @Test
    void consumersRunAfterProducersAndSeeTheirFacts() {
        List<Object> seenByPower = new ArrayList<>();
        Stub power = new Stub("power", List.of("thermal"), null, seenByPower);
        Stub thermal = new Stub("thermal", List.of(), new CoolingPowerFact(1200, 900), new ArrayList<>());
        AnalysisPipeline pipeline = new AnalysisPipeline(List.of(power, thermal));
        assertThat(pipeline.names()).containsExactly("thermal", "power");
        pipeline.run(Samples.LAB.load());
        assertThat(seenByPower).containsExactly(new CoolingPowerFact(1200, 900));
    }

    @Test
    void aMissingProducerIsNoObstacle() {
        Stub power = new Stub("power", List.of("thermal"), null, new ArrayList<>());
        assertThat(new AnalysisPipeline(List.of(power)).run(Samples.LAB.load()).reports())
                .containsKey("power");
    }
}
