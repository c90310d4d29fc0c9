package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 2D plan on the 8-rack scalable unit (hall-1 is 12.75 m x 14 m, its row at y = 7 m): click to
 * select, drag the selected rack to a snapped spot, undo.
 */
@ExtendWith(ApplicationExtension.class)
class PlanViewTest {
    private Stage stage;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
        window = DesignerWindow.showOn(stage, Samples.SCALABLE_UNIT.load(), Samples.SCALABLE_UNIT.fileName());
    }

    @Test
    void clickSelectsAndDraggingTheSelectedRackMovesItToTheSnappedSpot(FxRobot robot, @TempDir Path dir)
            throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robot.clickOn("Plan");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() -> window.plan().screenOf("hall-1", 0, 0).isPresent()));
        Facility before = FxTesting.fx(() -> window.facility().orElseThrow());
        Rack rack = before.racks().get(2);
        Placement p = rack.placement();
        Point2D onRack = FxTesting.fx(
                () -> window.plan().screenOf(p.hallId(), p.xM(), p.yM()).orElseThrow());
        robot.clickOn(onRack);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(rack.id());
        assertThat(robot.lookup("#planCursor").queryAs(Label.class).getText()).startsWith("hall-1  x ");
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-01-selected.png");

        // Drag it 3 m towards the front of the hall, off its row: it lands where the document's snap puts it.
        double targetX = p.xM() + 0.1;
        double targetY = 4.1;
        DesignerDocument.Snap expected = FxTesting.fx(() -> window.document().snap(p.hallId(), targetX, targetY, rack));
        Point2D drop = FxTesting.fx(
                () -> window.plan().screenOf(p.hallId(), targetX, targetY).orElseThrow());
        robot.drag(onRack, MouseButton.PRIMARY).moveTo(drop).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Rack moved = FxTesting.fx(() -> window.document().rack(rack.id()).orElseThrow());
        // One pixel of the plan is several cm, so the drop point differs a little from targetX/targetY; the snap
        // absorbs it.
        assertThat(moved.placement().xM()).isEqualTo(expected.xM());
        assertThat(moved.placement().yM()).isEqualTo(expected.yM());
        assertThat(FxTesting.fx(window::isDirty)).isTrue();
        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(rack.id());
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "plan-02-moved.png");

        // Export View writes the plan while the plan shows: the image has the plan's size, not the 3D view's.
        Path png = dir.resolve("plan.png");
        assertThat(FxTesting.fx(() -> window.exportViewTo(png))).isTrue();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        javafx.geometry.Bounds planBounds =
                FxTesting.fx(() -> window.plan().view().getLayoutBounds());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(planBounds.getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(planBounds.getHeight()));

        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(before);

        // A click on empty floor clears the selection.
        Point2D empty =
                FxTesting.fx(() -> window.plan().screenOf("hall-1", 1.0, 11.5).orElseThrow());
        robot.clickOn(empty);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(window::selectedId)).isNull();
    }
}
