package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.edit.ConnectCandidate;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.scene.ConnectionLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Connecting a new row of racks to its feeds and cooling loop through the Edit menu, the
 * chooser, the shortcuts and Alt+drag, under Xvfb, on the 8-rack scalable unit as the sample has
 * it: its SU busways hang along its row (y = 7.0 m), A at (6.075, 6.2) m and B at (6.075, 7.8) m,
 * the spine's A at (9.45, 6.2) m; the CDU of loop hall-1-su-01-loop stands at (3.375, 7.0) m. The
 * new row is three racks at x = 1.8, 2.4, 3.0 m on y = 3.6 m (0.6 m x 1.2 m each).
 */
@ExtendWith(ApplicationExtension.class)
class ConnectWorkflowTest {
    private static final String BUS_A = "hall-1-su-01-bus-a";
    private static final String BUS_B = "hall-1-su-01-bus-b";
    private static final String SPINE_A = "hall-1-spine-bus-a";
    private static final String LOOP = "hall-1-su-01-loop";
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

    private static void shortcutShift(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the chooser's line for {@code id}, then Connect. */
    private static void choose(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node n) ->
                n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith(id + ":"));
        robot.clickOn("Connect");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Rack> racks(List<String> ids) {
        return FxTesting.fx(() ->
                ids.stream().map(id -> window.document().rack(id).orElseThrow()).toList());
    }

    @Test
    void connectFeedsAndLoopFromTheMenuDrawsTheLinesAndEachIsOneUndoStep(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        EditResult row = FxTesting.fx(() -> window.addRow("gb200-nvl72", "hall-1", 1.8, 3.6, 3));
        assertThat(row.applied()).as(row.message()).isTrue();
        List<String> ids = row.affectedIds();
        assertThat(FxTesting.fx(() -> window.state().selection())).containsExactlyElementsOf(ids);
        Facility withRow = FxTesting.fx(() -> window.document().facility());
        FxTesting.fx(() -> {
            window.view3d().camera().setAngles(25, -35);
            List<String> focus = new ArrayList<>(ids);
            focus.addAll(List.of(BUS_A, BUS_B, CDU));
            return window.view3d().focus(focus);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.view3d().connectionNodes())).isEmpty();

        // Edit > Connect feed A...: the chooser lists the busways nearest first: bus A is 6.075 - 2.4 = 3.675 m
        // across and 6.2 - 3.6 = 2.6 m back from the row's centre (2.4, 3.6): 4.50 m; bus B 4.2 m back: 5.58 m.
        robot.clickOn("Edit").clickOn("Connect feed A\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<ConnectCandidate> list =
                robot.lookup("#" + ConnectActions.CHOICES_ID).queryAs(ListView.class);
        List<ConnectCandidate> offered = FxTesting.fx(() -> List.copyOf(list.getItems()));
        assertThat(offered).extracting(ConnectCandidate::id).startsWith(BUS_A, BUS_B);
        assertThat(offered.get(0).distanceM())
                .isCloseTo(Math.hypot(3.675, 2.6), org.assertj.core.data.Offset.offset(1e-9));
        FxTesting.savePng(FxTesting.snapshot(list.getScene()), "connect-01-chooser.png");
        choose(robot, BUS_A);
        for (Rack r : racks(ids)) {
            assertThat(r.feeds()).containsExactly(new RackFeed(FeedSide.A, BUS_A));
        }
        Facility afterA = FxTesting.fx(() -> window.document().facility());
        assertThat(FxTesting.fx(() -> window.statusBar().text())).isEqualTo("Connect feed A of 3 racks to " + BUS_A);
        assertThat(FxTesting.fx(() -> window.state().selection())).containsExactlyElementsOf(ids);

        // Ctrl+Shift+B and Ctrl+Shift+L: the same choosers from the keyboard.
        shortcutShift(robot, KeyCode.B);
        choose(robot, BUS_B);
        shortcutShift(robot, KeyCode.L);
        choose(robot, LOOP);
        for (Rack r : racks(ids)) {
            assertThat(r.feeds()).containsExactly(new RackFeed(FeedSide.A, BUS_A), new RackFeed(FeedSide.B, BUS_B));
            assertThat(r.coolingLoopId()).isEqualTo(LOOP);
        }
        // Three racks, three lines each: feed A (red), feed B (navy) and the CDU (cyan).
        List<Node> lines = FxTesting.fx(() -> window.view3d().connectionNodes());
        assertThat(lines).hasSize(9);
        assertThat(lines.stream().map(Node::getId))
                .containsOnly("connection-FEED_A", "connection-FEED_B", "connection-COOLING");
        assertThat(robot.lookup("#connectionsKey").query().isVisible()).isTrue();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "connect-02-lines.png");

        // Selecting one rack draws only its lines; selecting nothing clears them.
        FxTesting.fx(() -> {
            window.select(ids.get(0));
            return null;
        });
        assertThat(FxTesting.fx(() -> window.view3d().connectionNodes())).hasSize(3);
        FxTesting.fx(() -> {
            window.select(null);
            return null;
        });
        assertThat(FxTesting.fx(() -> window.view3d().connectionNodes())).isEmpty();

        // Each connect was one step: three undos go back to the row without connections.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(afterA);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(withRow);
    }

    @Test
    void connectWithoutRacksSelectedSaysWhatToDo(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        FxTesting.fx(() -> {
            window.select(CDU);
            return null;
        });
        robot.clickOn("Edit").clickOn("Connect cooling loop\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.statusBar().text())).startsWith("Select one or more racks");
        assertThat(robot.lookup("#" + ConnectActions.CHOICES_ID).tryQuery()).isEmpty();
        assertThat(FxTesting.fx(() -> window.document().canUndo())).isFalse();
    }

    @Test
    void linesFollowTheSelectionOfSampleRacks() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        // GPU rack 1 of the sample: A and B from the row's busways, cooled by the loop's CDU.
        FxTesting.fx(() -> {
            window.select("hall-1-su-01-gpu-1");
            return null;
        });
        List<ConnectionLines.Line> expected = List.of(
                new ConnectionLines.Line("hall-1-su-01-gpu-1", BUS_A, ConnectionLines.Kind.FEED_A),
                new ConnectionLines.Line("hall-1-su-01-gpu-1", BUS_B, ConnectionLines.Kind.FEED_B),
                new ConnectionLines.Line("hall-1-su-01-gpu-1", CDU, ConnectionLines.Kind.COOLING));
        assertThat(ConnectionLines.of(facility, List.of("hall-1-su-01-gpu-1"))).isEqualTo(expected);
        // All three draw: the sample places its busways (overhead, along the row) and its CDU.
        assertThat(FxTesting.fx(() -> window.view3d().connectionNodes())).hasSize(3);
        FxTesting.fx(() -> {
            window.view3d().camera().setAngles(30, -30);
            return window.view3d().focus(List.of("hall-1-su-01-gpu-1", BUS_A, BUS_B, CDU, "hall-1-su-01-gpu-8"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "connect-07-sample-lines.png");
    }

    @Test
    void feedCFromItsShortcutIsDrawnPurpleAndDisconnectTakesEachSideOffInOneStep(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        EditResult row = FxTesting.fx(() -> window.addRow("gb200-nvl72", "hall-1", 1.8, 3.6, 3));
        assertThat(row.applied()).as(row.message()).isTrue();
        List<String> ids = row.affectedIds();
        FxTesting.fx(() -> {
            window.view3d().camera().setAngles(25, -35);
            List<String> focus = new ArrayList<>(ids);
            focus.addAll(List.of(BUS_A, BUS_B, SPINE_A, CDU));
            return window.view3d().focus(focus);
        });
        shortcutShift(robot, KeyCode.A);
        choose(robot, BUS_A);
        shortcutShift(robot, KeyCode.B);
        choose(robot, BUS_B);
        // Ctrl+Shift+C is Connect feed C (Ctrl+C alone stays Copy); C comes from the spine's bus A.
        shortcutShift(robot, KeyCode.C);
        choose(robot, SPINE_A);
        for (Rack r : racks(ids)) {
            assertThat(r.feeds())
                    .containsExactly(
                            new RackFeed(FeedSide.A, BUS_A),
                            new RackFeed(FeedSide.B, BUS_B),
                            new RackFeed(FeedSide.C, SPINE_A));
        }
        assertThat(FxTesting.fx(() -> window.statusBar().text())).isEqualTo("Connect feed C of 3 racks to " + SPINE_A);
        shortcutShift(robot, KeyCode.L);
        choose(robot, LOOP);
        List<Node> lines = FxTesting.fx(() -> window.view3d().connectionNodes());
        assertThat(lines.stream().filter(n -> "connection-FEED_C".equals(n.getId())))
                .hasSize(3);
        assertThat(lines).hasSize(12);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "connect-03-feed-c.png");
        Facility connected = FxTesting.fx(() -> window.document().facility());

        // Edit > Disconnect > Feed C, then > Cooling loop: one undo step each.
        disconnect(robot, "menuDisconnectFeedC");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.statusBar().text())).isEqualTo("Disconnect feed C of 3 racks");
        for (Rack r : racks(ids)) {
            assertThat(r.feeds()).containsExactly(new RackFeed(FeedSide.A, BUS_A), new RackFeed(FeedSide.B, BUS_B));
            assertThat(r.coolingLoopId()).isEqualTo(LOOP);
        }
        assertThat(FxTesting.fx(() -> window.state().selection())).containsExactlyElementsOf(ids);
        Facility withoutC = FxTesting.fx(() -> window.document().facility());
        disconnect(robot, "menuDisconnectLoop");
        WaitForAsyncUtils.waitForFxEvents();
        for (Rack r : racks(ids)) {
            assertThat(r.coolingLoopId()).isNull();
        }
        assertThat(FxTesting.fx(() -> window.view3d().connectionNodes()))
                .extracting(Node::getId)
                .containsOnly("connection-FEED_A", "connection-FEED_B")
                .hasSize(6);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "connect-04-disconnected.png");
        // Nothing more to take off: refused, no new undo step.
        disconnect(robot, "menuDisconnectLoop");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.statusBar().text()))
                .isEqualTo("Nothing to disconnect: none of the 3 racks is on a cooling loop");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(withoutC);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(connected);
    }

    @Test
    void altDragFromASelectedRackOntoABuswayFeedsTheFirstFreeSideAndOntoTheCduCoolsThem(FxRobot robot)
            throws Exception {
        FxTesting.awaitLoaded(window, 60);
        EditResult row = FxTesting.fx(() -> window.addRow("gb200-nvl72", "hall-1", 1.8, 3.6, 3));
        List<String> ids = row.affectedIds();
        Facility withRow = FxTesting.fx(() -> window.document().facility());
        FxTesting.fx(() -> {
            // From straight above: nothing hangs between the camera and the racks' and CDU's tops.
            window.view3d().camera().setAngles(0, -89);
            List<String> focus = new ArrayList<>(ids);
            focus.addAll(List.of(BUS_A, BUS_B, CDU));
            return window.view3d().focus(focus);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D rack = top(ids.get(1));
        ConnectGesture gesture = FxTesting.fx(() -> window.connectActions().gesture());

        // Alt+drag onto bus A: a rubber line follows the mouse; on release all three get feed A from it.
        robot.press(KeyCode.ALT);
        robot.drag(rack, MouseButton.PRIMARY).moveTo(midway(rack, top(BUS_A))).moveTo(top(BUS_A));
        assertThat(FxTesting.fx(() -> gesture.rubberLine().isVisible())).isTrue();
        assertThat(FxTesting.fx(() -> window.statusBar().text())).startsWith("Release to feed the racks from " + BUS_A);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "connect-05-drag.png");
        robot.drop();
        robot.release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> gesture.rubberLine().isVisible())).isFalse();
        for (Rack r : racks(ids)) {
            assertThat(r.feeds()).containsExactly(new RackFeed(FeedSide.A, BUS_A));
        }
        assertThat(FxTesting.fx(() -> window.statusBar().text()))
                .isEqualTo("Connect 3 racks to " + BUS_A + " (feed A)");
        // The drag moved nothing and kept the selection.
        assertThat(racks(ids).get(1).placement())
                .isEqualTo(withRow.racks().stream()
                        .filter(r -> r.id().equals(ids.get(1)))
                        .findFirst()
                        .orElseThrow()
                        .placement());
        assertThat(FxTesting.fx(() -> window.state().selection())).containsExactlyElementsOf(ids);
        Facility afterA = FxTesting.fx(() -> window.document().facility());

        // Onto bus B: side B. Onto the CDU: its loop.
        altDrag(robot, top(ids.get(0)), top(BUS_B));
        altDrag(robot, top(ids.get(2)), top(CDU));
        for (Rack r : racks(ids)) {
            assertThat(r.feeds()).containsExactly(new RackFeed(FeedSide.A, BUS_A), new RackFeed(FeedSide.B, BUS_B));
            assertThat(r.coolingLoopId()).isEqualTo(LOOP);
        }
        Facility connected = FxTesting.fx(() -> window.document().facility());
        // Onto a rack that hosts no CDU: refused, nothing changes.
        altDrag(robot, top(ids.get(0)), top("hall-1-su-01-gpu-1"));
        assertThat(FxTesting.fx(() -> window.statusBar().text()))
                .isEqualTo("Not connected: 'hall-1-su-01-gpu-1' is not a busway, PDU or CDU; drop the racks onto one of"
                        + " those");
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(connected);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "connect-06-dragged.png");

        // Each drop was one undo step.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(afterA);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(() -> window.document().facility())).isSameAs(withRow);
    }

    /**
     * Edit > Disconnect > {@code itemId}: fires the menu item itself (the robot loses TestFX's
     * submenu popups on the way there under Xvfb); the menus' wiring is what is tested.
     */
    private static void disconnect(FxRobot robot, String itemId) {
        FxTesting.fx(() -> {
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            MenuItem item = bar.getMenus().stream()
                    .flatMap(m -> m.getItems().stream())
                    .flatMap(i -> i instanceof Menu sub ? sub.getItems().stream() : java.util.stream.Stream.of(i))
                    .filter(i -> itemId.equals(i.getId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(item.getParentMenu().getText()).isEqualTo("Disconnect");
            item.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void altDrag(FxRobot robot, Point2D from, Point2D to) {
        robot.press(KeyCode.ALT);
        robot.drag(from, MouseButton.PRIMARY)
                .moveTo(midway(from, to))
                .moveTo(to)
                .drop();
        robot.release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D midway(Point2D a, Point2D b) {
        return a.midpoint(b);
    }

    /** The screen point of the centre of {@code id}'s top face. */
    private Point2D top(String id) {
        return FxTesting.fx(
                () -> window.world3d().localToScreen(window.topPoint(id, 0, 0).orElseThrow()));
    }
}
