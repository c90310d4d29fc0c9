package org.aifactory.twin.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.aifactory.twin.samples.Samples;

/**
 * The designer application. The first raw parameter is a facility file to open; with none it
 * opens the default sample. {@code -Dtwin.autoExitMs=N} (N > 0) quits after N ms, for smoke runs.
 * On software OpenGL (Mesa llvmpipe) start it with {@code -Dprism.forceGPU=true}, or JavaFX
 * silently draws no 3D. If the last session left an autosave recovery file, the window offers it.
 */
public class DesignerApp extends Application {
    /** System property: quit this many ms after start when positive. */
    public static final String AUTO_EXIT_PROPERTY = "twin.autoExitMs";

    private DesignerWindow window;

    public DesignerApp() {
        // JavaFX instantiates the application through this constructor.
    }

    @Override
    public void start(Stage stage) {
        List<String> args =
                getParameters() == null ? List.of() : getParameters().getRaw();
        window = new DesignerWindow(stage);
        if (args.isEmpty()) {
            window.open(Samples.DEFAULT.fileName(), Samples.DEFAULT::load);
        } else {
            window.open(Path.of(args.get(0)));
        }
        stage.show();
        // After a crash the last autosave is offered before anything else is edited.
        Platform.runLater(window::offerRecovery);
        long autoExitMs = Long.getLong(AUTO_EXIT_PROPERTY, 0L);
        if (autoExitMs > 0) {
            PauseTransition wait = new PauseTransition(Duration.millis(autoExitMs));
            wait.setOnFinished(e -> Platform.exit());
            wait.play();
        }
    }

    /** The window, once {@link #start} has run. */
    public DesignerWindow window() {
        return window;
    }

    public static void main(String[] args) {
        launch(args);
    }
}
