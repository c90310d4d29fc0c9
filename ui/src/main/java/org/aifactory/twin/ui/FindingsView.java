package org.aifactory.twin.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.ui.analysis.AnalysisResults;

/**
 * The findings panel ({@code #findings}): what the analyses found, worst first as they reported
 * it, one row per finding with a severity dot. Choosing a row (click or keys) hands the finding to
 * {@link #setOnActivate}; the window selects and frames its element.
 */
public final class FindingsView {
    static final Color ERROR = Color.web("#d32f2f");
    static final Color WARNING = Color.web("#f59e0b");
    static final Color INFO = Color.web("#1e88e5");

    private final TableView<Finding> table = new TableView<>();
    private final Label summary = new Label("Not validated yet: press Validate (F5).");
    private final VBox box;
    private Consumer<Finding> onActivate = f -> {};

    public FindingsView() {
        table.setId("findings");
        table.setPlaceholder(new Label("No findings to show."));
        TableColumn<Finding, Severity> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severity.setCellFactory(c -> new SeverityCell());
        severity.setPrefWidth(100);
        severity.setMinWidth(95);
        TableColumn<Finding, String> code = new TableColumn<>("Code");
        code.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().code()));
        code.setPrefWidth(250);
        code.setMinWidth(240);
        TableColumn<Finding, String> element = new TableColumn<>("Element");
        element.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().element() == null ? "(facility)" : c.getValue().element()));
        element.setPrefWidth(170);
        element.setMinWidth(120);
        TableColumn<Finding, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        message.setPrefWidth(600);
        message.setMinWidth(200);
        table.getColumns().add(severity);
        table.getColumns().add(code);
        table.getColumns().add(element);
        table.getColumns().add(message);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                onActivate.accept(now);
            }
        });
        table.setRowFactory(t -> {
            TableRow<Finding> row = new TableRow<>() {
                @Override
                protected void updateItem(Finding item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null ? null : new Tooltip(item.message()));
                }
            };
            // Clicking the row that is already selected frames its element again.
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && row.isSelected() && e.getClickCount() == 1 && e.isStillSincePress()) {
                    onActivate.accept(row.getItem());
                }
            });
            return row;
        });
        summary.setId("findingsSummary");
        summary.setPadding(new Insets(3, 8, 3, 8));
        box = new VBox(summary, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setMinHeight(0);
    }

    /** The panel: a summary line over the table. */
    public VBox view() {
        return box;
    }

    public TableView<Finding> table() {
        return table;
    }

    public void setOnActivate(Consumer<Finding> handler) {
        onActivate = handler == null ? f -> {} : handler;
    }

    /** Shows the findings of a validation; null: not validated (yet). */
    public void show(AnalysisResults results) {
        table.getSelectionModel().clearSelection();
        if (results == null) {
            table.getItems().clear();
            summary.setText("Not validated yet: press Validate (F5).");
            return;
        }
        List<Finding> findings = results.findings();
        table.getItems().setAll(findings);
        long errors =
                findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings =
                findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        StringBuilder ms = new StringBuilder();
        results.millis()
                .forEach((name, t) -> ms.append(ms.length() == 0 ? "" : ", ")
                        .append(name)
                        .append(' ')
                        .append(t)
                        .append(" ms"));
        summary.setText(String.format(
                Locale.ROOT,
                "%d error%s, %d warning%s, %d other%s",
                errors,
                errors == 1 ? "" : "s",
                warnings,
                warnings == 1 ? "" : "s",
                findings.size() - errors - warnings,
                ms.length() == 0 ? " (no analyses installed)" : " (" + ms + ")"));
    }

    /** Shows that validation is running. */
    public void showRunning() {
        summary.setText("Validating...");
    }

    static Color colour(Severity s) {
        switch (s) {
            case ERROR:
                return ERROR;
            case WARNING:
                return WARNING;
            default:
                return INFO;
        }
    }

    /** A coloured dot and the severity's name. */
    private static final class SeverityCell extends TableCell<Finding, Severity> {
        @Override
        protected void updateItem(Severity item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Circle dot = new Circle(5, colour(item));
            dot.setStroke(colour(item).darker());
            HBox g = new HBox(6, dot, new Label(item.name().toLowerCase(Locale.ROOT)));
            g.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(g);
        }
    }
}
