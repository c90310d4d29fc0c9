package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The outline shows the whole selection and changes it, on the 8-rack scalable unit: a selection
 * made elsewhere (3D, plan, Select all) selects every one of its lines, the primary one focused;
 * Ctrl+click and Shift+click on lines change the designer's selection, which the plan then draws.
 * Each change is announced once: the views never echo each other.
 */
@ExtendWith(ApplicationExtension.class)
class OutlineSelectionTest {
    private static final String CDU = "hall-1-su-01-cdu";
    private Stage stage;
    private DesignerWindow window;
    private List<String> racks;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
        Facility f = Samples.SCALABLE_UNIT.load();
        racks = f.racks().stream().map(r -> r.id()).toList();
        window = DesignerWindow.showOn(stage, f, Samples.SCALABLE_UNIT.fileName());
    }

    private TreeView<OutlineEntry> tree() {
        return window.outline().view();
    }

    /** The element ids of the selected outline lines. */
    private Set<String> lines() {
        return FxTesting.fx(() -> {
            Set<String> ids = new HashSet<>();
            for (TreeItem<OutlineEntry> i : tree().getSelectionModel().getSelectedItems()) {
                if (i != null && i.getValue().elementId() != null) {
                    ids.add(i.getValue().elementId());
                }
            }
            return ids;
        });
    }

    private String focusedLine() {
        return FxTesting.fx(
                () -> tree().getSelectionModel().getSelectedItem().getValue().elementId());
    }

    private List<String> selection() {
        return FxTesting.fx(() -> window.state().selection());
    }

    /** The cell that shows element {@code id}'s line (its ancestors expanded, scrolled into view). */
    private Node line(FxRobot robot, String id) {
        FxTesting.fx(() -> {
            TreeItem<OutlineEntry> item = window.outline().find(id);
            tree().scrollTo(Math.max(0, tree().getRow(item) - 3));
            return item;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".tree-cell")
                .match((TreeCell<?> c) -> c.getTreeItem() != null
                        && c.getTreeItem().getValue() instanceof OutlineEntry e
                        && id.equals(e.elementId()))
                .query();
    }

    private AtomicInteger countSelectionChanges() {
        AtomicInteger changes = new AtomicInteger();
        FxTesting.fx(() -> {
            window.state().selectionProperty().addListener((o, was, now) -> changes.incrementAndGet());
            return null;
        });
        return changes;
    }

    @Test
    void aSelectionMadeElsewhereSelectsAllItsLinesOnceWithoutEcho() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        AtomicInteger changes = countSelectionChanges();

        // Select all (Ctrl+A in 3D or the plan): 10 racks, the CDU, 2 fan walls, 2 towers, 4 placed power nodes and the
        // 4 overhead busways (placed, so selectable and movable).
        FxTesting.fx(() -> {
            window.selectionActions().selectAll();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).hasSize(23);
        assertThat(lines()).isEqualTo(new HashSet<>(selection()));
        assertThat(focusedLine()).isEqualTo(FxTesting.fx(window::selectedId));
        assertThat(changes.get()).isEqualTo(1);

        // As a shift-click in the plan or 3D leaves it: three items, the CDU primary.
        FxTesting.fx(() -> {
            window.state().selectAll(List.of(racks.get(0), racks.get(2)));
            window.state().toggle(CDU);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines()).containsExactlyInAnyOrder(racks.get(0), racks.get(2), CDU);
        assertThat(focusedLine()).isEqualTo(CDU);
        assertThat(selection()).containsExactly(racks.get(0), racks.get(2), CDU);
        assertThat(changes.get()).isEqualTo(3);

        FxTesting.fx(() -> {
            window.state().toggle(racks.get(2));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines()).containsExactlyInAnyOrder(racks.get(0), CDU);
        assertThat(selection()).containsExactly(racks.get(0), CDU);
        assertThat(changes.get()).isEqualTo(4);

        FxTesting.fx(() -> {
            window.state().select(null);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines()).isEmpty();
        assertThat(changes.get()).isEqualTo(5);
    }

    @Test
    void ctrlAndShiftClicksOnLinesChangeTheSelectionTheViewsDraw(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robot.clickOn("Plan");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() -> window.plan().screenOf("hall-1", 0, 0).isPresent()));
        robot.moveTo(FxTesting.fx(() -> window.plan().screenOf("hall-1", 6.4, 7).orElseThrow()));
        robot.scroll(22, javafx.geometry.VerticalDirection.UP);

        robot.clickOn(line(robot, racks.get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(racks.get(1));
        AtomicInteger changes = countSelectionChanges();

        robot.press(KeyCode.CONTROL).clickOn(line(robot, racks.get(3))).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(racks.get(1), racks.get(3));
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(racks.get(3));
        assertThat(changes.get()).as("one Ctrl+click, one change").isEqualTo(1);

        robot.press(KeyCode.CONTROL).clickOn(line(robot, CDU)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactly(racks.get(1), racks.get(3), CDU);
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(CDU);
        assertThat(FxTesting.fx(() -> window.plan().highlighted())).containsExactly(racks.get(1), racks.get(3), CDU);
        assertThat(lines()).containsExactlyInAnyOrder(racks.get(1), racks.get(3), CDU);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "outline-01-ctrl-click.png");

        // Ctrl+click on a selected line takes it out.
        robot.press(KeyCode.CONTROL).clickOn(line(robot, racks.get(1))).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactlyInAnyOrder(racks.get(3), CDU);
        assertThat(lines()).containsExactlyInAnyOrder(racks.get(3), CDU);

        // Plain click on rack 3's line, Shift+click on rack 6's: the range 3..6.
        robot.clickOn(line(robot, racks.get(2)));
        robot.press(KeyCode.SHIFT).clickOn(line(robot, racks.get(5))).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> range = new ArrayList<>(racks.subList(2, 6));
        assertThat(selection()).containsExactlyInAnyOrderElementsOf(range);
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(racks.get(5));
        assertThat(FxTesting.fx(() -> window.plan().highlighted())).containsExactlyInAnyOrderElementsOf(range);
        assertThat(lines()).containsExactlyInAnyOrderElementsOf(range);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "outline-02-shift-click.png");

        // Ctrl+A with the outline focused selects every placed item (as in 3D and the plan), not every line.
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).hasSize(23);
        assertThat(lines()).isEqualTo(new HashSet<>(selection()));
    }

    /** Closing and opening a line moves the tree's own selection; the designer's selection stays what the user chose. */
    @Test
    void closingAndOpeningALineKeepsTheSelection() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        List<String> three = List.of(racks.get(1), racks.get(3), CDU);
        FxTesting.fx(() -> {
            window.state().selectAll(three);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactlyElementsOf(three);
        TreeItem<OutlineEntry> row =
                FxTesting.fx(() -> window.outline().find(racks.get(1)).getParent());
        AtomicInteger changes = countSelectionChanges();
        FxTesting.fx(() -> {
            row.setExpanded(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactlyElementsOf(three);
        FxTesting.fx(() -> {
            row.setExpanded(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection()).containsExactlyElementsOf(three);
        assertThat(lines()).containsExactlyInAnyOrderElementsOf(three);
        assertThat(changes.get()).isZero();
    }
}
