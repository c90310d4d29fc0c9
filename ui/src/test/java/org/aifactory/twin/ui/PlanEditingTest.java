package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editing on the 2D plan with real mouse and keyboard input under Xvfb, on the 8-rack scalable
 * unit: hall-1 (12.75 m x 14 m, origin at site y = 11.5 m) has its row of ten racks (0.6 m x
 * 1.2 m) at y = 7 m from x = 4.05 m in 0.6 m steps, its CDU (0.75 m x 1.2 m) at x = 3.375 m just
 * left of the first rack, fan walls (4 m x 1.5 m) at y = 1 m and 13 m; the transformers (3 m x
 * 2 m) stand in the yard at site (1.5, 5.5) m and (5.5, 5.5) m, the cooling towers (8 m x 8 m) at
 * site (4, 33.5) m and (4, 43.5) m. Moves snap to the 0.6 m grid: the expected spots are written
 * out as multiples of 0.6 m.
 */
@ExtendWith(ApplicationExtension.class)
class PlanEditingTest {
    private static final String CDU = "hall-1-su-01-cdu";
    private static final String AHU = "hall-1-ahu-01";
    private static final String TX = "hall-1-blk-01-tx-a";
    private static final String TOWER = "hall-1-ct-01";
    private Stage stage;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
        window = DesignerWindow.showOn(stage, Samples.SCALABLE_UNIT.load(), Samples.SCALABLE_UNIT.fileName());
    }

    private void openPlan() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robotClickPlanTab();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() -> window.plan().screenOf("hall-1", 0, 0).isPresent()));
    }

    private FxRobot robot;

    private void robotClickPlanTab() {
        robot.clickOn("Plan");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Zooms in about the middle of hall-1 with the wheel, so a grid step is several pixels wide. */
    private void zoomIntoTheHall() {
        double before = FxTesting.fx(() -> window.plan().metresPerPixel());
        robot.moveTo(screen("hall-1", 6.4, 7));
        robot.scroll(22, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double after = FxTesting.fx(() -> window.plan().metresPerPixel());
        if (after > before) { // the wheel runs the other way on this platform
            robot.scroll(44, VerticalDirection.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(FxTesting.fx(() -> window.plan().metresPerPixel())).isLessThan(before / 1.5);
    }

    private Point2D screen(String hallId, double xM, double yM) {
        return FxTesting.fx(() -> window.plan().screenOf(hallId, xM, yM).orElseThrow());
    }

    private Placement at(String id) {
        Facility f = FxTesting.fx(() -> window.facility().orElseThrow());
        return ElementIndexPlacements.of(f, id);
    }

    private List<String> selection() {
        return FxTesting.fx(() -> window.state().selection());
    }

    private String status() {
        return FxTesting.fx(() -> window.statusBar().text());
    }

    private void drag(Point2D from, Point2D to) {
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shiftClick(Point2D p) {
        robot.press(KeyCode.SHIFT).clickOn(p).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyPlacedKindMovesSnappedAsOneUndoStepAndARefusedMoveSaysWhy(FxRobot robot) throws Exception {
        this.robot = robot;
        openPlan();
        Facility original = FxTesting.fx(() -> window.facility().orElseThrow());

        // A transformer in the yard (site coordinates): (-1.9, 1.9) snaps to (-1.8, 1.8) = (-3, 3) x 0.6 m.
        robot.clickOn(screen(null, 1.5, 5.5));
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(TX);
        drag(screen(null, 1.5, 5.5), screen(null, -1.9, 1.9));
        assertThat(at(TX)).isEqualTo(new Placement(null, -1.8, 1.8, 0.0));
        assertThat(FxTesting.fx(() -> window.document().undoLabel().orElseThrow()))
                .isEqualTo("Move transformer " + TX);

        // A cooling tower in the yard, beside the other: (12.1, 33.4) snaps to (12.0, 33.6) = (20, 56) x 0.6 m.
        robot.clickOn(screen(null, 4, 33.5));
        drag(screen(null, 4, 33.5), screen(null, 12.1, 33.4));
        assertThat(at(TOWER)).isEqualTo(new Placement(null, 12.0, 33.6, 0.0));
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-03-equipment-moved.png");

        zoomIntoTheHall();
        // The CDU in the hall: (1.9, 3.1) snaps to (1.8, 3.0) = (3, 5) x 0.6 m.
        robot.clickOn(screen("hall-1", 3.375, 7));
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(CDU);
        drag(screen("hall-1", 3.375, 7), screen("hall-1", 1.9, 3.1));
        assertThat(at(CDU)).isEqualTo(new Placement("hall-1", 1.8, 3.0, 0.0));

        // A fan wall dropped onto the row: the document refuses it as in 3D, and the status bar says why.
        Facility beforeRefusal = FxTesting.fx(() -> window.facility().orElseThrow());
        robot.clickOn(screen("hall-1", 5, 1));
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(AHU);
        drag(screen("hall-1", 5, 1), screen("hall-1", 5.1, 6.9));
        assertThat(status()).startsWith("Move air handler " + AHU + " refused").contains("overlaps");
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isSameAs(beforeRefusal);

        // Three moves, three undo steps, back to the file as loaded.
        for (int k = 0; k < 3; k++) {
            assertThat(FxTesting.fx(window::undo)).isTrue();
        }
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(original);
        assertThat(FxTesting.fx(window::isDirty)).isFalse();
    }

    @Test
    void shiftClickBandAndSelectAllSelectLikeThe3dViewAndDraggingOneMovesThemAll(FxRobot robot) throws Exception {
        this.robot = robot;
        openPlan();
        zoomIntoTheHall();
        Facility original = FxTesting.fx(() -> window.facility().orElseThrow());
        String r1 = original.racks().get(0).id();
        String r2 = original.racks().get(1).id();
        String r3 = original.racks().get(2).id();
        String r4 = original.racks().get(3).id();
        String r5 = original.racks().get(4).id();

        robot.clickOn(screen("hall-1", 4.05, 7));
        shiftClick(screen("hall-1", 5.25, 7));
        shiftClick(screen("hall-1", 3.375, 7));
        assertThat(selection()).containsExactly(r1, r3, CDU);
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(CDU);
        assertThat(FxTesting.fx(() -> window.plan().highlighted())).containsExactly(r1, r3, CDU);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-04-shift-click.png");
        // Shift+click on a selected one takes it out.
        shiftClick(screen("hall-1", 5.25, 7));
        assertThat(selection()).containsExactly(r1, CDU);

        // Ctrl+drag: a band from (4.8, 5.9) to (6.7, 8.1) holds the centres of racks 3, 4 and 5 (x 5.25, 5.85, 6.45).
        robot.press(KeyCode.CONTROL);
        robot.drag(screen("hall-1", 4.8, 5.9), MouseButton.PRIMARY).moveTo(screen("hall-1", 6.7, 8.1));
        WaitForAsyncUtils.waitForFxEvents();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-05-rubber-band.png");
        robot.drop().release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(r3, r4, r5);
        assertThat(status()).isEqualTo("Selected 3 items");
        // Ctrl+Shift+drag adds: a band around the CDU (x 3.0..3.75 m) only.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT);
        robot.drag(screen("hall-1", 3.1, 6.0), MouseButton.PRIMARY)
                .moveTo(screen("hall-1", 3.6, 8.0))
                .drop();
        robot.release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(r3, r4, r5, CDU);

        // Dragging rack 4 moves all four: rack 4 lands on the document's snap of the drop point, the rest keep offsets.
        DesignerDocument.Snap snap = FxTesting.fx(() -> window.document()
                .snap("hall-1", 5.9, 10.1, window.document().rack(r4).orElseThrow()));
        robot.drag(screen("hall-1", 5.85, 7), MouseButton.PRIMARY).moveTo(screen("hall-1", 5.9, 10.1));
        WaitForAsyncUtils.waitForFxEvents();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-06-group-drag.png");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        // Away from the row the rack snaps to the grid: (5.9, 10.1) -> (6.0, 10.2) = (10, 17) x 0.6 m.
        assertThat(snap.xM()).isEqualTo(6.0);
        assertThat(snap.yM()).isEqualTo(10.2);
        double dx = 6.0 - 5.85;
        double dy = 10.2 - 7.0;
        for (String id : List.of(r3, r4, r5, CDU)) {
            Placement was = ElementIndexPlacements.of(original, id);
            assertThat(at(id).xM()).as(id).isCloseTo(was.xM() + dx, within(1e-6));
            assertThat(at(id).yM()).as(id).isCloseTo(was.yM() + dy, within(1e-6));
        }
        assertThat(at(r2)).isEqualTo(ElementIndexPlacements.of(original, r2));
        assertThat(FxTesting.fx(() -> window.document().undoLabel().orElseThrow()))
                .isEqualTo("Move 4 items");
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-07-group-moved.png");
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(original);

        // Ctrl+A with the plan focused selects every placed item: 10 racks, 1 CDU, 2 fan walls, 2 towers and the
        // 4 power nodes with a placement on the ground (utility, switchgear, 2 transformers) and the 4 overhead
        // busways.
        robot.clickOn(screen("hall-1", 1.0, 11.5));
        assertThat(selection()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).hasSize(10 + 1 + 2 + 2 + 4 + 4);
    }

    @Test
    void arrowKeysNudgeTheSelectionOneStepPerPressAndRRotates(FxRobot robot) throws Exception {
        this.robot = robot;
        openPlan();
        zoomIntoTheHall();
        Facility original = FxTesting.fx(() -> window.facility().orElseThrow());
        String r1 = original.racks().get(0).id();
        String r2 = original.racks().get(1).id();
        robot.clickOn(screen("hall-1", 4.05, 7));
        shiftClick(screen("hall-1", 4.65, 7));
        assertThat(selection()).containsExactly(r1, r2);

        assertThat(FxTesting.fx(() -> stage.getScene().getFocusOwner().getId())).isEqualTo("planCanvas");
        // Down twice: +0.6 m in y each (site y points down the screen), one grid step per press; at y = 8.2 m the
        // two racks (7.6..8.8 m deep) are clear of the row (6.4..7.6 m).
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(at(r1)).isEqualTo(new Placement("hall-1", 4.05, 7.6, 0.0));
        assertThat(at(r2).yM()).isEqualTo(7.6);
        assertThat(FxTesting.fx(() -> window.document().undoLabel().orElseThrow()))
                .isEqualTo("Move 2 items by (0, 0.6) m");
        // A second press (a finger lifted and pressed again) is a step of its own; a held key's repeats join one
        // run (see below).
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(at(r1).yM()).isEqualTo(8.2);
        // Shift+Left: -0.1 m in x, not snapped to the grid.
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status()).isEqualTo("Move 2 items by (-0.1, 0) m");
        assertThat(at(r1)).isEqualTo(new Placement("hall-1", 3.95, 8.2, 0.0));
        assertThat(at(r2).xM()).isCloseTo(4.55, within(1e-6));
        assertThat(selection()).containsExactly(r1, r2);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-08-nudged.png");
        // One undo step per key press.
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(at(r1)).isEqualTo(new Placement("hall-1", 4.05, 8.2, 0.0));
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(original);

        // A held key: three presses of Down without a release (as key repeat sends them) are one run, one undo step.
        FxTesting.fx(() -> {
            javafx.scene.Node canvas = stage.getScene().lookup("#planCanvas");
            for (int i = 0; i < 3; i++) {
                javafx.event.Event.fireEvent(
                        canvas,
                        new javafx.scene.input.KeyEvent(
                                javafx.scene.input.KeyEvent.KEY_PRESSED,
                                "",
                                "",
                                KeyCode.DOWN,
                                false,
                                false,
                                false,
                                false));
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(at(r1)).isEqualTo(new Placement("hall-1", 4.05, 8.8, 0.0));
        assertThat(FxTesting.fx(() -> window.document().undoLabel().orElseThrow()))
                .isEqualTo("Move 2 items by (0, 1.8) m");
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(original);
        assertThat(FxTesting.fx(() -> window.document().canUndo())).isFalse();

        // R turns the selection a quarter turn, as in 3D: two racks side by side along x now stand along y.
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(at(r1).rotationDeg()).isEqualTo(90.0);
        assertThat(at(r2).rotationDeg()).isEqualTo(90.0);
        assertThat(at(r1).xM()).isCloseTo(at(r2).xM(), within(1e-6));
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(original);

        // Right on the CDU pushes it into the first rack: refused, nothing stored, the status bar says why.
        robot.clickOn(screen("hall-1", 3.375, 7));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status())
                .startsWith("Move " + CDU + " by (0.6, 0) m refused")
                .contains("overlaps");
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isSameAs(original);
        assertThat(FxTesting.fx(() -> window.document().canUndo())).isFalse();
    }

    @Test
    void aCduPositionIsTypedInThePropertiesCheckedAsTypedAndStoredAsOneStep(FxRobot robot) throws Exception {
        this.robot = robot;
        openPlan();
        zoomIntoTheHall();
        Facility original = FxTesting.fx(() -> window.facility().orElseThrow());
        robot.clickOn(screen("hall-1", 3.375, 7));
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(CDU);
        assertThat(FxTesting.fx(() -> window.properties().edit("placement.xM"))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#propertyEditor");
        robot.eraseText(20);
        robot.write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.properties().message().getText()))
                .isEqualTo("placement.xM: 'abc' is not a number");
        // x = 3.6 m puts its right edge at 3.975 m, into the first rack (from 3.75 m): said while typing.
        robot.eraseText(5);
        robot.write("3.6");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.properties().message().getText())).contains("overlaps");
        robot.eraseText(5);
        robot.write("2.25");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.properties().message().getText())).isEmpty();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isSameAs(original);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // Typed, not snapped: 2.25 m exactly.
        assertThat(at(CDU)).isEqualTo(new Placement("hall-1", 2.25, 7.0, 0.0));
        assertThat(FxTesting.fx(() -> window.document().undoLabel().orElseThrow()))
                .isEqualTo("Set placement.xM of " + CDU);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-09-typed-position.png");
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(original);
    }

    /** Reads a placed element's position from the model, whatever its kind. */
    static final class ElementIndexPlacements {
        private ElementIndexPlacements() {}

        static Placement of(Facility f, String id) {
            List<Placement> found = new ArrayList<>();
            f.racks().stream().filter(r -> r.id().equals(id)).forEach(r -> found.add(r.placement()));
            f.cooling().cdus().stream().filter(c -> c.id().equals(id)).forEach(c -> found.add(c.placement()));
            f.cooling().airHandlers().stream().filter(a -> a.id().equals(id)).forEach(a -> found.add(a.placement()));
            f.cooling().heatRejection().stream().filter(h -> h.id().equals(id)).forEach(h -> found.add(h.placement()));
            f.power().nodes().stream().filter(n -> n.id().equals(id)).forEach(n -> found.add(n.placement()));
            assertThat(found).as(id).hasSize(1);
            return found.get(0);
        }
    }

    /** Alt+drag on the plan connects as in 3D: from a selected rack onto a busway feeds the first free side. */
    @Test
    void altDragFromASelectedRackOntoABuswayInThePlanFeedsTheSelectedRacks(FxRobot robot) throws Exception {
        this.robot = robot;
        openPlan();
        zoomIntoTheHall();
        String busA = "hall-1-su-01-bus-a";
        EditResult row = FxTesting.fx(() -> window.addRow("gb200-nvl72", "hall-1", 1.8, 3.6, 3));
        assertThat(row.applied()).as(row.message()).isTrue();
        List<String> ids = row.affectedIds();
        FxTesting.fx(() -> {
            window.state().selectAll(ids);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Facility before = FxTesting.fx(() -> window.document().facility());
        Placement rack = at(ids.get(1));
        Placement bus = FxTesting.fx(
                () -> window.document().powerNode(busA).orElseThrow().placement());

        robot.press(KeyCode.ALT);
        robot.drag(screen("hall-1", rack.xM(), rack.yM()), MouseButton.PRIMARY)
                .moveTo(screen("hall-1", (rack.xM() + bus.xM()) / 2, (rack.yM() + bus.yM()) / 2))
                .moveTo(screen("hall-1", bus.xM(), bus.yM()));
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-10-connect-drag.png");
        robot.drop();
        robot.release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(status()).isEqualTo("Connect 3 racks to " + busA + " (feed A)");
        Facility after = FxTesting.fx(() -> window.document().facility());
        for (String id : ids) {
            org.aifactory.twin.model.Rack r = after.racks().stream()
                    .filter(x -> x.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(r.feeds())
                    .containsExactly(new org.aifactory.twin.model.RackFeed(org.aifactory.twin.model.FeedSide.A, busA));
            // The drag moved nothing.
            assertThat(r.placement()).isEqualTo(at(before, id));
        }
        assertThat(selection()).containsExactlyElementsOf(ids);
        // One undo step.
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(before);

        // Dropped on empty floor: refused, nothing changes.
        robot.press(KeyCode.ALT);
        robot.drag(screen("hall-1", rack.xM(), rack.yM()), MouseButton.PRIMARY)
                .moveTo(screen("hall-1", rack.xM(), rack.yM() - 1.5));
        robot.drop();
        robot.release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status()).startsWith("Not connected: drop onto a busway, PDU or CDU");
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(before);
    }

    private static Placement at(Facility f, String id) {
        return f.racks().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow()
                .placement();
    }
}
