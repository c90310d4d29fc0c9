package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.scene.ItemCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The designer window on the 8-rack scalable unit, driven through real mouse clicks under Xvfb. */
@ExtendWith(ApplicationExtension.class)
class DesignerWindowTest {
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
    void everyRackIsDrawnAndEachCanBePickedWithTheMouse(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        List<String> rackIds = facility.racks().stream().map(Rack::id).toList();
        assertThat(FxTesting.fx(window::drawnRackIds)).containsExactlyElementsOf(rackIds);
        assertThat(FxTesting.fx(() -> stage.getTitle())).isEqualTo("AI-factory twin - su-8-racks.json");
        for (String id : rackIds) {
            // Off the top face's centre: a click on the diagonal shared by its two triangles can miss both.
            Point2D screen = FxTesting.fx(() -> {
                Point3D top = window.topPoint(id, 0.2, 0.2).orElseThrow();
                return window.world3d().localToScreen(top);
            });
            robot.clickOn(screen);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(FxTesting.fx(window::selectedId))
                    .as("selection after clicking rack %s at %s", id, screen)
                    .isEqualTo(id);
            TreeItem<OutlineEntry> selectedInOutline =
                    FxTesting.fx(() -> outlineTree(robot).getSelectionModel().getSelectedItem());
            assertThat(selectedInOutline.getValue().elementId()).isEqualTo(id);
            assertThat(FxTesting.fx(() ->
                            window.view3d().content().orElseThrow().colourOf(id).orElseThrow()))
                    .isEqualTo(ItemCategory.HIGHLIGHT);
        }
    }

    @Test
    void selectingARackInTheOutlineShowsItsPropertiesAndHighlightsIt(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Rack rack = facility.racks().get(2);
        robot.interact(() -> {
            // Open Halls > hall > row, as a user would by clicking the arrows.
            TreeItem<OutlineEntry> root = outlineTree(robot).getRoot();
            TreeItem<OutlineEntry> halls = child(root, ElementIndex.HALLS);
            halls.setExpanded(true);
            TreeItem<OutlineEntry> hall = child(halls, rack.placement().hallId());
            hall.setExpanded(true);
            child(hall, rack.rowId()).setExpanded(true);
        });
        String label = rack.id() + " (gb200-nvl72)";
        TreeCell<?> cell = robot.lookup(".tree-cell")
                .<TreeCell<?>>match(c -> label.equals(c.getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(FxTesting.fx(window::selectedId)).isEqualTo(rack.id());
        TableView<PropertyRow> properties = robot.lookup("#properties").queryTableView();
        List<PropertyRow> rows = FxTesting.fx(() -> new ArrayList<>(properties.getItems()));
        assertThat(rows)
                .contains(
                        new PropertyRow("id", rack.id()),
                        new PropertyRow("type", "gb200-nvl72"),
                        new PropertyRow("kind", "rack"));
        assertThat(rows)
                .extracting(PropertyRow::name)
                .contains("placement.xM", "placement.yM", "catalog.typicalPowerKw");
        assertThat(FxTesting.fx(() -> window.view3d()
                        .content()
                        .orElseThrow()
                        .colourOf(rack.id())
                        .orElseThrow()))
                .isEqualTo(ItemCategory.HIGHLIGHT);
    }

    @Test
    void screenshotShowsTheGb200RacksIn3d(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        WritableImage image = FxTesting.snapshot(stage.getScene());
        FxTesting.savePng(image, "designer-su-8-racks.png");
        Bounds view = FxTesting.sceneBounds(window.subScene());
        Bounds legend = FxTesting.sceneBounds(window.view3d().legend());
        int green = FxTesting.countColour(image, view, legend, ItemCategory.GB200.colour(), 12);
        assertThat(green).as("GB200-green pixels in the 3D view").isGreaterThan(300);
        // The count measures the 3D drawing, not the theme: the outline panel has no such green.
        Bounds outline = FxTesting.sceneBounds(robot.lookup("#outline").query());
        assertThat(FxTesting.countColour(image, outline, null, ItemCategory.GB200.colour(), 12))
                .isZero();
        assertThat(robot.lookup("#status").queryAs(Labeled.class).getText())
                .startsWith("su-8-racks.json - 10 racks, 576 GPUs - loaded in ");
    }

    @Test
    void openedFileSavesAsAnEqualFacility(@TempDir Path dir) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Path original = dir.resolve("su.json");
        FacilityWriter.write(facility, original);
        FxTesting.fx(() -> window.open(original));
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> stage.getTitle())).isEqualTo("AI-factory twin - su.json");

        Path copy = dir.resolve("copy.json");
        assertThat(FxTesting.fx(() -> window.saveTo(copy))).isTrue();
        assertThat(FacilityReader.withBuiltInCatalog().read(copy)).isEqualTo(facility);
        assertThat(FxTesting.fx(() -> window.state().fileProperty().get())).isEqualTo(copy);
        assertThat(FxTesting.fx(() -> stage.getTitle())).isEqualTo("AI-factory twin - copy.json");
    }

    @Test
    void aBrokenFileShowsItsProblemsAndKeepsTheOpenFacility(FxRobot robot, @TempDir Path dir) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        // 60 racks of a type the catalog does not have: more problems than the dialog lists.
        List<Rack> bad = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bad.add(new Rack(
                    "bad-" + i,
                    "no-such-rack",
                    null,
                    Placement.inHall("hall-1", 1 + i * 0.6, 1, 0),
                    List.of(),
                    null,
                    null));
        }
        Path broken = dir.resolve("broken.json");
        FacilityWriter.write(facility.withRacks(bad), broken);
        FxTesting.fx(() -> window.open(broken));
        FxTesting.awaitLoaded(window, 60);

        TextArea details = robot.lookup("#errorDetails").queryAs(TextArea.class);
        String text = FxTesting.fx(details::getText);
        assertThat(text).contains("broken.json:", "no-such-rack").doesNotContain("Exception", "\tat ");
        assertThat(text.lines().count()).isEqualTo(DesignerWindow.MAX_PROBLEMS_SHOWN + 1);
        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).matches("and \\d+ more");
        assertThat(FxTesting.fx(window::drawnRackIds)).hasSize(facility.racks().size());
        assertThat(FxTesting.fx(() -> stage.getTitle())).isEqualTo("AI-factory twin - su-8-racks.json");
        Window dialog = FxTesting.fx(() -> details.getScene().getWindow());
        robot.interact(dialog::hide);
        assertThat(FxTesting.fx(dialog::isShowing)).isFalse();
    }

    @Test
    void dragOrbitsTheCameraAndFrameAllFitsAgain(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        double yaw = FxTesting.fx(() -> window.view3d().camera().yawDeg());
        Bounds view = FxTesting.fx(
                () -> window.subScene().localToScreen(window.subScene().getBoundsInLocal()));
        robot.drag(new Point2D(view.getMinX() + view.getWidth() * 0.5, view.getMaxY() - 40))
                .dropTo(new Point2D(view.getMinX() + view.getWidth() * 0.5 + 100, view.getMaxY() - 40));
        assertThat(FxTesting.fx(() -> window.view3d().camera().yawDeg())).isNotEqualTo(yaw);
        assertThat(FxTesting.fx(() -> window.view3d().camera().isFramed())).isFalse();
        robot.clickOn("#frameAll");
        assertThat(FxTesting.fx(() -> window.view3d().camera().isFramed())).isTrue();
        assertEveryRackCornerIsInViewAndClearOfTheLegend();
        robot.clickOn("#cameraTop");
        assertThat(FxTesting.fx(() -> window.view3d().camera().pitchDeg())).isEqualTo(-90);
        assertEveryRackCornerIsInViewAndClearOfTheLegend();
    }

    private void assertEveryRackCornerIsInViewAndClearOfTheLegend() {
        Bounds view = FxTesting.fx(
                () -> window.subScene().localToScreen(window.subScene().getBoundsInLocal()));
        Bounds legend = FxTesting.fx(() ->
                window.view3d().legend().localToScreen(window.view3d().legend().getBoundsInLocal()));
        for (String id : facility.racks().stream().map(Rack::id).toList()) {
            for (double[] corner : new double[][] {{-0.5, -0.5}, {-0.5, 0.5}, {0.5, -0.5}, {0.5, 0.5}}) {
                Point2D p = FxTesting.fx(() -> window.world3d()
                        .localToScreen(window.topPoint(id, corner[0], corner[1]).orElseThrow()));
                assertThat(view.contains(p))
                        .as("rack %s corner at %s inside the 3D view %s", id, p, view)
                        .isTrue();
                assertThat(legend.contains(p))
                        .as("rack %s corner at %s under the legend %s", id, p, legend)
                        .isFalse();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TreeView<OutlineEntry> outlineTree(FxRobot robot) {
        return (TreeView<OutlineEntry>) robot.lookup("#outline").queryAs(TreeView.class);
    }

    private static TreeItem<OutlineEntry> child(TreeItem<OutlineEntry> parent, String key) {
        return parent.getChildren().stream()
                .filter(c -> key.equals(c.getValue().key()))
                .findFirst()
                .orElseThrow();
    }
}
