package org.aifactory.twin.ui;

import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bottom line: what is open ({@code #status}) and, while a file loads or validation runs, its
 * progress ({@code #loadProgress}, {@code #loadMessage}) and, for work that can be stopped, a
 * Cancel button ({@code #cancelTask}).
 */
public final class StatusBar {
    private final Label status = new Label("Ready");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox box;

    public StatusBar() {
        status.setId("status");
        progress.setId("loadProgress");
        progress.setPrefWidth(180);
        progressText.setId("loadMessage");
        cancel.setId("cancelTask");
        cancel.setTooltip(new Tooltip("Stop waiting and throw the result away"));
        box = new HBox(10, status, progressText, progress, cancel);
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

    public String text() {
        return status.getText();
    }

    /** Shows a running task's progress and message, or hides them (null). */
    public void showProgress(Worker<?> task) {
        showProgress(task, null);
    }

    /** Like {@link #showProgress(Worker)}, with a Cancel button that runs {@code onCancel} (none if null). */
    public void showProgress(Worker<?> task, Runnable onCancel) {
        progress.progressProperty().unbind();
        progressText.textProperty().unbind();
        boolean on = task != null;
        show(progress, on);
        show(progressText, on);
        show(cancel, on && onCancel != null);
        cancel.setOnAction(onCancel == null ? null : e -> onCancel.run());
        if (on) {
            progress.progressProperty().bind(task.progressProperty());
            progressText.textProperty().bind(task.messageProperty());
        }
    }

    /** Hidden, not unmanaged: the bar keeps its height, so the 3D view does not jump when work starts. */
    private static void show(javafx.scene.Node node, boolean on) {
        node.setVisible(on);
    }
}
