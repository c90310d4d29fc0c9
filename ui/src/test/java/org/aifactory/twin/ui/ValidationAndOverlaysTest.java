package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.aifactory.twin.ui.analysis.OverlayKind;
import org.aifactory.twin.ui.analysis.Overlays;
import org.aifactory.twin.ui.scene.FacilityScene;
import org.aifactory.twin.ui.scene.ItemCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Seeing the answers on the 8-rack scalable unit, with the real thermal and power solvers on the
 * test class path: validation from the window (button, F5, Cancel), the findings panel, overlays.
 */
@ExtendWith(ApplicationExtension.class)
class ValidationAndOverlaysTest {
    private static final String CDU = "hall-1-su-01-cdu";
    private Stage stage;
    private Facility facility;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
        facility = Samples.SCALABLE_UNIT.load();
        window = DesignerWindow.showOn(stage, facility, Samples.SCALABLE_UNIT.fileName());
    }

    @Test
    void validatingFromTheWindowListsFindingsAndClickingOneSelectsAndFramesItsElement(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robot.clickOn("#validate");
        awaitValidated();
        List<Finding> shown =
                FxTesting.fx(() -> new ArrayList<>(window.findings().table().getItems()));
        assertThat(shown).extracting(Finding::code).contains("THERMAL_N1_OVER_LIMIT", "POWER_SINGLE_POINT_OF_FAILURE");
        assertThat(robot.lookup("#findingsSummary").queryAs(Labeled.class).getText())
                .contains("warning")
                .contains("thermal");

        TableRow<?> row = robot.lookup(".table-row-cell")
                .<TableRow<?>>match(r -> r.getItem() instanceof Finding f && CDU.equals(f.element()))
                .query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(CDU);
        TreeItem<OutlineEntry> inOutline =
                FxTesting.fx(() -> outlineTree(robot).getSelectionModel().getSelectedItem());
        assertThat(inOutline.getValue().elementId()).isEqualTo(CDU);
        assertThat(FxTesting.fx(() -> scene().colourOf(CDU).orElseThrow())).isEqualTo(ItemCategory.HIGHLIGHT);
        // Framed on the CDU: the camera looks at it from close by, and it is inside the 3D view.
        Point3D target = FxTesting.fx(() -> window.view3d().camera().target());
        Point3D cdu = FxTesting.fx(() -> scene().geometry(CDU).orElseThrow().topCentre());
        assertThat(Math.hypot(target.getX() - cdu.getX(), target.getZ() - cdu.getZ()))
                .isLessThan(3);
        assertThat(FxTesting.fx(() -> window.view3d().camera().distanceM())).isLessThan(40);
        Bounds view = FxTesting.fx(
                () -> window.subScene().localToScreen(window.subScene().getBoundsInLocal()));
        assertThat(view.contains(FxTesting.fx(() -> window.world3d().localToScreen(cdu))))
                .isTrue();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "designer-findings.png");
    }

    @Test
    void f5ValidatesAndAFindingOfAnUndrawnElementSelectsIt(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robot.clickOn("#outline");
        robot.type(KeyCode.F5);
        awaitValidated();
        assertThat(FxTesting.fx(() -> window.state().results())).isNotNull();
        // The busways of the sample are not placed: selecting one frames the racks it feeds.
        FxTesting.fx(() -> {
            window.focusOn("hall-1-su-01-bus-a");
            return null;
        });
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo("hall-1-su-01-bus-a");
        assertThat(FxTesting.fx(() -> window.view3d().camera().isFramed())).isFalse();
    }

    @Test
    void cancelThrowsTheResultAwayAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        CountDownLatch release = new CountDownLatch(1);
        ValidationTask slow = FxTesting.fx(() -> window.startValidation(new ValidationTask("slow", facility, f -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AnalysisResults.run(f);
        })));
        assertThat(FxTesting.fx(window::isValidating)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        // While it runs, the window answers: a click on a rack selects it.
        String rack = facility.racks().get(3).id();
        Point2D screen = FxTesting.fx(() ->
                window.world3d().localToScreen(window.topPoint(rack, 0.2, 0.2).orElseThrow()));
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(rack);

        robot.clickOn("#cancelTask");
        assertThat(FxTesting.fx(window::isValidating)).isFalse();
        release.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> slow.isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.state().results())).isNull();
        assertThat(FxTesting.fx(() -> window.findings().table().getItems())).isEmpty();
        assertThat(robot.lookup("#status").queryAs(Labeled.class).getText()).isEqualTo("Validation cancelled");
    }

    @Test
    void thermalOverlayRecoloursRacksByReturnTemperatureAndShowsItsScale(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Rack rack = facility.racks().get(0);
        Bounds view = FxTesting.sceneBounds(window.subScene());
        WritableImage before = FxTesting.snapshot(stage.getScene());
        Bounds legendBefore = FxTesting.sceneBounds(window.view3d().legend());
        assertThat(FxTesting.countColour(before, view, legendBefore, ItemCategory.GB200.colour(), 12))
                .isGreaterThan(300);
        assertThat(FxTesting.fx(() -> scene().colourOf(rack.id()).orElseThrow()))
                .isEqualTo(rgb(ItemCategory.GB200.colour()));

        // Choosing an overlay before validating starts the validation.
        robot.clickOn("#overlay");
        robot.clickOn("Thermal");
        awaitValidated();
        WaitForAsyncUtils.waitForFxEvents();

        double returnC =
                FxTesting.fx(() -> window.state().results().rackReturnC().get(rack.id()));
        assertThat(returnC).isBetween(35.0, 60.0);
        Color expected = rgb(Overlays.RETURN_TEMPERATURE.colour(returnC));
        assertThat(FxTesting.fx(() -> scene().colourOf(rack.id()).orElseThrow()))
                .isEqualTo(expected);
        double cduLoad =
                FxTesting.fx(() -> window.state().results().cduUtilisation().get(CDU));
        assertThat(FxTesting.fx(() -> scene().colourOf(CDU).orElseThrow()))
                .isEqualTo(rgb(Overlays.UTILISATION.colour(cduLoad)));
        // The network racks have no coolant figures: drawn as "no data".
        String networkRack = "hall-1-su-01-net";
        assertThat(FxTesting.fx(() -> scene().colourOf(networkRack).orElseThrow()))
                .isEqualTo(rgb(Overlays.NO_DATA));

        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WritableImage after = FxTesting.snapshot(stage.getScene());
        FxTesting.savePng(after, "designer-thermal-overlay.png");
        Bounds legend = FxTesting.sceneBounds(window.view3d().legend());
        assertThat(FxTesting.countColour(after, view, legend, ItemCategory.GB200.colour(), 12))
                .as("GB200 green left")
                .isLessThan(50);
        assertThat(FxTesting.countColour(after, view, legend, expected, 8))
                .as("return-temperature colour")
                .isGreaterThan(300);
        assertThat(robot.lookup("#legendTitle").queryAs(Labeled.class).getText())
                .isEqualTo("Thermal");
        assertThat(robot.lookup(".label")
                        .<Labeled>match(l -> "Rack coolant return (°C)".equals(l.getText()))
                        .tryQuery())
                .isPresent();
        // Up close: the row of racks, through the findings panel's way of framing an element.
        FxTesting.fx(() -> {
            window.focusOn(rack.rowId());
            return null;
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "designer-thermal-overlay-row.png");

        // And back: None restores the category colours.
        FxTesting.fx(() -> {
            window.state().overlayProperty().set(OverlayKind.NONE);
            return null;
        });
        assertThat(FxTesting.fx(() -> scene().colourOf(rack.id()).orElseThrow()))
                .isEqualTo(rgb(ItemCategory.GB200.colour()));
    }

    @Test
    void powerOverlayColoursRacksByTheirMostLoadedFeedAndBothExportsWrite(@TempDir Path dir) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        FxTesting.fx(window::validate);
        awaitValidated();
        FxTesting.fx(() -> {
            window.state().overlayProperty().set(OverlayKind.POWER);
            return null;
        });
        Rack rack = facility.racks().get(0);
        double bus = FxTesting.fx(() -> window.state()
                .results()
                .componentUtilisation()
                .get(rack.feeds().get(0).source()));
        assertThat(FxTesting.fx(() -> scene().colourOf(rack.id()).orElseThrow()))
                .isEqualTo(rgb(Overlays.UTILISATION.colour(bus)));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "designer-power-overlay.png");

        Path png = dir.resolve("view.png");
        assertThat(FxTesting.fx(() -> window.exportViewTo(png))).isTrue();
        Image image = new Image(png.toUri().toString());
        assertThat(image.getWidth())
                .isEqualTo(FxTesting.fx(
                        () -> window.view3d().node().getLayoutBounds().getWidth()));
        Path json = dir.resolve("report.json");
        assertThat(FxTesting.fx(() -> window.exportReportTo(json))).isTrue();
        JsonNode report = TwinJson.mapper().readTree(json.toFile());
        assertThat(report.path("findings")).hasSize(3);
        assertThat(report.path("analyses").path("thermal").path("racks").isArray())
                .isTrue();
        assertThat(report.path("analyses").path("power").path("components").isArray())
                .isTrue();
    }

    @Test
    void n1OverlayShowsWhatTheClickedComponentsFailureUnpowers(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        FxTesting.fx(window::validate);
        awaitValidated();
        FxTesting.fx(() -> {
            window.state().overlayProperty().set(OverlayKind.N1);
            return null;
        });
        assertThat(robot.lookup("#legendNote").queryAs(Labeled.class).getText()).startsWith("Select a power component");
        // Click the utility connection in the yard: every rack loses power.
        Point2D utility = FxTesting.fx(() -> window.world3d()
                .localToScreen(window.topPoint("utility", 0.2, 0.2).orElseThrow()));
        robot.clickOn(utility);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo("utility");
        for (Rack r : facility.racks()) {
            assertThat(FxTesting.fx(() -> scene().colourOf(r.id()).orElseThrow()))
                    .as(r.id())
                    .isEqualTo(rgb(Overlays.UNPOWERED));
        }
        assertThat(robot.lookup("#legendTitle").queryAs(Labeled.class).getText())
                .isEqualTo("If utility (utility) fails");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "designer-n1-utility.png");

        // One busway of an A/B pair: its racks keep the other feed.
        FxTesting.fx(() -> {
            window.select("hall-1-su-01-bus-a");
            return null;
        });
        assertThat(FxTesting.fx(
                        () -> scene().colourOf(facility.racks().get(0).id()).orElseThrow()))
                .isEqualTo(rgb(Overlays.UNAFFECTED));
    }

    private void awaitValidated() throws Exception {
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(window::isValidating)
                        || FxTesting.fx(() -> window.state().results() != null));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !FxTesting.fx(window::isValidating));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.state().results()))
                .as("validation results")
                .isNotNull();
    }

    private FacilityScene scene() {
        return window.view3d().content().orElseThrow();
    }

    /** A colour as the texture stores it: 8 bits per channel. */
    private static Color rgb(Color c) {
        return Color.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int)
                Math.round(c.getBlue() * 255));
    }

    @SuppressWarnings("unchecked")
    private static TreeView<OutlineEntry> outlineTree(FxRobot robot) {
        return (TreeView<OutlineEntry>) robot.lookup("#outline").queryAs(TreeView.class);
    }
}
