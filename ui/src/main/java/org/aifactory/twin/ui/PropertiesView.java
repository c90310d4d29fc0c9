package org.aifactory.twin.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.aifactory.twin.ui.edit.EditResult;

/**
 * The properties panel: the selected element's fields as name/value rows ({@code #properties}),
 * and under them an editor for the chosen row when that field is editable
 * ({@code #propertyEditor}, Enter or {@code #propertyApply} to apply). The text is checked as
 * it is typed; {@code #propertyMessage} says what is wrong, and a bad value is never stored.
 */
public final class PropertiesView {
    /** What the editor needs from the window: which fields are editable, and checking and applying a value. */
    public interface Editing {
        List<String> editableFields(String elementId);

        EditResult check(String elementId, String field, String text);

        EditResult apply(String elementId, String field, String text);
    }

    private final TableView<PropertyRow> table = new TableView<>();
    private final DesignerState state;
    private final Label fieldLabel = new Label();
    private final TextField editor = new TextField();
    private final Button apply = new Button("Apply");
    private final Label message = new Label();
    private final VBox node;
    private Editing editing;
    private boolean refreshing;

    public PropertiesView(DesignerState state) {
        this.state = state;
        table.setId("properties");
        table.setEditable(false);
        table.setPlaceholder(new Label("Select something in the outline or the 3D view."));
        TableColumn<PropertyRow, String> name = new TableColumn<>("Property");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(190);
        TableColumn<PropertyRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(200);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        state.selectedIdProperty().addListener((o, was, now) -> refresh());
        state.loadedProperty().addListener((o, was, now) -> refresh());

        fieldLabel.setId("propertyField");
        editor.setId("propertyEditor");
        apply.setId("propertyApply");
        message.setId("propertyMessage");
        message.setWrapText(true);
        // A long message wraps inside the panel instead of widening it.
        message.setMinWidth(0);
        message.setPrefWidth(1);
        message.setMaxWidth(Double.MAX_VALUE);
        fieldLabel.setMinWidth(0);
        fieldLabel.setPrefWidth(1);
        fieldLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(editor, Priority.ALWAYS);
        HBox editRow = new HBox(6, editor, apply);
        node = new VBox(6, table, fieldLabel, editRow, message);
        node.setPadding(new Insets(0, 0, 6, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> startEditing(now));
        editor.textProperty().addListener((o, was, now) -> check());
        editor.setOnAction(e -> applyEdit());
        apply.setOnAction(e -> applyEdit());
        startEditing(null);
    }

    /** The table alone ({@code #properties}). */
    public TableView<PropertyRow> view() {
        return table;
    }

    /** The whole panel: table and editor. */
    public Node node() {
        return node;
    }

    public TextField editor() {
        return editor;
    }

    public Label message() {
        return message;
    }

    /** Makes simple fields editable through {@code newEditing}; null makes the panel read-only. */
    public void setEditing(Editing newEditing) {
        editing = newEditing;
        startEditing(table.getSelectionModel().getSelectedItem());
    }

    /** Chooses the row named {@code field} for editing; false if there is none. */
    public boolean edit(String field) {
        for (PropertyRow row : table.getItems()) {
            if (row.name().equals(field)) {
                table.getSelectionModel().select(row);
                return true;
            }
        }
        return false;
    }

    private String selectedField() {
        PropertyRow row = table.getSelectionModel().getSelectedItem();
        return row == null ? null : row.name();
    }

    private boolean editable(PropertyRow row) {
        String id = state.selectedId();
        return row != null
                && id != null
                && editing != null
                && editing.editableFields(id).contains(row.name());
    }

    private void startEditing(PropertyRow row) {
        refreshing = true;
        try {
            boolean canEdit = editable(row);
            editor.setDisable(!canEdit);
            apply.setDisable(!canEdit);
            editor.setText(canEdit ? (PropertyRows.NONE.equals(row.value()) ? "" : row.value()) : "");
            fieldLabel.setText(
                    row == null
                            ? "Choose a property to edit it."
                            : canEdit ? "Edit " + row.name() + ":" : row.name() + " is not editable here.");
            showMessage("", false);
        } finally {
            refreshing = false;
        }
    }

    private void check() {
        String field = selectedField();
        if (refreshing || editing == null || field == null || editor.isDisabled()) {
            return;
        }
        EditResult r = editing.check(state.selectedId(), field, editor.getText());
        showMessage(r.applied() ? "" : r.message(), !r.applied());
    }

    private void applyEdit() {
        String field = selectedField();
        if (editing == null || field == null || editor.isDisabled()) {
            return;
        }
        EditResult r = editing.apply(state.selectedId(), field, editor.getText());
        if (r.applied()) {
            edit(field);
            showMessage("Set " + field + ".", false);
        } else {
            showMessage(r.message(), true);
        }
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.setStyle(error ? "-fx-text-fill: #b00020;" : "-fx-text-fill: #1b5e20;");
    }

    private void refresh() {
        LoadedFacility f = state.loaded().orElse(null);
        String field = selectedField();
        table.getItems()
                .setAll(state.selectedElement()
                        .map(e -> PropertyRows.of(e, f.catalog()))
                        .orElse(List.of()));
        if (field == null || !edit(field)) {
            startEditing(null);
        }
    }
}
