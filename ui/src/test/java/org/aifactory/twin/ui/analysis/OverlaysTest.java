package org.aifactory.twin.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.scene.SceneColouring;
import org.junit.jupiter.api.Test;

/** Overlays read reports by their documented field names; hand-written reports stand in for the solvers here. */
class OverlaysTest {
    private final Facility su = Samples.SCALABLE_UNIT.load();

    private static JsonNode json(String text) throws Exception {
        return TwinJson.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void scaleIsFixedAndClampsAtItsEnds() {
        assertThat(Overlays.UTILISATION.colour(-1))
                .isEqualTo(Overlays.UTILISATION.colours()[0]);
        assertThat(Overlays.UTILISATION.colour(5))
                .isEqualTo(Overlays.UTILISATION.colours()[4]);
        assertThat(Overlays.UTILISATION.colour(1.0)).isEqualTo(Color.web("#f46d43"));
        // Half-way between the 40 and 50 °C stops.
        assertThat(Overlays.RETURN_TEMPERATURE.colour(45))
                .isEqualTo(Color.web("#ffffbf").interpolate(Color.web("#fdae61"), 0.5));
        assertThat(Overlays.RETURN_TEMPERATURE.colour(Double.NaN)).isNull();
    }

    @Test
    void aRackTakesTheColourOfItsMostLoadedFeed() throws Exception {
        Rack rack = su.racks().get(0);
        String a = rack.feeds().get(0).source();
        String b = rack.feeds().get(1).source();
        AnalysisResults results = new AnalysisResults(
                List.of(),
                Map.of(
                        "power",
                        json("{'components': [{'id': '" + a + "', 'utilization': 0.3}, {'id': '" + b
                                + "', 'utilization': 0.9}]}")),
                Map.of());
        SceneColouring c = Overlays.colouring(OverlayKind.POWER, su, results, null);
        assertThat(c.colours().get(rack.id())).isEqualTo(Overlays.UTILISATION.colour(0.9));
        assertThat(c.colours().get(a)).isEqualTo(Overlays.UTILISATION.colour(0.3));
    }

    @Test
    void n1SaysWhenTheReportListsFewerIdsThanItCounts() throws Exception {
        AnalysisResults results = new AnalysisResults(
                List.of(),
                Map.of(
                        "power",
                        json(
                                "{'n1': [{'failed': 'tx-1', 'kind': 'transformer', 'unpowered': ['r1', 'r2'], 'unpoweredCount': 40,"
                                        + " 'overloaded': ['tx-2'], 'overloadedCount': 1, 'lostLoadKw': 4800}]}")),
                Map.of());
        SceneColouring c = Overlays.colouring(OverlayKind.N1, su, results, "tx-1");
        assertThat(c.title()).isEqualTo("If tx-1 (transformer) fails");
        assertThat(c.colours()).containsEntry("r1", Overlays.UNPOWERED).containsEntry("tx-2", Overlays.OVERLOADED);
        assertThat(c.note())
                .contains("40 racks lose power")
                .contains("4,800 kW")
                .contains("lists only 2 of the racks");
        assertThat(Overlays.colouring(OverlayKind.N1, su, results, null).note()).startsWith("Select a power component");
    }

    @Test
    void withoutResultsOrWithoutTheAnalysisTheOverlaySaysWhy() throws Exception {
        assertThat(Overlays.colouring(OverlayKind.NONE, su, null, null)).isNull();
        assertThat(Overlays.colouring(OverlayKind.THERMAL, su, null, null).note())
                .contains("Validate (F5)");
        AnalysisResults none = new AnalysisResults(List.of(), Map.of(), Map.of());
        assertThat(Overlays.colouring(OverlayKind.NETWORK, su, none, null).note())
                .isEqualTo("no network analysis yet.");
        assertThat(Overlays.colouring(OverlayKind.THERMAL, su, none, null).colours())
                .isEmpty();
    }

    @Test
    void overlayNamesParseAsTheCommandLineWritesThem() {
        assertThat(OverlayKind.parse("thermal")).contains(OverlayKind.THERMAL);
        assertThat(OverlayKind.parse("N-1")).contains(OverlayKind.N1);
        assertThat(OverlayKind.parse("nope")).isEmpty();
    }
}
