package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.aifactory.twin.ui.sizing.SizingTask;
import org.aifactory.twin.ui.sizing.SizingView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sizing view with the real serving emulator (found through ServiceLoader): ask, read the
 * answer, lay it out and validate the layout; Cancel and bad input with a stand-in advisor.
 */
@ExtendWith(ApplicationExtension.class)
class SizingViewTest {
    private static final CatalogIndex CATALOG = new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY);
    private Stage stage;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
        window = DesignerWindow.showOn(stage, Samples.SCALABLE_UNIT.load(), Samples.SCALABLE_UNIT.fileName());
    }

    @Test
    void sizingAnswersRacksPowerAndCdusAndLaysThemOutAsAFacilityThatMeetsTheSlo(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robot.clickOn("Analysis");
        robot.clickOn("Size for a Workload...");
        WaitForAsyncUtils.waitForFxEvents();
        SizingView view = FxTesting.fx(() -> window.openSizing());
        // 400 req/s of Llama-2-70B (the scalable-unit sample's traffic) on GB200 NVL72, TTFT 450 ms / ITL 40 ms at p99.
        robot.clickOn("#sizingRun");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> FxTesting.fx(() -> view.answer() != null));
        SizingTask.Answer answer = FxTesting.fx(view::answer);
        SizingAdvisor.Proposal p = answer.proposal();
        assertThat(p.feasible()).isTrue();
        assertThat(p.ttftAtSloPercentileMs()).isLessThanOrEqualTo(450);
        assertThat(p.itlAtSloPercentileMs()).isLessThanOrEqualTo(40);
        // Hand rules: 18 TP4 replicas per 72-GPU rack; IT power = racks x 120 kW (catalog gb200-nvl72 typical power);
        // the layout has one CDU per scalable unit of 8 racks.
        RackType gb200 = CATALOG.rack("gb200-nvl72").orElseThrow();
        assertThat(p.racks()).isEqualTo((p.replicas() + 17) / 18);
        assertThat(p.itPowerKw()).isEqualTo(p.racks() * gb200.typicalPowerKw());
        assertThat(answer.cdus()).isEqualTo((p.racks() + 7) / 8);
        assertThat(answer.layout().racks().stream()
                        .filter(r -> r.type().equals("gb200-nvl72"))
                        .count())
                .isEqualTo(p.racks());
        // Facility power (IT + losses + cooling) is at least the IT power.
        assertThat(answer.facilityPowerKw()).isGreaterThan(p.itPowerKw());
        String expected = String.format(
                java.util.Locale.ROOT,
                "%d rack%s, %.2f MW, %d CDU%s",
                p.racks(),
                p.racks() == 1 ? "" : "s",
                answer.facilityPowerKw() / 1000,
                answer.cdus(),
                answer.cdus() == 1 ? "" : "s");
        assertThat(robot.lookup("#sizingAnswer").queryAs(Label.class).getText()).isEqualTo(expected);
        FxTesting.savePng(FxTesting.snapshot(view.stage().getScene()), "sizing-01-answer.png");

        robot.clickOn("#sizingLayout");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() -> window.state().nameProperty().get().startsWith("sized-llama-2-70b")));
        FxTesting.awaitLoaded(window, 60);
        Facility laidOut = FxTesting.fx(() -> window.facility().orElseThrow());
        assertThat(laidOut).isEqualTo(answer.layout());
        assertThat(FxTesting.fx(window::isDirty))
                .as("a layout is in no file yet")
                .isTrue();
        assertThat(laidOut.workload().deployments().get(0).pools().get(0).replicas())
                .isEqualTo(p.replicas());
        assertThat(laidOut.workload().deployments().get(0).racks())
                .containsExactlyElementsOf(laidOut.racks().stream()
                        .filter(r -> r.type().equals("gb200-nvl72"))
                        .map(Rack::id)
                        .toList());

        // Validating the layout emulates the same traffic on the sized replicas: the SLO holds.
        FxTesting.fx(() -> {
            view.stage().hide();
            return window.validate();
        });
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> FxTesting.fx(() -> window.state().results() != null));
        AnalysisResults results = FxTesting.fx(() -> window.state().results());
        JsonNode serving = results.reports().get("serving").path("deployments").get(0);
        assertThat(serving.path("sloMet").asBoolean()).isTrue();
        assertThat(serving.path("replicas").asInt()).isEqualTo(p.replicas());
        // The facility power the answer showed is the power analysis's figure for the same layout.
        assertThat(results.reports()
                        .get(AnalysisResults.POWER)
                        .path("facilityPowerKw")
                        .asDouble())
                .isEqualTo(answer.facilityPowerKw());
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "sizing-02-laid-out.png");
    }

    /**
     * Disaggregated serving, chosen in the form: the answer names the prefill and decode pools and
     * their racks (hand rule: 18 TP4 replicas per 72-GPU rack, per pool; together they may share
     * one), the layout gets the two pools, and validating it meets the SLO.
     */
    @Test
    void disaggregatedServingGivesPrefillAndDecodePoolsAndRacks(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        SizingView view = FxTesting.fx(() -> window.openSizing());
        robot.clickOn("#sizingMode");
        robot.clickOn("disaggregated (prefill + decode pools)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> view.question().mode())).isEqualTo(ServingMode.DISAGGREGATED);
        robot.clickOn("#sizingRun");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> FxTesting.fx(() -> view.answer() != null));
        SizingTask.Answer answer = FxTesting.fx(view::answer);
        SizingAdvisor.Proposal p = answer.proposal();
        assertThat(p.feasible()).isTrue();
        assertThat(p.disaggregated()).isTrue();
        assertThat(p.prefillReplicas()).isPositive();
        assertThat(p.decodeReplicas()).isPositive();
        assertThat(p.replicas()).isEqualTo(p.prefillReplicas() + p.decodeReplicas());
        assertThat(p.prefillRacks()).isEqualTo((p.prefillReplicas() + 17) / 18);
        assertThat(p.decodeRacks()).isEqualTo((p.decodeReplicas() + 17) / 18);
        assertThat(p.racks()).isEqualTo((p.replicas() + 17) / 18);
        String pools = robot.lookup("#sizingPools").queryAs(Label.class).getText();
        assertThat(pools)
                .startsWith(String.format(
                        java.util.Locale.ROOT,
                        "Prefill: %d replica%s on %d rack",
                        p.prefillReplicas(),
                        p.prefillReplicas() == 1 ? "" : "s",
                        p.prefillRacks()))
                .contains(String.format(java.util.Locale.ROOT, "decode: %d replica", p.decodeReplicas()));
        FxTesting.savePng(FxTesting.snapshot(view.stage().getScene()), "sizing-03-disaggregated.png");
        Facility layout = answer.layout();
        assertThat(layout.workload().deployments().get(0).mode()).isEqualTo(ServingMode.DISAGGREGATED);
        assertThat(layout.workload().deployments().get(0).pools())
                .extracting(WorkerPool::role, WorkerPool::replicas)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PoolRole.PREFILL, p.prefillReplicas()),
                        org.assertj.core.groups.Tuple.tuple(PoolRole.DECODE, p.decodeReplicas()));
        // the laid-out pools meet the SLO when the serving analysis emulates them
        AnalysisResults results = AnalysisResults.run(layout);
        JsonNode serving = results.reports().get("serving").path("deployments").get(0);
        assertThat(serving.path("mode").asText()).isEqualTo("disaggregated");
        assertThat(serving.path("sloMet").asBoolean()).isTrue();
        FxTesting.fx(() -> {
            view.stage().hide();
            return null;
        });
    }

    @Test
    void cancelStopsWaitingAndTheAnswerIsThrownAway(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        CountDownLatch release = new CountDownLatch(1);
        SizingAdvisor slow = new SizingAdvisor() {
            @Override
            public String name() {
                return "stand-in that waits";
            }

            @Override
            public Proposal size(Request request, CatalogIndex catalog) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Proposal(true, null, request.rackTypeId(), 18, 72, 1, 120, 400, 600_000, 30, 3, 1);
            }
        };
        AtomicReference<SizingTask.Answer> laidOut = new AtomicReference<>();
        SizingView view = FxTesting.fx(() -> {
            SizingView v = new SizingView(stage, CATALOG, Optional.of(slow), laidOut::set);
            v.show();
            return v;
        });
        robot.clickOn("#sizingRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(view::isRunning)).isTrue();
        assertThat(robot.lookup("#sizingProgress").query().isVisible()).isTrue();
        FxTesting.savePng(FxTesting.snapshot(view.stage().getScene()), "sizing-00-running.png");
        robot.clickOn("#sizingCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(view::isRunning)).isFalse();
        assertThat(robot.lookup("#sizingMessage").queryAs(Label.class).getText())
                .isEqualTo("Sizing cancelled");
        release.countDown();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(view::answer))
                .as("a cancelled answer never shows")
                .isNull();
        assertThat(robot.lookup("#sizingLayout").query().isDisabled()).isTrue();
        FxTesting.fx(() -> {
            view.stage().hide();
            return null;
        });
    }

    @Test
    void aBadNumberIsNamedAndNothingRuns(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        SizingView view = FxTesting.fx(() -> window.openSizing());
        TextField rps = robot.lookup("#sizingRps").queryAs(TextField.class);
        FxTesting.fx(() -> {
            rps.setText("-5");
            return view.size();
        });
        assertThat(FxTesting.fx(view::isRunning)).isFalse();
        assertThat(robot.lookup("#sizingMessage").queryAs(Label.class).getText())
                .isEqualTo("Traffic, requests/s must be positive, not -5");
        FxTesting.fx(() -> {
            view.stage().hide();
            return null;
        });
    }
}
