package org.aifactory.twin.ui.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
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
 * colour, the selection in yellow. Click selects; dragging the selected rack shows where it will
 * land (snapped by the document's rules) and moves it on release, as one undoable edit; dragging
 * elsewhere or with the right or middle button pans; the wheel zooms about the pointer. The
 * pointer's hall coordinates show in the corner, for precise placement. Site y points down the
 * screen. FX thread only.
 */
public final class PlanView {
    /** Where a rack would land: the document's snap of a hall point. */
    public interface Snapper {
        /** The snapped centre of rack {@code rackId} dropped at ({@code xM}, {@code yM}) of {@code hallId}. */
        Point2D snap(String rackId, String hallId, double xM, double yM);
    }

    /** Moves rack {@code rackId} so its centre lands on ({@code xM}, {@code yM}) of {@code hallId}. */
    public interface Mover {
        void move(String rackId, String hallId, double xM, double yM);
    }

    /** Hall tile pitch drawn as the grid, m (one floor tile; the document's snap grid). */
    static final double GRID_M = 0.6;

    private static final Color YARD = Color.web("#e7eae4");
    private static final Color FLOOR = Color.web("#fafafa");
    private static final Color GRID = Color.web("#dde3ea");
    private static final Color OUTLINE = Color.web("#56606b");
    private static final Color PREVIEW = Color.web("#1e88e5", 0.45);
    private static final Color ITEM_OUTLINE = Color.web("#30363d", 0.7);

    private final Canvas canvas = new Canvas();
    private final Pane canvasPane = new Pane(canvas);
    private final Label cursor = new Label();
    private final StackPane root = new StackPane(canvasPane, cursor);
    private Facility facility;
    private List<PlacedItem> items = List.of();
    private final Map<String, Color> colours = new HashMap<>();
    private final Map<String, Hall> halls = new HashMap<>();
    private SiteFrame frame;
    private String selected;
    private double scalePxPerM = 10;
    private double offsetXPx;
    private double offsetYPx;
    private boolean fitted;
    private Consumer<String> onPick = id -> {};
    private Snapper snapper;
    private Mover mover;
    private PlacedItem dragging;
    private Point2D dragTarget;
    private String dragHall;
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
    }

    public Node view() {
        return root;
    }

    public void setOnPick(Consumer<String> onPick) {
        this.onPick = onPick;
    }

    /** Enables moving racks by dragging: {@code snapper} previews, {@code mover} commits. */
    public void setEditing(Snapper snapper, Mover mover) {
        this.snapper = snapper;
        this.mover = mover;
    }

    /** Draws {@code f}; the view is fitted the first time and kept over edits of the same facility. */
    public void show(Facility f, CatalogIndex catalog, boolean refit) {
        facility = f;
        items = f == null ? List.of() : FacilityLayout.items(f, catalog);
        colours.clear();
        halls.clear();
        if (f != null) {
            items.forEach(i -> colours.put(i.id(), ItemCategory.of(i, catalog).colour()));
            f.halls().forEach(h -> halls.put(h.id(), h));
            frame = new SiteFrame(f.halls());
        }
        if (refit || !fitted) {
            fit();
        }
        redraw();
    }

    public void highlight(String id) {
        selected = id;
        redraw();
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

    // ---- mouse ---------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        moved = false;
        dragging = null;
        dragTarget = null;
        panning = e.getButton() != MouseButton.PRIMARY || facility == null;
        if (panning) {
            return;
        }
        PlacedItem hit = itemAt(siteX(e.getX()), siteY(e.getY()));
        if (hit != null && hit.id().equals(selected) && "rack".equals(hit.kind()) && mover != null) {
            dragging = hit;
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
        if (panning) {
            offsetXPx += dx;
            offsetYPx += dy;
            pressX = e.getX();
            pressY = e.getY();
            redraw();
        } else if (dragging != null) {
            double sx = siteX(e.getX());
            double sy = siteY(e.getY());
            String hall = hallAt(sx, sy);
            if (hall == null) {
                dragTarget = null;
            } else {
                Hall h = halls.get(hall);
                Point2D local = new Point2D(sx - h.originXM(), sy - h.originYM());
                dragTarget = snapper == null ? local : snapper.snap(dragging.id(), hall, local.getX(), local.getY());
                dragHall = hall;
            }
            redraw();
        }
        showCursor(e.getX(), e.getY());
    }

    private void released(MouseEvent e) {
        if (!moved && e.getButton() == MouseButton.PRIMARY && facility != null) {
            PlacedItem hit = itemAt(siteX(e.getX()), siteY(e.getY()));
            onPick.accept(hit == null ? null : hit.id());
        } else if (dragging != null && dragTarget != null && mover != null) {
            String id = dragging.id();
            Point2D target = dragTarget;
            String hall = dragHall;
            dragging = null;
            dragTarget = null;
            mover.move(id, hall, target.getX(), target.getY());
        }
        dragging = null;
        dragTarget = null;
        panning = false;
        showCursor(e.getX(), e.getY());
        redraw();
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
                    "   %s lands at x %.2f m  y %.2f m",
                    dragging.id(),
                    dragTarget.getX(),
                    dragTarget.getY());
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
        PlacedItem selectedItem = null;
        for (PlacedItem i : items) {
            double cx = frame.xM(i.hallId(), i.xM());
            double cy = frame.yM(i.hallId(), i.yM());
            double reach = Math.max(i.widthM(), i.depthM());
            if (cx + reach < viewX0 || cx - reach > viewX1 || cy + reach < viewY0 || cy - reach > viewY1) {
                continue;
            }
            if (i.id().equals(selected)) {
                selectedItem = i; // drawn last, on top, and never smaller than a few pixels
                continue;
            }
            g.setFill(colours.getOrDefault(i.id(), Color.GREY));
            drawFootprint(g, i, cx, cy, xs, ys, outlines, 0);
        }
        if (selectedItem != null) {
            g.setFill(ItemCategory.HIGHLIGHT);
            g.setStroke(OUTLINE);
            drawFootprint(
                    g,
                    selectedItem,
                    frame.xM(selectedItem.hallId(), selectedItem.xM()),
                    frame.yM(selectedItem.hallId(), selectedItem.yM()),
                    xs,
                    ys,
                    true,
                    4);
        }
        if (dragging != null && dragTarget != null) {
            PlacedItem at = new PlacedItem(
                    dragging.id(),
                    dragging.kind(),
                    dragging.type(),
                    dragHall,
                    dragTarget.getX(),
                    dragTarget.getY(),
                    dragging.rotationDeg(),
                    dragging.widthM(),
                    dragging.depthM(),
                    dragging.heightM(),
                    dragging.path());
            double[] c = siteCorners(at);
            for (int k = 0; k < 4; k++) {
                xs[k] = px(c[2 * k]);
                ys[k] = py(c[2 * k + 1]);
            }
            g.setFill(PREVIEW);
            g.fillPolygon(xs, ys, 4);
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
