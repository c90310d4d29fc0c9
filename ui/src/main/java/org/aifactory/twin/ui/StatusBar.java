package org.aifactory.twin.ui;

import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The bottom line: what is open ({@code #status}) and, while a file loads, its progress. */
public final class StatusBar {
    private final Label status = new Label("Ready");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final HBox box;

    public StatusBar() {
        status.setId("status");
        progress.setId("loadProgress");
        progress.setPrefWidth(180);
        progressText.setId("loadMessage");
        box = new HBox(10, status, progressText, progress);
        box.setId("statusBar");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.setStyle("-fx-border-color: derive(-fx-base, -15%) transparent transparent transparent;");
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        showProgress(null);
    }

    public HBox view() {
        return box;
    }

    public void setText(String text) {
        status.setText(text);
    }

    /** Shows a running task's progress and message, or hides them (null). */
    public void showProgress(Worker<?> task) {
        progress.progressProperty().unbind();
        progressText.textProperty().unbind();
        boolean on = task != null;
        progress.setVisible(on);
        progress.setManaged(on);
        progressText.setVisible(on);
        progressText.setManaged(on);
        if (on) {
            progress.progressProperty().bind(task.progressProperty());
            progressText.textProperty().bind(task.messageProperty());
        }
    }
}
