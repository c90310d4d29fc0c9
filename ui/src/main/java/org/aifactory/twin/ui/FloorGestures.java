package org.aifactory.twin.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point3D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.Footprinted;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.scene.Facility3DView;
import org.aifactory.twin.ui.scene.ItemGeometry;
import org.aifactory.twin.ui.scene.SceneModel;

/**
 * Mouse editing on the 3D floor: dragging a selected item moves the whole selection (a
 * see-through ghost follows the snapped position of the item under the mouse live; the move is
 * committed as one edit on release); Ctrl+drag draws a rubber band on the floor and selects what
 * stands inside it (Ctrl+Shift+drag adds to the selection); a click on the floor while a palette
 * item is armed places one there (racks in halls, equipment also in the yard). Everything else
 * falls through to the camera. Event filters, so a consumed drag never orbits the camera.
 */
final class FloorGestures {
    /** A point on the ground: hall id and hall coordinates, m; a null hall means the yard, in site coordinates. */
    record HallPoint(String hallId, double xM, double yM) {}

    private final Facility3DView view;
    private final DesignerState state;
    private final Supplier<DesignerDocument> document;
    private final Consumer<EditResult> report;
    private String armedType;
    private List<String> dragging;
    private boolean moved;
    private HallPoint dragTarget;
    private Point3D bandStart;
    private Point3D bandEnd;
    private boolean bandAdds;
    private Runnable onDisarm = () -> {};

    FloorGestures(
            Facility3DView view,
            DesignerState state,
            Supplier<DesignerDocument> document,
            Consumer<EditResult> report) {
        this.view = view;
        this.state = state;
        this.document = document;
        this.report = report;
        view.subScene().addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.subScene().addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.subScene().addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        view.subScene().addEventFilter(MouseEvent.MOUSE_MOVED, this::hovered);
    }

    /** The next click on the floor places an item of catalog type {@code typeId}; null disarms. */
    void arm(String typeId) {
        armedType = typeId;
        if (typeId == null) {
            view.hideGhost();
        }
    }

    String armed() {
        return armedType;
    }

    void setOnDisarm(Runnable r) {
        onDisarm = r;
    }

    private boolean armedIsRack(DesignerDocument doc) {
        return doc.catalog().rack(armedType).isPresent();
    }

    private void pressed(MouseEvent e) {
        DesignerDocument doc = document.get();
        if (e.getButton() != MouseButton.PRIMARY || doc == null) {
            return;
        }
        if (e.isShortcutDown()) {
            e.consume();
            bandStart = view.floorPoint(e.getPickResult()).orElse(null);
            bandEnd = null;
            bandAdds = e.isShiftDown();
            return;
        }
        if (e.isShiftDown()) {
            return;
        }
        if (armedType != null) {
            e.consume();
            Optional<HallPoint> at = groundPoint(view.floorPoint(e.getPickResult()), armedIsRack(doc));
            at.ifPresentOrElse(
                    p -> {
                        EditResult r = doc.addItem(armedType, p.hallId(), p.xM(), p.yM());
                        report.accept(r);
                        if (r.applied()) {
                            armedType = null;
                            view.hideGhost();
                            onDisarm.run();
                        }
                    },
                    () -> report.accept(new EditResult(false, "Click on a hall floor to place the rack", List.of())));
            return;
        }
        Optional<String> picked = view.content().flatMap(c -> c.idOf(e.getPickResult()));
        List<String> selection = state.selection();
        if (picked.isPresent() && selection.contains(picked.get()) && doc.isPlaced(picked.get())) {
            // The item under the mouse leads: it lands where the mouse is, the rest keep their offsets.
            Set<String> ids = new LinkedHashSet<>();
            ids.add(picked.get());
            ids.addAll(doc.placedIds(selection));
            dragging = new ArrayList<>(ids);
            moved = false;
            dragTarget = null;
            e.consume();
        }
    }

    private void dragged(MouseEvent e) {
        if (bandStart != null) {
            e.consume();
            view.floorPoint(e.getPickResult()).ifPresent(p -> {
                bandEnd = p;
                view.showBand(bandStart.getX(), bandStart.getZ(), p.getX(), p.getZ());
            });
            return;
        }
        if (dragging == null) {
            return;
        }
        e.consume();
        DesignerDocument doc = document.get();
        String lead = dragging.get(0);
        Optional<ItemGeometry> leadGeometry = view.geometry(lead);
        boolean isRack = doc != null && doc.rack(lead).isPresent();
        Optional<HallPoint> p = groundPoint(view.floorPoint(e.getPickResult()), isRack);
        if (doc == null || p.isEmpty() || leadGeometry.isEmpty()) {
            return;
        }
        moved = true;
        DesignerDocument.Snap snap = p.get().hallId() == null || !isRack
                ? new DesignerDocument.Snap(
                        snapGrid(p.get().xM()),
                        snapGrid(p.get().yM()),
                        leadGeometry.get().rotationDeg(),
                        null)
                : doc.snap(
                        p.get().hallId(),
                        p.get().xM(),
                        p.get().yM(),
                        doc.rack(lead).get());
        dragTarget = new HallPoint(p.get().hallId(), snap.xM(), snap.yM());
        ItemGeometry g = leadGeometry.get();
        double[] origin = origin(dragTarget.hallId());
        view.showGhost(new ItemGeometry(
                "ghost",
                origin[0] + snap.xM(),
                origin[1] + snap.yM(),
                g.widthM(),
                g.depthM(),
                g.heightM(),
                snap.rotationDeg()));
    }

    private static double snapGrid(double v) {
        return Math.round(Math.round(v / DesignerDocument.GRID_M) * DesignerDocument.GRID_M * 1e6) / 1e6;
    }

    private void released(MouseEvent e) {
        if (bandStart != null) {
            e.consume();
            Point3D start = bandStart;
            Point3D end = bandEnd;
            bandStart = null;
            bandEnd = null;
            view.hideBand();
            if (end != null) {
                List<String> inside = view.itemsInside(start.getX(), start.getZ(), end.getX(), end.getZ());
                List<String> next = new ArrayList<>(bandAdds ? state.selection() : List.of());
                inside.stream().filter(id -> !next.contains(id)).forEach(next::add);
                state.selectAll(next);
                report.accept(new EditResult(
                        false,
                        String.format(
                                java.util.Locale.ROOT, "Selected %,d item%s", next.size(), next.size() == 1 ? "" : "s"),
                        List.of()));
            }
            return;
        }
        if (dragging == null) {
            return;
        }
        e.consume();
        List<String> ids = dragging;
        dragging = null;
        view.hideGhost();
        DesignerDocument doc = document.get();
        if (moved && dragTarget != null && doc != null) {
            report.accept(doc.moveItems(ids, dragTarget.hallId(), dragTarget.xM(), dragTarget.yM()));
        }
    }

    private void hovered(MouseEvent e) {
        DesignerDocument doc = document.get();
        if (armedType == null || doc == null) {
            return;
        }
        groundPoint(view.floorPoint(e.getPickResult()), armedIsRack(doc))
                .ifPresentOrElse(
                        p -> {
                            DesignerDocument.Snap snap = p.hallId() != null && armedIsRack(doc)
                                    ? doc.snap(p.hallId(), p.xM(), p.yM(), null)
                                    : new DesignerDocument.Snap(snapGrid(p.xM()), snapGrid(p.yM()), 0, null);
                            showGhost(armedType, new HallPoint(p.hallId(), snap.xM(), snap.yM()), snap.rotationDeg());
                        },
                        view::hideGhost);
    }

    private void showGhost(String type, HallPoint p, double rotationDeg) {
        Optional<Footprinted> t = footprint(document.get().catalog(), type);
        if (t.isEmpty()) {
            return;
        }
        double[] origin = origin(p.hallId());
        view.showGhost(new ItemGeometry(
                "ghost",
                origin[0] + p.xM(),
                origin[1] + p.yM(),
                t.get().widthM(),
                t.get().depthM(),
                t.get().heightM(),
                rotationDeg));
    }

    static Optional<Footprinted> footprint(CatalogIndex catalog, String type) {
        return catalog.rack(type)
                .<Footprinted>map(x -> x)
                .or(() -> catalog.cdu(type))
                .or(() -> catalog.powerEquipment(type))
                .or(() -> catalog.heatRejection(type))
                .or(() -> catalog.airHandler(type));
    }

    /** Site position of a hall's origin (the yard's is 0, 0). */
    private double[] origin(String hallId) {
        return floors().stream()
                .filter(h -> h.id().equals(hallId))
                .findFirst()
                .map(h -> new double[] {h.x0(), h.z0()})
                .orElse(new double[] {0, 0});
    }

    private List<SceneModel.HallFloor> floors() {
        return view.content().map(c -> c.model().halls()).orElse(List.of());
    }

    /** The hall under a floor point, in its coordinates; outside every hall the yard (if {@code hallsOnly} is false). */
    Optional<HallPoint> groundPoint(Optional<Point3D> floor, boolean hallsOnly) {
        Optional<HallPoint> hall = hallPoint(floor);
        if (hall.isPresent() || hallsOnly || floor.isEmpty()) {
            return hall;
        }
        return Optional.of(new HallPoint(null, floor.get().getX(), floor.get().getZ()));
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
