package org.aifactory.twin.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point3D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.scene.Facility3DView;
import org.aifactory.twin.ui.scene.ItemGeometry;
import org.aifactory.twin.ui.scene.SceneModel;

/**
 * Mouse editing on the 3D floor: dragging the selected rack moves it (a see-through ghost
 * follows the snapped position live; the move is committed as one edit on release), and a
 * click on the floor while a palette item is armed places one there. Everything else falls
 * through to the camera. Event filters, so a consumed drag never orbits the camera.
 */
final class FloorGestures {
    /** A point in a hall: hall id and hall coordinates, m. */
    record HallPoint(String hallId, double xM, double yM) {}

    private final Facility3DView view;
    private final DesignerState state;
    private final Supplier<DesignerDocument> document;
    private final Consumer<EditResult> report;
    private String armedType;
    private Rack dragging;
    private boolean moved;
    private HallPoint dragTarget;
    private Runnable onDisarm = () -> { };

    FloorGestures(Facility3DView view, DesignerState state, Supplier<DesignerDocument> document, Consumer<EditResult> report) {
        this.view = view;
        this.state = state;
        this.document = document;
        this.report = report;
        view.subScene().addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.subScene().addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.subScene().addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        view.subScene().addEventFilter(MouseEvent.MOUSE_MOVED, this::hovered);
    }

    /** The next click on the floor places a rack of {@code rackType}; null disarms. */
    void arm(String rackType) {
        armedType = rackType;
        if (rackType == null) {
            view.hideGhost();
        }
    }

    String armed() {
        return armedType;
    }

    void setOnDisarm(Runnable r) {
        onDisarm = r;
    }

    private void pressed(MouseEvent e) {
        DesignerDocument doc = document.get();
        if (e.getButton() != MouseButton.PRIMARY || doc == null || e.isShiftDown()) {
            return;
        }
        if (armedType != null) {
            e.consume();
            hallPoint(view.floorPoint(e.getPickResult())).ifPresentOrElse(p -> {
                EditResult r = doc.addRack(armedType, p.hallId(), p.xM(), p.yM());
                report.accept(r);
                if (r.applied()) {
                    armedType = null;
                    view.hideGhost();
                    onDisarm.run();
                }
            }, () -> report.accept(new EditResult(false, "Click on a hall floor to place the rack", List.of())));
            return;
        }
        String selected = state.selectedId();
        Optional<String> picked = view.content().flatMap(c -> c.idOf(e.getPickResult()));
        if (selected != null && picked.isPresent() && picked.get().equals(selected)) {
            dragging = doc.rack(selected).orElse(null);
            moved = false;
            dragTarget = null;
            if (dragging != null) {
                e.consume();
            }
        }
    }

    private void dragged(MouseEvent e) {
        if (dragging == null) {
            return;
        }
        e.consume();
        DesignerDocument doc = document.get();
        Optional<HallPoint> p = hallPoint(view.floorPoint(e.getPickResult()));
        if (doc == null || p.isEmpty()) {
            return;
        }
        moved = true;
        DesignerDocument.Snap snap = doc.snap(p.get().hallId(), p.get().xM(), p.get().yM(), dragging);
        dragTarget = new HallPoint(p.get().hallId(), snap.xM(), snap.yM());
        showGhost(dragging.type(), dragTarget, snap.rotationDeg());
    }

    private void released(MouseEvent e) {
        if (dragging == null) {
            return;
        }
        e.consume();
        Rack rack = dragging;
        dragging = null;
        view.hideGhost();
        DesignerDocument doc = document.get();
        if (moved && dragTarget != null && doc != null) {
            report.accept(doc.moveRacks(List.of(rack.id()), dragTarget.hallId(), dragTarget.xM(), dragTarget.yM()));
        }
    }

    private void hovered(MouseEvent e) {
        DesignerDocument doc = document.get();
        if (armedType == null || doc == null) {
            return;
        }
        hallPoint(view.floorPoint(e.getPickResult())).ifPresentOrElse(p -> {
            DesignerDocument.Snap snap = doc.snap(p.hallId(), p.xM(), p.yM(), null);
            showGhost(armedType, new HallPoint(p.hallId(), snap.xM(), snap.yM()), snap.rotationDeg());
        }, view::hideGhost);
    }

    private void showGhost(String type, HallPoint p, double rotationDeg) {
        DesignerDocument doc = document.get();
        Optional<RackType> t = doc.catalog().rack(type);
        Optional<SceneModel.HallFloor> hall = floors().stream().filter(h -> h.id().equals(p.hallId())).findFirst();
        if (t.isEmpty() || hall.isEmpty()) {
            return;
        }
        view.showGhost(new ItemGeometry("ghost", hall.get().x0() + p.xM(), hall.get().z0() + p.yM(), t.get().widthM(),
                t.get().depthM(), t.get().heightM(), rotationDeg));
    }

    private List<SceneModel.HallFloor> floors() {
        return view.content().map(c -> c.model().halls()).orElse(List.of());
    }

    /** The hall under a floor point (scene x = site x, scene z = site y), in that hall's coordinates. */
    Optional<HallPoint> hallPoint(Optional<Point3D> floor) {
        if (floor.isEmpty()) {
            return Optional.empty();
        }
        double x = floor.get().getX();
        double z = floor.get().getZ();
        for (SceneModel.HallFloor h : floors()) {
            if (x >= h.x0() && x <= h.x0() + h.widthM() && z >= h.z0() && z <= h.z0() + h.depthM()) {
                return Optional.of(new HallPoint(h.id(), x - h.x0(), z - h.z0()));
            }
        }
        return Optional.empty();
    }
}
