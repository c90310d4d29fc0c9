package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.files.Recovery;
import org.aifactory.twin.ui.files.UserFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The application itself offers a recovery file left by a session that did not exit cleanly. */
@ExtendWith(ApplicationExtension.class)
class DesignerAppRecoveryTest {
    private DesignerApp app;
    private Facility edited;
    private String previousConfigDir;

    @Start
    void start(Stage stage) throws Exception {
        FxTesting.require3d();
        Path config = Files.createTempDirectory("twin-app-config");
        previousConfigDir = System.setProperty(UserFiles.CONFIG_DIR_PROPERTY, config.toString());
        DesignerDocument doc = new DesignerDocument(Samples.SCALABLE_UNIT.load(), CatalogIo.builtIn());
        doc.addRow("gb200-nvl72", "hall-1", 1.8, 2.4, 2);
        edited = doc.facility();
        // A designer that autosaved and died: close() lets its lock go and leaves the files.
        try (Recovery crashed = new Recovery(new UserFiles(config))) {
            crashed.write(edited, "crashed.json", null);
        }
        app = new DesignerApp();
        app.start(stage);
    }

    @AfterEach
    void restore() {
        if (previousConfigDir == null) {
            System.clearProperty(UserFiles.CONFIG_DIR_PROPERTY);
        } else {
            System.setProperty(UserFiles.CONFIG_DIR_PROPERTY, previousConfigDir);
        }
    }

    @Test
    void startingAfterACrashOffersTheAutosaveAndRecoverOpensIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() -> robot.lookup("Recover")
                        .tryQuery()
                        .filter(n ->
                                n.getScene() != null && n.getScene().getWindow().isShowing())
                        .isPresent()));
        Node recover = FxTesting.fx(() -> robot.lookup("Recover").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing())
                .findFirst()
                .orElseThrow());
        robot.clickOn(recover);
        DesignerWindow window = app.window();
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> FxTesting.fx(() ->
                        "crashed.json".equals(window.state().nameProperty().get())));
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(edited);
        assertThat(FxTesting.fx(window::isDirty)).isTrue();
    }
}
