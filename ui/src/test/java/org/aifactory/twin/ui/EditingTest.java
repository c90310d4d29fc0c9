package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editing in the designer through real mouse and keyboard input under Xvfb, on the 8-rack
 * scalable unit (hall-1 is 12.75 m x 14 m; its row stands at y = 7 m, air handlers along y = 13 m).
 */
@ExtendWith(ApplicationExtension.class)
class EditingTest {
    private static final String TYPE = "gb200-nvl72";
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

    /** Loads, then points the camera at hall-1 (its racks and air handlers), as a user would zoom in before editing. */
    private void awaitLoadedAndZoomIn() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        FxTesting.fx(() -> {
            List<String> ids = new java.util.ArrayList<>(window.drawnRackIds());
            window.document().facility().cooling().airHandlers().forEach(a -> ids.add(a.id()));
            return window.view3d().focus(ids);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where hall point ({@code xM}, {@code yM}) of the floor is on the screen. */
    private Point2D floor(double xM, double yM) {
        Hall h = facility.halls().get(0);
        return FxTesting.fx(() -> window.world3d().localToScreen(new Point3D(h.originXM() + xM, 0, h.originYM() + yM)));
    }

    private List<Rack> added() {
        return FxTesting.fx(() -> window.document().facility().racks().stream()
                .filter(r -> facility.racks().stream().noneMatch(o -> o.id().equals(r.id())))
                .toList());
    }

    private void placeFromPalette(FxRobot robot, double xM, double yM) {
        FxTesting.fx(() -> {
            var t = window.palette().getItems().stream()
                    .filter(x -> x.id().equals(TYPE))
                    .findFirst()
                    .orElseThrow();
            window.palette().scrollTo(t);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup("#palette .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof RackType t && t.id().equals(TYPE))
                .findFirst()
                .orElseThrow();
        robot.clickOn(cell);
        robot.moveTo(floor(xM - 0.3, yM));
        robot.moveTo(floor(xM, yM));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.view3d().ghost().isPresent()))
                .as("ghost while placing")
                .isTrue();
        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void placeFromThePaletteDragToMoveAndUndoRedoRestoreExactly(FxRobot robot) throws Exception {
        awaitLoadedAndZoomIn();
        placeFromPalette(robot, 3.0, 10.8);
        List<Rack> added = added();
        assertThat(added).hasSize(1);
        Rack rack = added.get(0);
        assertThat(rack.type()).isEqualTo(TYPE);
        assertThat(rack.placement()).isEqualTo(new Placement("hall-1", 3.0, 10.8, 0));
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(rack.id());
        assertThat(FxTesting.fx(window::drawnRackIds)).contains(rack.id());
        assertThat(FxTesting.fx(() -> window.outline().find(rack.id()))).isNotNull();
        assertThat(FxTesting.fx(stage::getTitle)).isEqualTo("AI-factory twin - *su-8-racks.json");
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "edit-01-placed-from-palette.png");

        // Drag the selected rack 1.8 m along x: the ghost follows live, the model changes on release.
        Point2D from = FxTesting.fx(() -> window.world3d()
                .localToScreen(window.topPoint(rack.id(), 0.1, 0.1).orElseThrow()));
        robot.drag(from, MouseButton.PRIMARY).moveTo(floor(4.0, 10.8)).moveTo(floor(4.85, 10.75));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.view3d().ghost().isPresent()))
                .as("ghost while dragging")
                .isTrue();
        assertThat(FxTesting.fx(() -> window.document()
                        .rack(rack.id())
                        .orElseThrow()
                        .placement()
                        .xM()))
                .isEqualTo(3.0);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "edit-02-dragging.png");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Placement moved = FxTesting.fx(
                () -> window.document().rack(rack.id()).orElseThrow().placement());
        assertThat(moved).isEqualTo(new Placement("hall-1", 4.8, 10.8, 0));
        assertThat(FxTesting.fx(() -> window.view3d().ghost().isPresent())).isFalse();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "edit-03-moved.png");

        // R turns it, Delete removes it; Ctrl+Z undoes each, Ctrl+Y redoes: positions come back exactly.
        robot.clickOn(FxTesting.fx(() -> window.world3d()
                .localToScreen(window.topPoint(rack.id(), 0.1, 0.1).orElseThrow())));
        robot.type(KeyCode.R);
        assertThat(FxTesting.fx(() -> window.document()
                        .rack(rack.id())
                        .orElseThrow()
                        .placement()
                        .rotationDeg()))
                .isEqualTo(90.0);
        robot.type(KeyCode.DELETE);
        assertThat(FxTesting.fx(() -> window.document().rack(rack.id()))).isEmpty();
        assertThat(FxTesting.fx(window::drawnRackIds)).doesNotContain(rack.id());
        undo(robot);
        assertThat(FxTesting.fx(
                        () -> window.document().rack(rack.id()).orElseThrow().placement()))
                .isEqualTo(new Placement("hall-1", 4.8, 10.8, 90));
        undo(robot);
        assertThat(FxTesting.fx(
                        () -> window.document().rack(rack.id()).orElseThrow().placement()))
                .isEqualTo(moved);
        undo(robot);
        assertThat(FxTesting.fx(
                        () -> window.document().rack(rack.id()).orElseThrow().placement()))
                .isEqualTo(rack.placement());
        undo(robot);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(facility);
        assertThat(FxTesting.fx(window::isDirty)).isFalse();
        assertThat(FxTesting.fx(stage::getTitle)).isEqualTo("AI-factory twin - su-8-racks.json");
        assertThat(FxTesting.fx(window::drawnRackIds))
                .containsExactlyElementsOf(
                        facility.racks().stream().map(Rack::id).toList());
        redo(robot);
        redo(robot);
        assertThat(FxTesting.fx(
                        () -> window.document().rack(rack.id()).orElseThrow().placement()))
                .isEqualTo(moved);
        assertThat(FxTesting.fx(
                        () -> window.view3d().geometry(rack.id()).orElseThrow().centreX()))
                .isEqualTo(facility.halls().get(0).originXM() + 4.8);
    }

    private static void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void redo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBadPropertyValueIsRefusedWithAMessageAndAGoodOneIsStored(FxRobot robot) throws Exception {
        awaitLoadedAndZoomIn();
        Rack rack = facility.racks().get(0);
        FxTesting.fx(() -> {
            window.select(rack.id());
            return window.properties().edit("powerKw");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#propertyEditor");
        robot.eraseText(20);
        robot.write("-40");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.properties().message().getText()))
                .contains("powerKw")
                .contains("must be positive");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(facility);
        assertThat(FxTesting.fx(() -> window.properties().message().getText())).contains("refused");
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "edit-04-bad-property-refused.png");

        robot.eraseText(5);
        robot.write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.properties().message().getText())).contains("not a number");
        robot.eraseText(5);
        robot.write("118.5");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(
                        () -> window.document().rack(rack.id()).orElseThrow().powerKw()))
                .isEqualTo(118.5);
        assertThat(FxTesting.fx(() -> window.properties().view().getItems().stream()
                        .filter(r -> r.name().equals("powerKw"))
                        .findFirst()
                        .orElseThrow()
                        .value()))
                .isEqualTo("118.5");
        // Ctrl+Z in the text field is the field's own undo; the menu undoes the property edit.
        FxTesting.fx(window::undo);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(facility);
    }

    @Test
    void saveClearsTheStarAndReopeningGivesTheSameModel(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitLoadedAndZoomIn();
        assertThat(FxTesting.fx(() -> window.addRow(TYPE, "hall-1", 1.8, 2.4, 4).applied()))
                .isTrue();
        assertThat(FxTesting.fx(() -> window.document()
                        .setProperty(facility.racks().get(1).id(), "powerKw", "125")
                        .applied()))
                .isTrue();
        assertThat(FxTesting.fx(stage::getTitle)).startsWith("AI-factory twin - *");
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "edit-05-row-added.png");
        Facility edited = FxTesting.fx(() -> window.document().facility());
        Path file = dir.resolve("edited.json");
        assertThat(FxTesting.fx(() -> window.saveTo(file))).isTrue();
        assertThat(FxTesting.fx(window::isDirty)).isFalse();
        assertThat(FxTesting.fx(stage::getTitle)).isEqualTo("AI-factory twin - edited.json");
        assertThat(FacilityReader.withBuiltInCatalog().read(file)).isEqualTo(edited);
        FxTesting.fx(() -> window.open(file));
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(edited);
        assertThat(FxTesting.fx(window::isDirty)).isFalse();
        assertThat(FxTesting.fx(window::drawnRackIds)).hasSize(edited.racks().size());
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        awaitLoadedAndZoomIn();
        assertThat(FxTesting.fx(() -> window.addRow(TYPE, "hall-1", 1.8, 2.4, 2).applied()))
                .isTrue();
        requestClose();
        Node discard = awaitShowing(robot, "Discard");
        FxTesting.savePng(FxTesting.snapshot(discard.getScene()), "edit-06-unsaved-changes-prompt.png");
        robot.clickOn(awaitShowing(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(stage::isShowing)).isTrue();
        assertThat(FxTesting.fx(window::isDirty)).isTrue();
        requestClose();
        robot.clickOn(awaitShowing(robot, "Discard"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(stage::isShowing)).isFalse();
    }

    private void requestClose() {
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    /** The labelled node in a dialog that is showing now (a closed dialog's nodes linger until collected). */
    private Node awaitShowing(FxRobot robot, String label) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, label) != null);
        return showing(robot, label);
    }

    private Node showing(FxRobot robot, String label) {
        return FxTesting.fx(() -> robot.lookup(label).queryAll().stream()
                .filter(n -> n.getScene() != null
                        && n.getScene().getWindow() != null
                        && n.getScene().getWindow() != stage
                        && n.getScene().getWindow().isShowing()
                        && n.isVisible())
                .findFirst()
                .orElse(null));
    }
}
