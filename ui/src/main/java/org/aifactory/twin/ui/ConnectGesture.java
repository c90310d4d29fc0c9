package org.aifactory.twin.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.scene.Facility3DView;

/**
 * Drag to connect in the 3D view: Alt+drag from a selected rack onto a busway or PDU feeds the
 * selected racks from it on their first free side (A, then B, then C), onto a CDU (or the rack
 * hosting an in-rack CDU) puts them on its cooling loop. A rubber line follows the mouse from
 * where the drag started; the status bar says what a drop there would do. One undoable edit on
 * release, refused with a message (and nothing changed) when the drop target cannot take it.
 *
 * <p>The filters sit on the 3D view's own node, the parent of its SubScene, so an Alt+drag they
 * take is consumed before the floor gestures (move, rubber band) and the camera see it; every
 * other gesture passes through untouched.
 */
final class ConnectGesture {
    /** The rubber line's colour: the selection blue of the ghost and the band. */
    private static final Color RUBBER = Color.color(0.1, 0.45, 0.95);

    private final Facility3DView view;
    private final DesignerState state;
    private final Supplier<DesignerDocument> document;
    private final Consumer<EditResult> report;
    private final Consumer<String> status;
    private final Pane overlay = new Pane();
    private final Line rubber = new Line();
    private List<String> racks;
    private boolean swallowClick;

    ConnectGesture(
            Facility3DView view,
            DesignerState state,
            Supplier<DesignerDocument> document,
            Consumer<EditResult> report,
            Consumer<String> status) {
        this.view = view;
        this.state = state;
        this.document = document;
        this.report = report;
        this.status = status;
        rubber.setId("connectRubberLine");
        rubber.setStroke(RUBBER);
        rubber.setStrokeWidth(3);
        rubber.getStrokeDashArray().setAll(10.0, 6.0);
        rubber.setVisible(false);
        overlay.getChildren().add(rubber);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        view.addOverlay(overlay);
        Node node = view.node();
        node.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        node.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        node.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        node.addEventFilter(MouseEvent.MOUSE_CLICKED, this::clicked);
    }

    /** The rubber line (for tests: visible while a connect drag is under way). */
    Line rubberLine() {
        return rubber;
    }

    private void pressed(MouseEvent e) {
        swallowClick = false;
        DesignerDocument doc = document.get();
        if (e.getButton() != MouseButton.PRIMARY || !e.isAltDown() || doc == null) {
            return;
        }
        Optional<String> picked = picked(e);
        List<String> selectedRacks = doc.rackIds(state.selection());
        if (picked.isEmpty() || !selectedRacks.contains(picked.get())) {
            return;
        }
        racks = selectedRacks;
        swallowClick = true;
        Point2D at = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        rubber.setStartX(at.getX());
        rubber.setStartY(at.getY());
        rubber.setEndX(at.getX());
        rubber.setEndY(at.getY());
        rubber.setVisible(true);
        status.accept("Drag onto a busway or PDU to feed "
                + (racks.size() == 1 ? "rack " + racks.get(0) : "the " + racks.size() + " selected racks")
                + ", or onto a CDU to cool them");
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (racks == null) {
            return;
        }
        e.consume();
        Point2D at = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        rubber.setEndX(at.getX());
        rubber.setEndY(at.getY());
        status.accept(target(e).map(this::describe).orElse("Drop onto a busway, PDU or CDU"));
    }

    private void released(MouseEvent e) {
        if (racks == null) {
            return;
        }
        e.consume();
        List<String> ids = racks;
        racks = null;
        rubber.setVisible(false);
        DesignerDocument doc = document.get();
        if (doc == null) {
            return;
        }
        report.accept(connect(doc, ids, target(e).orElse(null)));
    }

    private void clicked(MouseEvent e) {
        if (swallowClick) {
            // The click that ends an Alt+drag that stayed still must not reselect the rack under it.
            e.consume();
            swallowClick = false;
        }
    }

    /**
     * What the drop onto {@code id} does (in 3D and in the plan): a feed from a power node, a loop
     * from a CDU, else a refusal naming the rule; {@code id} null: dropped on nothing.
     */
    static EditResult connect(DesignerDocument doc, List<String> racks, String id) {
        if (id == null) {
            return new EditResult(
                    false, "Not connected: drop onto a busway, PDU or CDU to connect the racks", List.of());
        }
        if (doc.powerNode(id).isPresent()) {
            return doc.connectFeedToFirstFreeSide(racks, id);
        }
        Optional<String> cdu = doc.cduAt(id);
        if (cdu.isPresent() && !racks.contains(id)) {
            return doc.connectCoolingLoopOfCdu(racks, cdu.get());
        }
        return new EditResult(
                false,
                "Not connected: '" + id + "' is not a busway, PDU or CDU; drop the racks onto one of those",
                List.of());
    }

    private String describe(String id) {
        DesignerDocument doc = document.get();
        if (doc == null) {
            return "";
        }
        if (doc.powerNode(id).isPresent()) {
            return doc.powerNode(id).get().kind().feedsRacks()
                    ? "Release to feed the racks from " + id + " (first free side: A, B, then C)"
                    : id + " does not feed racks: drop onto a busway or PDU";
        }
        if (doc.cduAt(id).isPresent() && !racks.contains(id)) {
            return "Release to cool the racks by the loop of CDU "
                    + doc.cduAt(id).get();
        }
        return id + " is not a busway, PDU or CDU";
    }

    private Optional<String> target(MouseEvent e) {
        return picked(e).filter(id -> view.geometry(id).isPresent());
    }

    private Optional<String> picked(MouseEvent e) {
        return view.content().flatMap(c -> c.idOf(e.getPickResult()));
    }
}
