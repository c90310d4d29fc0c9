package org.aifactory.twin.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.ui.edit.ConnectCandidate;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.scene.ConnectionLines;

/**
 * The Edit menu's connect actions: feed the selected racks' A or B side from a busway or PDU, or
 * cool them by a secondary loop, chosen in a small list (nearest first, with rating and how many
 * racks each already serves). Each is one step on the undo stack. Also keeps the 3D view's lines
 * from the selected racks to their feeds and CDU up to date.
 */
final class ConnectActions {
    /** Ids of the chooser's parts, for tests. */
    static final String CHOICES_ID = "connectChoices";

    private final DesignerWindow window;
    private final ConnectGesture gesture;

    ConnectActions(DesignerWindow window) {
        this.window = window;
        this.gesture = new ConnectGesture(
                window.view3d(),
                window.state(),
                window::document,
                window::report,
                text -> window.statusBar().setText(text));
        // Replaced whenever the selection changes; after an edit the window re-announces the selection.
        window.state().selectionProperty().addListener((o, was, now) -> showLines(now));
    }

    private void showLines(List<String> selection) {
        window.view3d()
                .showConnections(window.state()
                        .loaded()
                        .map(f -> ConnectionLines.of(f.facility(), selection))
                        .orElse(List.of()));
    }

    /** Alt+drag from the selected racks onto a busway, PDU or CDU (for tests). */
    ConnectGesture gesture() {
        return gesture;
    }

    List<MenuItem> menuItems() {
        MenuItem a = item("Connect feed A\u2026", "Shortcut+Shift+A", "menuConnectFeedA", () -> chooseFeed(FeedSide.A));
        MenuItem b = item("Connect feed B\u2026", "Shortcut+Shift+B", "menuConnectFeedB", () -> chooseFeed(FeedSide.B));
        // Ctrl+C alone is Copy; with Shift it is free (JavaFX matches modifiers exactly).
        MenuItem c = item("Connect feed C\u2026", "Shortcut+Shift+C", "menuConnectFeedC", () -> chooseFeed(FeedSide.C));
        MenuItem loop = item("Connect cooling loop\u2026", "Shortcut+Shift+L", "menuConnectLoop", this::chooseLoop);
        Menu disconnect = new Menu("Disconnect");
        disconnect.setId("menuDisconnect");
        for (FeedSide side : FeedSide.values()) {
            MenuItem d = new MenuItem("Feed " + side);
            d.setId("menuDisconnectFeed" + side);
            d.setOnAction(e -> disconnectFeed(side));
            disconnect.getItems().add(d);
        }
        MenuItem dLoop = new MenuItem("Cooling loop");
        dLoop.setId("menuDisconnectLoop");
        dLoop.setOnAction(e -> disconnectLoop());
        disconnect.getItems().add(dLoop);
        List<MenuItem> items = List.of(a, b, c, loop, disconnect, new SeparatorMenuItem());
        items.forEach(
                i -> i.disableProperty().bind(window.state().loadedProperty().isNull()));
        return items;
    }

    /** The toolbar's "Connect" button: the same actions, for a mouse user. */
    MenuButton toolbarButton() {
        MenuItem a = new MenuItem("Feed A\u2026");
        a.setOnAction(e -> chooseFeed(FeedSide.A));
        MenuItem b = new MenuItem("Feed B\u2026");
        b.setOnAction(e -> chooseFeed(FeedSide.B));
        MenuItem c = new MenuItem("Feed C\u2026");
        c.setOnAction(e -> chooseFeed(FeedSide.C));
        MenuItem loop = new MenuItem("Cooling loop\u2026");
        loop.setOnAction(e -> chooseLoop());
        MenuButton button = new MenuButton("Connect racks", null, a, b, c, loop);
        button.setId("connect");
        button.setTooltip(new Tooltip("Connect the selected racks to a busway or PDU (feed A, B or C) or to a cooling"
                + " loop (Ctrl+Shift+A, B, C, L), or Alt+drag from a selected rack onto a busway, PDU or CDU"));
        button.disableProperty().bind(window.state().loadedProperty().isNull());
        return button;
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The selected racks, or empty (with a word in the status bar) if there are none. */
    private List<String> selectedRacks() {
        DesignerDocument doc = window.document();
        List<String> racks =
                doc == null ? List.of() : doc.rackIds(window.state().selection());
        if (racks.isEmpty()) {
            window.statusBar()
                    .setText("Select one or more racks to connect them (shift-click or Ctrl+drag for several)");
        }
        return racks;
    }

    /** Edit > Connect feed A/B/C...: asks for the busway or PDU and feeds that side of every selected rack from it. */
    void chooseFeed(FeedSide side) {
        List<String> racks = selectedRacks();
        if (racks.isEmpty()) {
            return;
        }
        List<ConnectCandidate> choices = window.document().feedCandidates(racks, side);
        choose(
                        "Connect feed " + side,
                        "Feed side " + side + " of " + count(racks) + " from which busway or PDU?",
                        choices,
                        "The power chain has no busway or PDU to feed racks from: add one first.")
                .ifPresent(c -> connectFeed(side, c.id()));
    }

    /** Edit > Connect cooling loop...: asks for the loop and puts every selected rack on it. */
    void chooseLoop() {
        List<String> racks = selectedRacks();
        if (racks.isEmpty()) {
            return;
        }
        List<ConnectCandidate> choices = window.document().coolingLoopCandidates(racks);
        choose(
                        "Connect cooling loop",
                        "Cool " + count(racks) + " by which secondary loop (and its CDU)?",
                        choices,
                        "The facility has no secondary cooling loop: add a CDU and its loop first.")
                .ifPresent(c -> connectLoop(c.id()));
    }

    private static String count(List<String> racks) {
        return racks.size() == 1
                ? "rack " + racks.get(0)
                : String.format(Locale.ROOT, "the %d selected racks", racks.size());
    }

    /** Feeds side {@code side} of the selected racks from {@code sourceId}; a refusal shows in the status bar and a dialog. */
    EditResult connectFeed(FeedSide side, String sourceId) {
        DesignerDocument doc = window.document();
        EditResult r = doc == null
                ? new EditResult(false, "Nothing is open", List.of())
                : doc.connectFeed(window.state().selection(), side, sourceId);
        return reported(r);
    }

    EditResult connectLoop(String loopId) {
        DesignerDocument doc = window.document();
        EditResult r = doc == null
                ? new EditResult(false, "Nothing is open", List.of())
                : doc.connectCoolingLoop(window.state().selection(), loopId);
        return reported(r);
    }

    /** Edit > Disconnect > Feed A/B/C: takes that side's feed off the selected racks. */
    EditResult disconnectFeed(FeedSide side) {
        if (selectedRacks().isEmpty()) {
            return new EditResult(false, "Select one or more racks", List.of());
        }
        EditResult r = window.document().disconnectFeed(window.state().selection(), side);
        window.report(r);
        return r;
    }

    /** Edit > Disconnect > Cooling loop: takes the selected racks off their cooling loop. */
    EditResult disconnectLoop() {
        if (selectedRacks().isEmpty()) {
            return new EditResult(false, "Select one or more racks", List.of());
        }
        EditResult r = window.document().disconnectCoolingLoop(window.state().selection());
        window.report(r);
        return r;
    }

    private EditResult reported(EditResult r) {
        window.report(r);
        if (!r.applied()) {
            Alert alert = new Alert(Alert.AlertType.WARNING, r.message(), ButtonType.OK);
            alert.initOwner(window.stage());
            alert.setTitle("Not connected");
            alert.setHeaderText("The racks were not connected");
            alert.show();
        }
        return r;
    }

    private Optional<ConnectCandidate> choose(
            String title, String header, List<ConnectCandidate> choices, String noneMessage) {
        if (choices.isEmpty()) {
            window.statusBar().setText(noneMessage);
            Alert alert = new Alert(Alert.AlertType.INFORMATION, noneMessage, ButtonType.OK);
            alert.initOwner(window.stage());
            alert.setTitle(title);
            alert.setHeaderText("Nothing to connect to");
            alert.show();
            return Optional.empty();
        }
        ListView<ConnectCandidate> list = new ListView<>();
        list.setId(CHOICES_ID);
        list.getItems().setAll(choices);
        list.getSelectionModel().select(0);
        list.setPrefSize(620, Math.min(12, choices.size()) * 26 + 6);
        Dialog<ConnectCandidate> dialog = new Dialog<>();
        dialog.initOwner(window.stage());
        dialog.setTitle(title);
        dialog.setHeaderText(header + "\nNearest first; the rating and the racks served are the model's own figures.");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(list);
        dialog.setResultConverter(b -> b == connect ? list.getSelectionModel().getSelectedItem() : null);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                dialog.setResult(list.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        return dialog.showAndWait();
    }
}
