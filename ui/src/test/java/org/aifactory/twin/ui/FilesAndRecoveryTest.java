package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.files.NewFacility;
import org.aifactory.twin.ui.files.RecentFiles;
import org.aifactory.twin.ui.files.Recovery;
import org.aifactory.twin.ui.files.UserFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files and safety: File > New, Open Recent, autosave to the recovery file and recovery after a
 * crash. Each test has its own configuration directory; autosave runs every 300 ms instead of
 * every minute, so nothing waits long.
 */
@ExtendWith(ApplicationExtension.class)
class FilesAndRecoveryTest {
    private static final String TYPE = "gb200-nvl72";

    @TempDir
    Path dir;

    private UserFiles userFiles;
    private Stage stage;
    private DesignerWindow window;

    @Start
    void start(Stage stage) throws Exception {
        FxTesting.require3d();
        this.stage = stage;
        userFiles = new UserFiles(Files.createTempDirectory("twin-config"));
        window = new DesignerWindow(stage, userFiles, Duration.millis(300));
        window.open(Samples.SCALABLE_UNIT.fileName(), Samples.SCALABLE_UNIT::load);
        stage.show();
    }

    @Test
    void savedAndOpenedFilesAreListedNewestFirstAndReopenFromTheMenu(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(FxTesting.fx(() -> window.saveTo(a))).isTrue();
        assertThat(FxTesting.fx(() -> window.saveTo(b))).isTrue();
        assertThat(FxTesting.fx(window::recentFiles)).containsExactly(b.toAbsolutePath(), a.toAbsolutePath());
        // Kept across restarts: a fresh list reads the same file.
        assertThat(new RecentFiles(userFiles.recentFilesList()).list())
                .containsExactly(b.toAbsolutePath(), a.toAbsolutePath());

        // Change a.json on disk, then reopen it through File > Open Recent.
        Facility other = Samples.LAB.load();
        FacilityWriter.write(other, a);
        robot.clickOn("File");
        robot.clickOn(awaitShowing(robot, "Open Recent"));
        // Into the submenu sideways first: a diagonal path would cross "Save" and close it.
        robot.moveBy(280, 0);
        Node item = awaitShowing(robot, "2  a.json  (" + a.toAbsolutePath().getParent() + ")");
        // A screen grab, not a scene snapshot: the menus are popup windows of their own.
        FxTesting.savePng(
                robot.capture(new Rectangle2D(stage.getX(), stage.getY(), 900, 400))
                        .getImage(),
                "files-00-open-recent.png");
        robot.clickOn(item);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(
                        () -> "a.json".equals(window.state().nameProperty().get())));
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(other);
        assertThat(FxTesting.fx(window::recentFiles)).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
    }

    @Test
    void aRecentFileThatIsGoneIsTakenOffTheList() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Path gone = dir.resolve("gone.json");
        assertThat(FxTesting.fx(() -> window.saveTo(gone))).isTrue();
        Files.delete(gone);
        FxTesting.fx(() -> {
            window.openRecent(gone);
            return null;
        });
        assertThat(FxTesting.fx(window::recentFiles)).doesNotContain(gone.toAbsolutePath());
        assertThat(FxTesting.fx(() -> window.statusBar().text())).contains("no longer exists");
    }

    @Test
    void autosaveWritesUnsavedEditsToTheRecoveryFileAndASaveDeletesIt() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Path recovery = FxTesting.fx(() -> window.autosaver().recoveryFile());
        assertThat(recovery.getParent()).isEqualTo(userFiles.recoveryDir());
        // Several autosave periods pass with no edits: nothing is written.
        Thread.sleep(1_000);
        assertThat(recovery).doesNotExist();

        assertThat(FxTesting.fx(() -> window.addRow(TYPE, "hall-1", 1.8, 2.4, 2).applied()))
                .isTrue();
        Facility edited = FxTesting.fx(() -> window.document().facility());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(recovery));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(
                        () -> window.autosaver().lastWrittenProperty().get() != null));
        assertThat(FacilityReader.withBuiltInCatalog().read(recovery)).isEqualTo(edited);
        // A second designer starting now is not offered it: this one is still running.
        try (Recovery other = new Recovery(userFiles)) {
            assertThat(other.find()).isEmpty();
        }

        Path saved = dir.resolve("saved.json");
        assertThat(FxTesting.fx(() -> window.saveTo(saved))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(recovery));
        assertThat(recovery.resolveSibling(recovery.getFileName().toString().replace(".json", ".properties")))
                .doesNotExist();
    }

    @Test
    void undoingBackToTheSavedVersionDeletesTheRecoveryFile() throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Path recovery = FxTesting.fx(() -> window.autosaver().recoveryFile());
        assertThat(FxTesting.fx(() -> window.addRow(TYPE, "hall-1", 1.8, 2.4, 2).applied()))
                .isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(recovery));
        assertThat(FxTesting.fx(window::undo)).isTrue();
        assertThat(FxTesting.fx(window::isDirty)).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(recovery));
    }

    @Test
    void afterACrashTheAutosaveIsOfferedAndRecoverRestoresTheEditsUnsaved(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        // The "crashed" session: an edited scalable unit that came from su.json, autosaved but never saved.
        Path original = dir.resolve("su.json");
        Facility base = Samples.SCALABLE_UNIT.load();
        FacilityWriter.write(base, original);
        DesignerDocument doc = new DesignerDocument(base, CatalogIo.builtIn());
        assertThat(doc.addRow(TYPE, "hall-1", 1.8, 2.4, 3).applied()).isTrue();
        Facility edited = doc.facility();
        Path crashed = crash(edited, "su.json", original);

        Platform.runLater(window::offerRecovery);
        Node recover = awaitShowing(robot, "Recover");
        FxTesting.savePng(FxTesting.snapshot(recover.getScene()), "files-01-recover-prompt.png");
        robot.clickOn(recover);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() -> window.facility()
                        .map(f -> f.racks().size() == edited.racks().size())
                        .orElse(false)));
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(edited);
        assertThat(FxTesting.fx(window::isDirty)).isTrue();
        assertThat(FxTesting.fx(stage::getTitle)).isEqualTo("AI-factory twin - *su.json");
        assertThat(FxTesting.fx(() -> window.state().fileProperty().get())).isEqualTo(original);

        // Save writes where the facility came from, and the recovery file goes.
        assertThat(FxTesting.fx(window::save)).isTrue();
        assertThat(FacilityReader.withBuiltInCatalog().read(original)).isEqualTo(edited);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(crashed));
    }

    /** Autosaves {@code f} as a designer that then dies: its OS lock goes, its recovery files stay. */
    private Path crash(Facility f, String name, Path original) throws Exception {
        try (Recovery r = new Recovery(userFiles)) {
            r.write(f, name, original);
            return r.file();
        }
    }

    @Test
    void discardingTheOfferDeletesTheAutosave(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        Path crashed = crash(Samples.LAB.load(), "lab.json", null);
        Platform.runLater(window::offerRecovery);
        robot.clickOn(awaitShowing(robot, "Discard"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(crashed));
        assertThat(FxTesting.fx(() -> window.state().nameProperty().get())).isEqualTo(Samples.SCALABLE_UNIT.fileName());
    }

    @Test
    void closingCleanlyAfterDiscardLeavesNoRecoveryFile(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> window.addRow(TYPE, "hall-1", 1.8, 2.4, 2).applied()))
                .isTrue();
        Path recovery = FxTesting.fx(() -> window.autosaver().recoveryFile());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(recovery));
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        robot.clickOn(awaitShowing(robot, "Discard"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.fx(stage::isShowing)).isFalse();
        assertThat(recovery).doesNotExist();
        assertThat(userFiles.recoveryDir()).isEmptyDirectory();
    }

    @Test
    void newOpensAnEmptyHallThatSaveAsksANameFor(FxRobot robot) throws Exception {
        FxTesting.awaitLoaded(window, 60);
        robot.clickOn("File");
        robot.clickOn(awaitShowing(robot, "New"));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() ->
                        NewFacility.NAME.equals(window.state().nameProperty().get())));
        FxTesting.awaitLoaded(window, 60);
        Facility created = FxTesting.fx(() -> window.facility().orElseThrow());
        assertThat(created).isEqualTo(NewFacility.create());
        assertThat(created.racks()).isEmpty();
        assertThat(FxTesting.fx(() -> window.state().fileProperty().get())).isNull();
        // The empty hall takes a row from the palette's catalog.
        assertThat(FxTesting.fx(() ->
                        window.addRow(TYPE, NewFacility.HALL_ID, 3.0, 3.0, 4).applied()))
                .isTrue();
        assertThat(FxTesting.fx(window::isDirty)).isTrue();
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
