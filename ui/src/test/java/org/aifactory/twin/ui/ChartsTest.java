package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charts after validating the 8-rack scalable unit with the real thermal, power and serving
 * analyses: each chart is there with the series the reports give.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsTest {
    private Stage stage;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
        window = DesignerWindow.showOn(stage, Samples.SCALABLE_UNIT.load(), Samples.SCALABLE_UNIT.fileName());
    }

    @Test
    void validationFillsEveryChartFromTheReports(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        assertThat(robot.lookup("#powerTierChart").tryQuery())
                .as("charts before validating")
                .isEmpty();
        FxTesting.fx(window::validate);
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> FxTesting.fx(() -> window.state().results() != null));
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();
        AnalysisResults results = FxTesting.fx(() -> window.state().results());
        JsonNode power = results.reports().get(AnalysisResults.POWER);
        JsonNode thermal = results.reports().get(AnalysisResults.THERMAL);
        JsonNode serving = results.reports().get("serving").path("deployments").get(0);

        // Power tiers: the SU's chain is utility > MV switchgear > 2 transformers > 2 UPS > 4 busways (2N).
        XYChart<String, Number> tiers = chart(robot, "#powerTierChart");
        List<String> categories = FxTesting.fx(() -> tiers.getData().get(0).getData().stream()
                .map(XYChart.Data::getXValue)
                .toList());
        assertThat(categories)
                .containsExactly(
                        "utility \u00d71",
                        "mv-switchgear \u00d71",
                        "transformer \u00d72",
                        "ups \u00d72",
                        "busway \u00d74");
        assertThat(FxTesting.fx(() ->
                        tiers.getData().stream().map(XYChart.Series::getName).toList()))
                .containsExactly("Load", "Rating");
        // Conservation: every rack hangs on the busways, so their loads add up to the IT power (1,000 kW = 8 x 120 + 2
        // x 20).
        double buswayLoadMw = FxTesting.fx(
                () -> tiers.getData().get(0).getData().get(4).getYValue().doubleValue());
        assertThat(buswayLoadMw)
                .isCloseTo(power.path("itPowerKw").asDouble() / 1000, within(1e-9))
                .isCloseTo(1.0, within(1e-9));
        // Rating: four 1600 A busways of 1,093 kW each (catalog busway-1600a).
        double buswayRatingMw = FxTesting.fx(
                () -> tiers.getData().get(1).getData().get(4).getYValue().doubleValue());
        assertThat(buswayRatingMw).isCloseTo(4 * 1.093, within(1e-9));

        // PUE: the three figures as the thermal and power reports state them.
        XYChart<String, Number> pue = chart(robot, "#pueChart");
        List<Number> pues = FxTesting.fx(() -> pue.getData().get(0).getData().stream()
                .map(XYChart.Data::getYValue)
                .toList());
        assertThat(pues)
                .containsExactly(
                        thermal.path("pueDesign").asDouble(),
                        thermal.path("pueAnnual").asDouble(),
                        power.path("pue").asDouble());
        XYChart<String, Number> cooling = chart(robot, "#coolingPowerChart");
        double coolingSumKw = FxTesting.fx(() -> cooling.getData().get(0).getData().stream()
                .mapToDouble(d -> d.getYValue().doubleValue())
                .sum());
        // The consumers add up to the thermal report's total cooling power.
        assertThat(coolingSumKw).isCloseTo(thermal.path("coolingPowerKw").asDouble(), within(1e-6));

        // Serving latency: p50, p90, p99 and the SLO of the one deployment.
        XYChart<String, Number> ttft = chart(robot, "#ttftChart");
        assertThat(FxTesting.fx(() -> ttft.getData().get(0).getName())).isEqualTo("serving");
        List<Number> ttftValues = FxTesting.fx(() -> ttft.getData().get(0).getData().stream()
                .map(XYChart.Data::getYValue)
                .toList());
        assertThat(ttftValues)
                .containsExactly(
                        serving.path("ttftP50Ms").asDouble(),
                        serving.path("ttftP90Ms").asDouble(),
                        serving.path("ttftP99Ms").asDouble(),
                        450.0);
        XYChart<String, Number> itl = chart(robot, "#itlChart");
        assertThat(FxTesting.fx(
                        () -> itl.getData().get(0).getData().get(3).getYValue().doubleValue()))
                .isEqualTo(40.0);
        // Tokens/s against load: the report's sweep, served tokens/s (thousands) at each offered load.
        JsonNode sweep = results.reports().get("serving").path("loadSweep");
        assertThat(sweep.size()).isEqualTo(7);
        XYChart<Number, Number> throughput = chart(robot, "#throughputChart");
        assertThat(FxTesting.fx(() -> throughput.getData().stream()
                        .map(XYChart.Series::getName)
                        .toList()))
                .startsWith("served", "goodput (within SLO)", "offered");
        for (int i = 0; i < sweep.size(); i++) {
            int k = i;
            XYChart.Data<Number, Number> point =
                    FxTesting.fx(() -> throughput.getData().get(0).getData().get(k));
            assertThat(point.getXValue().doubleValue())
                    .isEqualTo(sweep.get(i).path("offeredRps").asDouble());
            assertThat(point.getYValue().doubleValue())
                    .isCloseTo(sweep.get(i).path("tokensPerSecond").asDouble() / 1000, within(1e-9));
        }
        // The SU keeps up with twice its traffic (144 replicas for 400 req/s): no saturation mark.
        assertThat(FxTesting.fx(() -> throughput.getData().size())).isEqualTo(3);
        assertThat(FxTesting.fx(throughput::getTitle)).contains("keeps up at 2\u00d7");

        // Monthly PUE: twelve months as the thermal report states them, each labelled with its dry bulb.
        XYChart<String, Number> monthly = chart(robot, "#monthlyPueChart");
        JsonNode months = thermal.path("pueMonthly");
        assertThat(months.size()).isEqualTo(12);
        List<XYChart.Data<String, Number>> monthPoints =
                FxTesting.fx(() -> List.copyOf(monthly.getData().get(0).getData()));
        assertThat(monthPoints).hasSize(12);
        for (int m = 0; m < 12; m++) {
            assertThat(monthPoints.get(m).getYValue().doubleValue())
                    .isEqualTo(months.get(m).path("pue").asDouble());
            assertThat(monthPoints.get(m).getXValue())
                    .isEqualTo(String.format(
                            java.util.Locale.ROOT,
                            "%s\n%.0f \u00b0C",
                            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
                                    .get(m),
                            months.get(m).path("meanDryBulbC").asDouble()));
        }

        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "charts-01-after-validation.png");
        // Every chart, also those scrolled out of sight.
        javafx.scene.control.ScrollPane scroll =
                robot.lookup("#charts .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        FxTesting.savePng(FxTesting.fx(() -> scroll.getContent().snapshot(null, null)), "charts-02-all.png");

        // An edit makes the results stale: the charts go back to asking for a validation.
        FxTesting.fx(() -> window.addRow("gb200-nvl72", "hall-1", 1.8, 2.4, 2));
        assertThat(robot.lookup("#powerTierChart").tryQuery()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <X, Y> XYChart<X, Y> chart(FxRobot robot, String query) {
        return (XYChart<X, Y>) robot.lookup(query).query();
    }
}
