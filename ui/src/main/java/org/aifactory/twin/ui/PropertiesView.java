package org.aifactory.twin.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The read-only properties panel ({@code #properties}): the selected element's fields as name/value rows. */
public final class PropertiesView {
    private final TableView<PropertyRow> table = new TableView<>();
    private final DesignerState state;

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
    }

    public TableView<PropertyRow> view() {
        return table;
    }

    private void refresh() {
        LoadedFacility f = state.loaded().orElse(null);
        table.getItems().setAll(state.selectedElement()
                .map(e -> PropertyRows.of(e, f.catalog()))
                .orElse(List.of()));
    }
}
