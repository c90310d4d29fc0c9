package org.aifactory.twin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;

/**
 * The Edit menu's actions on the whole selection: copy, paste, select all and align. Each edit
 * is one step on the undo stack. In a text field, Copy and Paste act on its text instead.
 */
final class SelectionActions {
    private final DesignerWindow window;

    SelectionActions(DesignerWindow window) {
        this.window = window;
    }

    List<MenuItem> menuItems() {
        MenuItem copy = item("Copy", "Shortcut+C", "menuCopy", this::copy);
        MenuItem paste = item("Paste", "Shortcut+V", "menuPaste", this::paste);
        MenuItem selectAll = item("Select all racks and equipment", "Shortcut+A", "menuSelectAll", this::selectAll);
        Menu align = new Menu("Align selected");
        align.setId("menuAlign");
        for (DesignerDocument.Alignment a : DesignerDocument.Alignment.values()) {
            String name = a.name().charAt(0) + a.name().substring(1).toLowerCase(Locale.ROOT);
            MenuItem m = new MenuItem(
                    switch (a) {
                        case LEFT -> "Left ends";
                        case CENTRE -> "Centres (on the first selected)";
                        case ENDS -> "Right ends";
                    });
            m.setId("menuAlign" + name);
            m.setOnAction(e -> align(a));
            align.getItems().add(m);
        }
        List<MenuItem> items = new ArrayList<>(List.of(copy, paste, selectAll, align, new SeparatorMenuItem()));
        items.forEach(
                i -> i.disableProperty().bind(window.state().loadedProperty().isNull()));
        return items;
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private TextInputControl textFocus() {
        Node focus = window.stage().getScene() == null
                ? null
                : window.stage().getScene().getFocusOwner();
        return focus instanceof TextInputControl t ? t : null;
    }

    /** Copies the selected racks and equipment (Ctrl+C). Returns how many. */
    int copy() {
        TextInputControl text = textFocus();
        if (text != null) {
            text.copy();
            return 0;
        }
        DesignerDocument doc = window.document();
        int n = doc == null ? 0 : doc.copy(window.state().selection());
        window.statusBar()
                .setText(
                        n == 0
                                ? "Select racks or equipment to copy them"
                                : String.format(
                                        Locale.ROOT,
                                        "Copied %d item%s: Ctrl+V pastes them beside the originals",
                                        n,
                                        n == 1 ? "" : "s"));
        return n;
    }

    /** Pastes what was copied next to where it came from, with fresh ids (Ctrl+V). */
    EditResult paste() {
        TextInputControl text = textFocus();
        if (text != null) {
            text.paste();
            return new EditResult(false, "pasted into the text field", List.of());
        }
        DesignerDocument doc = window.document();
        EditResult r = doc == null ? new EditResult(false, "Nothing is open", List.of()) : doc.paste();
        window.report(r);
        return r;
    }

    /** Selects every placed rack and piece of equipment (Ctrl+A). */
    void selectAll() {
        TextInputControl text = textFocus();
        if (text != null) {
            text.selectAll();
            return;
        }
        window.view3d().content().ifPresent(c -> {
            List<String> ids = new ArrayList<>(c.model().racks().ids());
            ids.addAll(c.model().equipment().ids());
            window.state().selectAll(ids);
            window.statusBar()
                    .setText(String.format(
                            Locale.ROOT,
                            "Selected %,d items",
                            window.state().selection().size()));
        });
    }

    EditResult align(DesignerDocument.Alignment how) {
        DesignerDocument doc = window.document();
        EditResult r = doc == null
                ? new EditResult(false, "Nothing is open", List.of())
                : doc.align(window.state().selection(), how);
        window.report(r);
        return r;
    }
}
