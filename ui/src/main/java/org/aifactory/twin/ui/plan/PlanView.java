package org.aifactory.twin.ui.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.layout.FacilityLayout;
import org.aifactory.twin.model.layout.PlacedItem;
import org.aifactory.twin.model.layout.SiteFrame;
import org.aifactory.twin.ui.scene.ItemCategory;

/**
 * The 2D plan ({@code #plan}): the facility from above, to scale, on a Canvas: hall floors with
 * their 0.6 m tile grid when zoomed in, every placed item as its footprint in its category's
 * colour, the selection in yellow with the primary one outlined in orange. Click selects,
 * Shift+click adds or takes out, Ctrl+drag draws a rubber band that selects what stands inside
 * (Ctrl+Shift+drag adds). Dragging a selected item moves the whole selection: a preview follows
 * where they will land (snapped by the document's rules) and they move on release, as one
 * undoable edit. The arrow keys nudge the selection one grid step (Shift: 0.1 m). Dragging
 * elsewhere or with the right or middle button pans; the wheel zooms about the pointer. The
 * pointer's hall coordinates show in the corner, for precise placement. Site y points down the
 * screen. FX thread only.
 */
public final class PlanView {
    /**
     * What the plan asks of its owner: it never edits or selects by itself. Hall ids are null for
     * the yard, whose coordinates are the site's.
     */
    public interface Actions {
        /** A plain click: select {@code id} alone; null (empty floor) clears the selection. */
        void pick(String id);

        /** Shift+click: add {@code id} to the selection, or take it out. */
        void toggle(String id);

        /** A rubber band closed around {@code ids}; {@code adds} when Shift was held (keep what was selected). */
        void band(List<String> ids, boolean adds);

        /** Whether {@code id} can be moved (it has a placement the document may change). */
        boolean movable(String id);

        /**
         * Where item {@code leadId} lands if dropped at ({@code xM}, {@code yM}) of {@code hallId};
         * empty if it cannot go there.
         */
        Optional<Point2D> snap(String leadId, String hallId, double xM, double yM);

        /** Moves {@code ids} together so the first lands on the snapped ({@code xM}, {@code yM}) of {@code hallId}. */
        void move(List<String> ids, String hallId, double xM, double yM);

        /**
         * Moves the selection by ({@code dxM}, {@code dyM}), unsnapped: the arrow keys; {@code joinPrevious}: the same
         * arrow key again within a moment (held down).
         */
        void nudge(double dxM, double dyM, boolean joinPrevious);

        /** Whether an Alt+drag from {@code id} connects the selected racks (it is one of them). */
        boolean connectsFrom(String id);

        /** An Alt+drag from the selected racks ended on {@code targetId} (null: on nothing): connect them to it. */
        void connect(String targetId);
    }

    /** One arrow-key step with Shift held, m [E: a fine step for lining items up by eye]. */
    public static final double FINE_STEP_M = 0.1;

    /** Hall tile pitch drawn as the grid, m (one floor tile; the document's snap grid). */
    static final double GRID_M = 0.6;

    private static final Color YARD = Color.web("#e7eae4");
    private static final Color FLOOR = Color.web("#fafafa");
    private static final Color GRID = Color.web("#dde3ea");
    private static final Color OUTLINE = Color.web("#56606b");
    private static final Color PREVIEW = Color.web("#1e88e5", 0.45);
    private static final Color PRIMARY_OUTLINE = Color.web("#e65100");
    private static final Color BAND_FILL = Color.web("#1e88e5", 0.12);
    private static final Color BAND_STROKE = Color.web("#1e88e5");
    private static final Color ITEM_OUTLINE = Color.web("#30363d", 0.7);

    private final Canvas canvas = new Canvas();
    private final Pane canvasPane = new Pane(canvas);
    private final Label cursor = new Label();
    private final StackPane root = new StackPane(canvasPane, cursor);
    private Facility facility;
    private List<PlacedItem> items = List.of();
    /** Opacity of overhead items (busways) in the plan [E: a drawing choice]. */
    private static final double OVERHEAD_OPACITY = 0.55;
    /** Ids of the items that hang overhead (busways): the rubber band passes them over. */
    private java.util.Set<String> overhead = java.util.Set.of();

    private final Map<String, Color> colours = new HashMap<>();
    private final Map<String, Hall> halls = new HashMap<>();
    private SiteFrame frame;
    private List<String> selection = List.of();
    private Set<String> selectedIds = Set.of();
    private String primary;
    private double scalePxPerM = 10;
    private double offsetXPx;
    private double offsetYPx;
    private boolean fitted;
    private Actions actions;
    /** The items being dragged, the one under the mouse first; null when not dragging. */
    private List<PlacedItem> dragging;

    private Point2D dragTarget;
    private String dragHall;
    private String dragRefusal;
    /** The rubber band's corners in canvas pixels while one is drawn; bandStart null otherwise. */
    private Point2D bandStart;

    private Point2D bandEnd;
    private boolean bandAdds;
    private double pressX;
    private double pressY;
    private boolean panning;
    private boolean moved;

    public PlanView() {
        root.setId("plan");
        canvas.setId("planCanvas");
        canvas.widthProperty().bind(canvasPane.widthProperty());
        canvas.heightProperty().bind(canvasPane.heightProperty());
        canvas.widthProperty().addListener((o, was, now) -> resized());
        canvas.heightProperty().addListener((o, was, now) -> resized());
        canvasPane.setMinSize(0, 0);
        cursor.setId("planCursor");
        cursor.setMouseTransparent(true);
        cursor.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 2 6 2 6;");
        StackPane.setAlignment(cursor, Pos.BOTTOM_LEFT);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> showCursor(e.getX(), e.getY()));
        canvas.setOnScroll(this::zoom);
        canvas.setFocusTraversable(true);
        canvas.setOnKeyPressed(this::key);
        canvas.setOnKeyReleased(e -> {
            if (e.getCode() == lastNudgeKey) {
                lastNudgeReleasedNanos = System.nanoTime();
            }
        });
    }

    public Node view() {
        return root;
    }

    /** Lets the plan select and edit through {@code newActions}; null makes it look-only. */
    public void setActions(Actions newActions) {
        actions = newActions;
    }

    /** Draws {@code f}; the view is fitted the first time and kept over edits of the same facility. */
    public void show(Facility f, CatalogIndex catalog, boolean refit) {
        facility = f;
        items = f == null ? List.of() : FacilityLayout.itemsSeenFromAbove(f, catalog);
        overhead = items.stream()
                .filter(i -> FacilityLayout.isOverhead(i, catalog))
                .map(PlacedItem::id)
                .collect(java.util.stream.Collectors.toSet());
        colours.clear();
        halls.clear();
        if (f != null) {
            // Overhead busways (drawn along their run) are see-through: the floor under them stays readable.
            items.forEach(i -> colours.put(
                    i.id(),
                    ItemCategory.of(i, catalog)
                            .colour()
                            .deriveColor(0, 1, 1, overhead.contains(i.id()) ? OVERHEAD_OPACITY : 1)));
            f.halls().forEach(h -> halls.put(h.id(), h));
            frame = new SiteFrame(f.halls());
        }
        if (refit || !fitted) {
            fit();
        }
        redraw();
    }

    /** Draws {@code ids} as selected, {@code primaryId} (one of them, or null) distinct. */
    public void highlight(List<String> ids, String primaryId) {
        selection = List.copyOf(ids);
        selectedIds = new HashSet<>(ids);
        primary = primaryId;
        redraw();
    }

    /** What the plan draws as selected, in order. */
    public List<String> highlighted() {
        return selection;
    }

    /** Fits everything placed, and every hall, into the canvas. */
    public void fit() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (facility == null || w < 10 || h < 10) {
            fitted = false;
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Hall hall : facility.halls()) {
            minX = Math.min(minX, hall.originXM());
            minY = Math.min(minY, hall.originYM());
            maxX = Math.max(maxX, hall.originXM() + hall.widthM());
            maxY = Math.max(maxY, hall.originYM() + hall.depthM());
        }
        for (PlacedItem i : items) {
            double[] c = siteCorners(i);
            for (int k = 0; k < 4; k++) {
                minX = Math.min(minX, c[2 * k]);
                maxX = Math.max(maxX, c[2 * k]);
                minY = Math.min(minY, c[2 * k + 1]);
                maxY = Math.max(maxY, c[2 * k + 1]);
            }
        }
        if (minX > maxX) {
            minX = -5;
            maxX = 5;
            minY = -5;
            maxY = 5;
        }
        double margin = 0.05 * Math.max(maxX - minX, maxY - minY) + 1;
        minX -= margin;
        maxX += margin;
        minY -= margin;
        maxY += margin;
        scalePxPerM = Math.min(w / (maxX - minX), h / (maxY - minY));
        offsetXPx = (w - scalePxPerM * (maxX + minX)) / 2;
        offsetYPx = (h - scalePxPerM * (maxY + minY)) / 2;
        fitted = true;
        redraw();
    }

    private void resized() {
        if (!fitted) {
            fit();
        } else {
            redraw();
        }
    }

    // ---- coordinates ---------------------------------------------------------------------------

    private double[] siteCorners(PlacedItem i) {
        double[] c = i.corners();
        for (int k = 0; k < 4; k++) {
            c[2 * k] = frame.xM(i.hallId(), c[2 * k]);
            c[2 * k + 1] = frame.yM(i.hallId(), c[2 * k + 1]);
        }
        return c;
    }

    private double px(double siteXM) {
        return offsetXPx + scalePxPerM * siteXM;
    }

    private double py(double siteYM) {
        return offsetYPx + scalePxPerM * siteYM;
    }

    /** Where a hall point is drawn, in screen coordinates (for tests and tooltips); empty before the plan has a size. */
    public Optional<Point2D> screenOf(String hallId, double xM, double yM) {
        if (frame == null || !fitted) {
            return Optional.empty();
        }
        return Optional.ofNullable(canvas.localToScreen(px(frame.xM(hallId, xM)), py(frame.yM(hallId, yM))));
    }

    /** Metres on the floor per pixel now. */
    public double metresPerPixel() {
        return 1 / scalePxPerM;
    }

    private double siteX(double pxX) {
        return (pxX - offsetXPx) / scalePxPerM;
    }

    private double siteY(double pxY) {
        return (pxY - offsetYPx) / scalePxPerM;
    }

    private String hallAt(double sx, double sy) {
        return frame == null ? null : frame.hallAt(sx, sy);
    }

    private PlacedItem itemAt(double sx, double sy) {
        // Last drawn is on top; footprints may be rotated, so test in each item's own frame.
        for (int k = items.size() - 1; k >= 0; k--) {
            PlacedItem i = items.get(k);
            double cx = frame.xM(i.hallId(), i.xM());
            double cy = frame.yM(i.hallId(), i.yM());
            double r = Math.toRadians(i.rotationDeg());
            double dx = sx - cx;
            double dy = sy - cy;
            double lx = dx * Math.cos(r) + dy * Math.sin(r);
            double ly = -dx * Math.sin(r) + dy * Math.cos(r);
            if (Math.abs(lx) <= i.widthM() / 2 && Math.abs(ly) <= i.depthM() / 2) {
                return i;
            }
        }
        return null;
    }

    // ---- mouse and keys ------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        // Consumed, so the tab pane around the plan does not take the focus (its arrow keys switch tabs).
        e.consume();
        canvas.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        moved = false;
        dragging = null;
        dragTarget = null;
        dragRefusal = null;
        bandStart = null;
        bandEnd = null;
        panning = e.getButton() != MouseButton.PRIMARY || facility == null;
        if (panning) {
            return;
        }
        if (e.isShortcutDown() && actions != null) {
            bandStart = new Point2D(e.getX(), e.getY());
            bandAdds = e.isShiftDown();
            return;
        }
        PlacedItem hit = itemAt(siteX(e.getX()), siteY(e.getY()));
        if (e.isAltDown() && actions != null) {
            // Alt+drag from a selected rack: connect the selected racks to what the drag ends on (as in 3D).
            if (hit != null && selectedIds.contains(hit.id()) && actions.connectsFrom(hit.id())) {
                connectStart = new Point2D(e.getX(), e.getY());
            }
            return;
        }
        if (hit != null
                && !e.isShiftDown()
                && selectedIds.contains(hit.id())
                && actions != null
                && actions.movable(hit.id())) {
            // The item under the mouse leads: it lands where the mouse is, the rest keep their offsets.
            List<PlacedItem> group = new ArrayList<>();
            group.add(hit);
            for (PlacedItem i : items) {
                if (i != hit && selectedIds.contains(i.id()) && actions.movable(i.id())) {
                    group.add(i);
                }
            }
            dragging = group;
        } else if (hit == null) {
            panning = true;
        }
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (!moved && Math.hypot(dx, dy) < 3) {
            return;
        }
        moved = true;
        if (connectStart != null) {
            connectEnd = new Point2D(e.getX(), e.getY());
            redraw();
        } else if (bandStart != null) {
            bandEnd = new Point2D(e.getX(), e.getY());
            redraw();
        } else if (panning) {
            offsetXPx += dx;
            offsetYPx += dy;
            pressX = e.getX();
            pressY = e.getY();
            redraw();
        } else if (dragging != null) {
            double sx = siteX(e.getX());
            double sy = siteY(e.getY());
            String hall = hallAt(sx, sy);
            Hall h = hall == null ? null : halls.get(hall);
            double lx = h == null ? sx : sx - h.originXM();
            double ly = h == null ? sy : sy - h.originYM();
            Optional<Point2D> snapped = actions.snap(dragging.get(0).id(), hall, lx, ly);
            dragTarget = snapped.orElse(null);
            dragHall = hall;
            dragRefusal = snapped.isEmpty() ? "it cannot go there" : null;
            redraw();
        }
        showCursor(e.getX(), e.getY());
    }

    private void released(MouseEvent e) {
        if (connectStart != null) {
            connectStart = null;
            connectEnd = null;
            redraw();
            if (moved) {
                PlacedItem target = itemAt(siteX(e.getX()), siteY(e.getY()));
                actions.connect(target == null ? null : target.id());
            }
            return;
        }
        if (bandStart != null) {
            Point2D start = bandStart;
            Point2D end = bandEnd;
            bandStart = null;
            bandEnd = null;
            redraw();
            if (end != null) {
                actions.band(itemsInside(start, end), bandAdds);
            }
            return;
        }
        if (!moved && e.getButton() == MouseButton.PRIMARY && facility != null && actions != null) {
            PlacedItem hit = itemAt(siteX(e.getX()), siteY(e.getY()));
            if (e.isShiftDown()) {
                if (hit != null) {
                    actions.toggle(hit.id());
                }
            } else {
                actions.pick(hit == null ? null : hit.id());
            }
        } else if (dragging != null && dragTarget != null) {
            List<String> ids = dragging.stream().map(PlacedItem::id).toList();
            Point2D target = dragTarget;
            String hall = dragHall;
            dragging = null;
            dragTarget = null;
            actions.move(ids, hall, target.getX(), target.getY());
        }
        dragging = null;
        dragTarget = null;
        dragRefusal = null;
        panning = false;
        showCursor(e.getX(), e.getY());
        redraw();
    }

    /** The items whose centre lies inside the band between two canvas points, in drawing order. */
    private List<String> itemsInside(Point2D a, Point2D b) {
        double x0 = siteX(Math.min(a.getX(), b.getX()));
        double x1 = siteX(Math.max(a.getX(), b.getX()));
        double y0 = siteY(Math.min(a.getY(), b.getY()));
        double y1 = siteY(Math.max(a.getY(), b.getY()));
        List<String> inside = new ArrayList<>();
        for (PlacedItem i : items) {
            double cx = frame.xM(i.hallId(), i.xM());
            double cy = frame.yM(i.hallId(), i.yM());
            // As in 3D: what stands on the floor inside it; an overhead busway hangs above the band.
            if (!overhead.contains(i.id()) && cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) {
                inside.add(i.id());
            }
        }
        return inside;
    }

    /**
     * A key held down repeats its press without a release (GTK asks X for detectable auto-repeat); where
     * the system sends a release just before each repeat, a press this soon after a release continues the
     * run too [E: repeats come ~30 ms apart, a finger lifts and presses again in ~100 ms or more].
     */
    private static final long SYNTHETIC_RELEASE_NS = 20_000_000L;

    private long lastNudgePressedNanos;
    private long lastNudgeReleasedNanos;
    private KeyCode lastNudgeKey;
    /** An Alt+drag to connect: where it started and where the mouse is (px), else null. */
    private Point2D connectStart;

    private Point2D connectEnd;
    private boolean lastNudgeFine;

    /** Arrow keys nudge the selection: one grid step, or {@link #FINE_STEP_M} with Shift; up is -y (site y points down). */
    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? FINE_STEP_M : GRID_M;
        double dx = 0;
        double dy = 0;
        switch (e.getCode()) {
            case LEFT -> dx = -step;
            case RIGHT -> dx = step;
            case UP -> dy = -step;
            case DOWN -> dy = step;
            default -> {
                return;
            }
        }
        // Consumed even with nothing selected: the tab pane around the plan would switch tabs on it.
        e.consume();
        if (actions != null && !selection.isEmpty()) {
            // A held key repeats its press: the same key, not released since, continues the run, which the
            // document keeps as one undo step.
            long now = System.nanoTime();
            boolean stillHeld = lastNudgeReleasedNanos < lastNudgePressedNanos
                    || now - lastNudgeReleasedNanos < SYNTHETIC_RELEASE_NS;
            boolean joins = e.getCode() == lastNudgeKey && e.isShiftDown() == lastNudgeFine && stillHeld;
            lastNudgeKey = e.getCode();
            lastNudgeFine = e.isShiftDown();
            lastNudgePressedNanos = now;
            actions.nudge(dx, dy, joins);
        }
    }

    private void zoom(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.0015, e.getDeltaY());
        double sx = siteX(e.getX());
        double sy = siteY(e.getY());
        scalePxPerM = Math.max(0.02, Math.min(400, scalePxPerM * factor));
        offsetXPx = e.getX() - sx * scalePxPerM;
        offsetYPx = e.getY() - sy * scalePxPerM;
        redraw();
        e.consume();
    }

    private void showCursor(double x, double y) {
        double sx = siteX(x);
        double sy = siteY(y);
        String hall = hallAt(sx, sy);
        String where = hall == null
                ? String.format(Locale.ROOT, "site  x %.2f m  y %.2f m", sx, sy)
                : String.format(
                        Locale.ROOT,
                        "%s  x %.2f m  y %.2f m",
                        hall,
                        sx - halls.get(hall).originXM(),
                        sy - halls.get(hall).originYM());
        if (dragging != null && dragTarget != null) {
            where += String.format(
                    Locale.ROOT,
                    "   %s%s lands at x %.2f m  y %.2f m",
                    dragging.get(0).id(),
                    dragging.size() == 1 ? "" : String.format(Locale.ROOT, " (+%d more)", dragging.size() - 1),
                    dragTarget.getX(),
                    dragTarget.getY());
        } else if (dragging != null && dragRefusal != null) {
            where += "   " + dragRefusal;
        }
        cursor.setText(where);
    }

    // ---- drawing -------------------------------------------------------------------------------

    /** Draws the plan now. */
    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(YARD);
        g.fillRect(0, 0, w, h);
        if (facility == null) {
            return;
        }
        for (Hall hall : facility.halls()) {
            double x0 = px(hall.originXM());
            double y0 = py(hall.originYM());
            double hw = hall.widthM() * scalePxPerM;
            double hd = hall.depthM() * scalePxPerM;
            g.setFill(FLOOR);
            g.fillRect(x0, y0, hw, hd);
            if (GRID_M * scalePxPerM >= 6) {
                g.setStroke(GRID);
                g.setLineWidth(1);
                for (double m = GRID_M; m < hall.widthM(); m += GRID_M) {
                    g.strokeLine(x0 + m * scalePxPerM, y0, x0 + m * scalePxPerM, y0 + hd);
                }
                for (double m = GRID_M; m < hall.depthM(); m += GRID_M) {
                    g.strokeLine(x0, y0 + m * scalePxPerM, x0 + hw, y0 + m * scalePxPerM);
                }
            }
            g.setStroke(OUTLINE);
            g.setLineWidth(1.5);
            g.strokeRect(x0, y0, hw, hd);
            g.setFill(OUTLINE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(hall.name() == null ? hall.id() : hall.name(), x0 + 2, y0 - 2);
        }
        double[] xs = new double[4];
        double[] ys = new double[4];
        boolean outlines = scalePxPerM >= 4;
        g.setStroke(ITEM_OUTLINE);
        g.setLineWidth(0.8);
        // Only what is in view; axis-aligned footprints (nearly all) as rectangles, which draw faster than polygons.
        double viewX0 = siteX(0);
        double viewX1 = siteX(w);
        double viewY0 = siteY(0);
        double viewY1 = siteY(h);
        List<PlacedItem> selectedItems = new ArrayList<>();
        PlacedItem primaryItem = null;
        for (PlacedItem i : items) {
            double cx = frame.xM(i.hallId(), i.xM());
            double cy = frame.yM(i.hallId(), i.yM());
            double reach = Math.max(i.widthM(), i.depthM());
            if (cx + reach < viewX0 || cx - reach > viewX1 || cy + reach < viewY0 || cy - reach > viewY1) {
                continue;
            }
            if (selectedIds.contains(i.id())) {
                // Drawn last, on top, and never smaller than a few pixels; the primary one last of all.
                if (i.id().equals(primary)) {
                    primaryItem = i;
                } else {
                    selectedItems.add(i);
                }
                continue;
            }
            g.setFill(colours.getOrDefault(i.id(), Color.GREY));
            drawFootprint(g, i, cx, cy, xs, ys, outlines, 0);
        }
        g.setFill(ItemCategory.HIGHLIGHT);
        g.setStroke(OUTLINE);
        g.setLineWidth(1);
        for (PlacedItem i : selectedItems) {
            drawFootprint(g, i, frame.xM(i.hallId(), i.xM()), frame.yM(i.hallId(), i.yM()), xs, ys, true, 4);
        }
        if (primaryItem != null) {
            g.setStroke(PRIMARY_OUTLINE);
            g.setLineWidth(3);
            drawFootprint(
                    g,
                    primaryItem,
                    frame.xM(primaryItem.hallId(), primaryItem.xM()),
                    frame.yM(primaryItem.hallId(), primaryItem.yM()),
                    xs,
                    ys,
                    true,
                    6);
        }
        if (dragging != null && dragTarget != null) {
            // The lead lands on the snapped target; the others keep their site offsets from it.
            PlacedItem lead = dragging.get(0);
            double shiftX = (dragHall == null ? dragTarget.getX() : frame.xM(dragHall, dragTarget.getX()))
                    - frame.xM(lead.hallId(), lead.xM());
            double shiftY = (dragHall == null ? dragTarget.getY() : frame.yM(dragHall, dragTarget.getY()))
                    - frame.yM(lead.hallId(), lead.yM());
            g.setFill(PREVIEW);
            for (PlacedItem i : dragging) {
                double[] c = siteCorners(i);
                for (int k = 0; k < 4; k++) {
                    xs[k] = px(c[2 * k] + shiftX);
                    ys[k] = py(c[2 * k + 1] + shiftY);
                }
                g.fillPolygon(xs, ys, 4);
            }
        }
        if (connectStart != null && connectEnd != null) {
            g.setStroke(BAND_STROKE);
            g.setLineWidth(3);
            g.setLineDashes(10, 6);
            g.strokeLine(connectStart.getX(), connectStart.getY(), connectEnd.getX(), connectEnd.getY());
            g.setLineDashes(null);
        }
        if (bandStart != null && bandEnd != null) {
            double x = Math.min(bandStart.getX(), bandEnd.getX());
            double y = Math.min(bandStart.getY(), bandEnd.getY());
            double bw = Math.abs(bandEnd.getX() - bandStart.getX());
            double bh = Math.abs(bandEnd.getY() - bandStart.getY());
            g.setFill(BAND_FILL);
            g.fillRect(x, y, bw, bh);
            g.setStroke(BAND_STROKE);
            g.setLineWidth(1);
            g.setLineDashes(6, 4);
            g.strokeRect(x, y, bw, bh);
            g.setLineDashes(null);
        }
        drawScaleBar(g, h);
    }

    private void drawFootprint(
            GraphicsContext g,
            PlacedItem i,
            double cx,
            double cy,
            double[] xs,
            double[] ys,
            boolean outline,
            double minPx) {
        double quarter = i.rotationDeg() / 90;
        if (Math.abs(quarter - Math.rint(quarter)) < 1e-9) {
            boolean turned = Math.abs(Math.rint(quarter)) % 2 == 1;
            double wPx = Math.max(minPx, (turned ? i.depthM() : i.widthM()) * scalePxPerM);
            double hPx = Math.max(minPx, (turned ? i.widthM() : i.depthM()) * scalePxPerM);
            double x = px(cx) - wPx / 2;
            double y = py(cy) - hPx / 2;
            g.fillRect(x, y, wPx, hPx);
            if (outline) {
                g.strokeRect(x, y, wPx, hPx);
            }
            return;
        }
        double[] c = siteCorners(i);
        for (int k = 0; k < 4; k++) {
            xs[k] = px(c[2 * k]);
            ys[k] = py(c[2 * k + 1]);
        }
        g.fillPolygon(xs, ys, 4);
        if (outline) {
            g.strokePolygon(xs, ys, 4);
        }
    }

    /** A scale bar of a round length (1, 2 or 5 × 10^n m) about 100 px long, bottom right. */
    private void drawScaleBar(GraphicsContext g, double h) {
        double target = 100 / scalePxPerM;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double len = target / pow >= 5 ? 5 * pow : target / pow >= 2 ? 2 * pow : pow;
        double x1 = canvas.getWidth() - 16;
        double x0 = x1 - len * scalePxPerM;
        double y = h - 14;
        g.setStroke(OUTLINE);
        g.setLineWidth(2);
        g.strokeLine(x0, y, x1, y);
        g.strokeLine(x0, y - 4, x0, y + 4);
        g.strokeLine(x1, y - 4, x1, y + 4);
        g.setFill(OUTLINE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(
                len >= 1 ? String.format(Locale.ROOT, "%.0f m", len) : String.format(Locale.ROOT, "%.1f m", len),
                (x0 + x1) / 2,
                y - 5);
    }
}
