package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.scene.ItemCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Selecting several items and editing them together, through real mouse and keyboard input under
 * Xvfb, on the 8-rack scalable unit (hall-1 is 12.75 m x 14 m; its row stands at y = 7 m, fan
 * walls at y = 1 m and 13 m): shift-click, the rubber band, copy/paste, delete, add row, and one
 * undo step for each.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionEditingTest {
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

    /** Loads, then points the camera at hall-1 from straight above (the plan), where a rubber band is easiest to aim. */
    private void awaitLoadedAndLookAtTheHall() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        FxTesting.fx(() -> {
            window.view3d().camera().setAngles(0, -89);
            List<String> ids = new ArrayList<>(window.drawnRackIds());
            window.document().facility().cooling().airHandlers().forEach(a -> ids.add(a.id()));
            return window.view3d().focus(ids);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D floor(double xM, double yM) {
        Hall h = facility.halls().get(0);
        return FxTesting.fx(() -> window.world3d().localToScreen(new Point3D(h.originXM() + xM, 0, h.originYM() + yM)));
    }

    private Point2D top(String id) {
        return FxTesting.fx(() ->
                window.world3d().localToScreen(window.topPoint(id, 0.2, 0.2).orElseThrow()));
    }

    private List<String> selection() {
        return FxTesting.fx(() -> window.state().selection());
    }

    private Color colour(String id) {
        return FxTesting.fx(
                () -> window.view3d().content().orElseThrow().colourOf(id).orElseThrow());
    }

    private static Color rgb(Color c) {
        return Color.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int)
                Math.round(c.getBlue() * 255));
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void shiftClickRubberBandCopyPasteAndDeleteEachUndoInOneStep(FxRobot robot) throws Exception {
        awaitLoadedAndLookAtTheHall();
        List<String> row = facility.racks().stream().map(Rack::id).toList();
        String a = row.get(0);
        String b = row.get(3);

        // Click selects one; shift-click adds another; shift-click again takes it out.
        robot.clickOn(top(a));
        assertThat(selection()).containsExactly(a);
        robot.press(KeyCode.SHIFT).clickOn(top(b)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(a, b);
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(b);
        assertThat(colour(a)).isEqualTo(rgb(ItemCategory.HIGHLIGHT));
        assertThat(colour(b)).isEqualTo(rgb(ItemCategory.HIGHLIGHT));
        assertThat(colour(row.get(1))).isEqualTo(rgb(ItemCategory.GB200.colour()));
        robot.press(KeyCode.SHIFT).clickOn(top(a)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(b);
        assertThat(colour(a)).isEqualTo(rgb(ItemCategory.GB200.colour()));

        // Ctrl+drag on the floor draws the rubber band; what stands inside it is selected on release. The band from
        // (3.9, 5.5) to (7.95, 8.5) m holds the centres of GPU racks 1 to 7 (x = 4.05 to 7.65 m on y = 7 m), not rack 8
        // (8.25 m) and not the CDU (3.375 m).
        robot.press(KeyCode.CONTROL);
        robot.drag(floor(3.9, 5.5), MouseButton.PRIMARY).moveTo(floor(6.0, 7.5)).moveTo(floor(7.95, 8.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.view3d().band().isPresent()))
                .as("band while dragging")
                .isTrue();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "select-01-rubber-band.png");
        robot.release(MouseButton.PRIMARY).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.view3d().band().isPresent())).isFalse();
        List<String> seven = row.subList(0, 7);
        assertThat(selection()).containsExactlyInAnyOrderElementsOf(seven);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(facility);

        // Ctrl+C, Ctrl+V: seven new racks with fresh ids in a new row, one aisle beyond (1.2 m deep + 1.2 m = 2.4 m).
        shortcut(robot, KeyCode.C);
        shortcut(robot, KeyCode.V);
        List<String> pasted = selection();
        assertThat(pasted).hasSize(7).doesNotContainAnyElementsOf(row);
        for (String id : pasted) {
            Rack r = FxTesting.fx(() -> window.document().rack(id).orElseThrow());
            assertThat(r.placement().yM()).isEqualTo(9.4);
            assertThat(r.rowId()).isEqualTo("hall-1-row-02");
            assertThat(colour(id)).isEqualTo(rgb(ItemCategory.HIGHLIGHT));
        }
        assertThat(FxTesting.fx(window::drawnRackIds)).containsAll(pasted);
        assertThat(FxTesting.fx(() -> window.outline().find(pasted.get(0)))).isNotNull();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "select-02-pasted.png");
        Facility afterPaste = FxTesting.fx(() -> window.document().facility());

        // Delete removes the whole selection in one step; one Ctrl+Z brings all seven back, the next undoes the paste.
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility().racks()))
                .hasSize(facility.racks().size());
        shortcut(robot, KeyCode.Z);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(afterPaste);
        shortcut(robot, KeyCode.Z);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(facility);
        assertThat(FxTesting.fx(window::drawnRackIds)).containsExactlyElementsOf(row);
        shortcut(robot, KeyCode.Y);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(afterPaste);
    }

    @Test
    void addRowFromTheMenuDialogAddsARowAndOneUndoRemovesIt(FxRobot robot) throws Exception {
        awaitLoadedAndLookAtTheHall();
        robot.clickOn("Edit").clickOn("Add row of N racks...");
        WaitForAsyncUtils.waitForFxEvents();
        set(robot, "#addRowCount", "5");
        set(robot, "#addRowX", "1.8");
        set(robot, "#addRowY", "3.6");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        List<Rack> added = FxTesting.fx(() -> window.document().facility().racks().stream()
                .filter(r -> facility.racks().stream().noneMatch(o -> o.id().equals(r.id())))
                .toList());
        assertThat(added).hasSize(5);
        // Side by side along x at the rack type's 0.6 m width, from x = 1.8 m, all in one new row at y = 3.6 m.
        for (int i = 0; i < 5; i++) {
            assertThat(added.get(i).placement()).isEqualTo(new Placement("hall-1", 1.8 + 0.6 * i, 3.6, 0));
            assertThat(added.get(i).rowId()).isEqualTo(added.get(0).rowId());
        }
        assertThat(selection())
                .containsExactlyElementsOf(added.stream().map(Rack::id).toList());
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "select-03-row-added.png");
        shortcut(robot, KeyCode.Z);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(facility);
        assertThat(FxTesting.fx(window::isDirty)).isFalse();
    }

    private static void set(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        FxTesting.fx(() -> {
            field.setText(text);
            return null;
        });
    }

    @Test
    void draggingOneSelectedRackMovesTheWholeSelectionInOneStep(FxRobot robot) throws Exception {
        awaitLoadedAndLookAtTheHall();
        EditResult row = FxTesting.fx(() -> window.addRow(TYPE, "hall-1", 1.8, 3.6, 3));
        assertThat(row.applied()).as(row.message()).isTrue();
        assertThat(selection()).containsExactlyElementsOf(row.affectedIds());
        Facility withRow = FxTesting.fx(() -> window.document().facility());
        // Press on the middle rack (x = 2.4 m) and drag it to x = 3.6 m: it leads, the other two keep their 0.6 m
        // offsets.
        String middle = row.affectedIds().get(1);
        robot.drag(top(middle), MouseButton.PRIMARY).moveTo(floor(3.0, 3.7)).moveTo(floor(3.62, 3.65));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.view3d().ghost().isPresent()))
                .as("ghost while dragging")
                .isTrue();
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) {
            String id = row.affectedIds().get(i);
            assertThat(FxTesting.fx(
                            () -> window.document().rack(id).orElseThrow().placement()))
                    .isEqualTo(new Placement("hall-1", 3.0 + 0.6 * i, 3.6, 0));
        }
        shortcut(robot, KeyCode.Z);
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(withRow);
    }

    @Test
    void viewMenuShowsTheNetworkAsCableBundlesInTrays(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        FxTesting.fx(() -> {
            window.view3d().camera().setAngles(35, -30);
            return window.view3d().focus(window.drawnRackIds());
        });
        toggleCables(robot);
        assertThat(FxTesting.fx(() -> window.view3d().cablesShown())).isTrue();
        assertThat(FxTesting.fx(() -> window.view3d().content().orElseThrow().cablesShown()))
                .isTrue();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "select-04-cable-trays.png");
        toggleCables(robot);
        assertThat(FxTesting.fx(() -> window.view3d().content().orElseThrow().cablesShown()))
                .isFalse();
    }

    /** View > Cable trays: toggles the check item as a click on it does. */
    private static void toggleCables(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        FxTesting.fx(() -> {
            javafx.scene.control.CheckMenuItem item = (javafx.scene.control.CheckMenuItem) bar.getMenus().stream()
                    .flatMap(m -> m.getItems().stream())
                    .filter(i -> "menuCables".equals(i.getId()))
                    .findFirst()
                    .orElseThrow();
            item.setSelected(!item.isSelected());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
