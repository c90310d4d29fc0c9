package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.aifactory.twin.ui.charts.ChartsView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tokens/s-against-load chart on the lab pushed past its capacity (its 18 GB200 replicas
 * offered 700 req/s instead of 50, so the sweep's 2× point is 1,400 req/s): the real analyses'
 * sweep, with the first saturated point marked. The lab's air-cooled chiller also makes its
 * monthly PUE follow the ambient.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsSaturationTest {
    private Stage stage;
    private ChartsView charts;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        charts = new ChartsView();
        // TestFX reuses one stage: drop a designer window's close handler left by an earlier test class
        stage.setOnHidden(null);
        stage.setOnCloseRequest(null);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(charts.view()), 1800, 420));
        stage.show();
    }

    @Test
    void theSaturationPointIsMarked(FxRobot robot) throws Exception {
        Facility su = Samples.LAB.load();
        TrafficProfile t = su.workload().traffic().get(0);
        TrafficProfile heavy = new TrafficProfile(
                t.id(),
                t.deployment(),
                new Arrival(ArrivalKind.POISSON, 700, null, null, null),
                t.inputTokens(),
                t.outputTokens());
        AnalysisResults results = AnalysisResults.run(su.withWorkload(new Workload(
                su.workload().deployments(), List.of(heavy), su.workload().slos())));
        FxTesting.fx(() -> {
            charts.show(results);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        JsonNode sweep = results.reports().get("serving").path("loadSweep");
        // the first point whose served tokens fall 5 % short of the offered ones, read by hand
        int first = -1;
        for (int i = 0; i < sweep.size() && first < 0; i++) {
            JsonNode p = sweep.get(i);
            if (p.path("tokensPerSecond").asDouble()
                    < 0.95 * p.path("offeredTokensPerSecond").asDouble()) {
                first = i;
            }
        }
        assertThat(first).as("700 req/s × 2 saturates 18 replicas").isBetween(1, 6);
        @SuppressWarnings("unchecked")
        XYChart<Number, Number> chart =
                (XYChart<Number, Number>) robot.lookup("#throughputChart").query();
        assertThat(FxTesting.fx(() -> chart.getData().size())).isEqualTo(4);
        XYChart.Series<Number, Number> mark = FxTesting.fx(() -> chart.getData().get(3));
        assertThat(mark.getName()).startsWith("saturates");
        XYChart.Data<Number, Number> p = FxTesting.fx(() -> mark.getData().get(0));
        assertThat(p.getXValue().doubleValue())
                .isEqualTo(sweep.get(first).path("offeredRps").asDouble());
        assertThat(p.getYValue().doubleValue())
                .isCloseTo(sweep.get(first).path("tokensPerSecond").asDouble() / 1000, within(1e-9));
        // goodput never above what is served
        XYChart.Series<Number, Number> served =
                FxTesting.fx(() -> chart.getData().get(0));
        XYChart.Series<Number, Number> good = FxTesting.fx(() -> chart.getData().get(1));
        for (int i = 0; i < served.getData().size(); i++) {
            assertThat(good.getData().get(i).getYValue().doubleValue())
                    .isLessThanOrEqualTo(served.getData().get(i).getYValue().doubleValue() + 1e-9);
        }
        javafx.scene.control.ScrollPane scroll =
                robot.lookup("#charts .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        FxTesting.savePng(FxTesting.fx(() -> scroll.getContent().snapshot(null, null)), "charts-03-saturation.png");
    }
}
