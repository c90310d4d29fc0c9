package org.aifactory.twin.ui.scene;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * The 3D view: a {@link SubScene} ({@code #hall3d}, depth buffer on, no anti-aliasing: it costs
 * about 30% of the frame rate on software OpenGL) that fills its area, the orbit camera, mouse
 * control, picking, and the legend overlaid top-left.
 */
public final class Facility3DView {
    private static final Color BACKGROUND = Color.web("#dde4ec");
    private static final double LEGEND_MARGIN_PX = 10;

    private final Group world = new Group();
    private final SubScene subScene;
    private final OrbitCamera camera = new OrbitCamera();
    private final LegendView legend = new LegendView();
    private final StackPane node;
    private FacilityScene content;
    private float[] framePoints = new float[0];
    private Consumer<Optional<String>> onPick = id -> {};
    private Consumer<String> onExtendPick = id -> {};
    private SceneColouring colouring;
    private Box ghost;
    private List<String> highlighted = List.of();
    private boolean cablesShown;
    private static final Color GHOST = Color.color(0.1, 0.45, 0.95, 0.55);
    private static final Color BAND = Color.color(0.1, 0.45, 0.95, 0.3);
    /** The rubber band is a slab this thick on the floor, m: above the floor, below every box's top. */
    private static final double BAND_THICKNESS_M = 0.03;

    private Box band;
    /** The selected racks' connections: one small group of thin boxes, replaced when the selection changes. */
    private final Group connections = new Group();

    private final HBox connectionsKey = new HBox(10);
    /** Connection lines are drawn this thick, m. */
    private static final double CONNECTION_THICKNESS_M = 0.05;
    /** Feed A runs this far above the higher of its two ends, feed B twice and cooling three times as far, m [E]. */
    private static final double CONNECTION_LIFT_M = 0.25;

    private List<ConnectionLines.Line> connectionLines = List.of();

    public Facility3DView() {
        subScene = new SubScene(world, 400, 300, true, SceneAntialiasing.DISABLED);
        subScene.setId("hall3d");
        subScene.setFill(BACKGROUND);
        subScene.setCamera(camera.camera());
        world.getChildren().add(camera.camera());
        // The SubScene must not push its size onto the layout: it sits in a plain Pane and follows it.
        Pane holder = new Pane(subScene);
        holder.setMinSize(0, 0);
        holder.setPrefSize(400, 300);
        subScene.widthProperty().bind(holder.widthProperty());
        subScene.heightProperty().bind(holder.heightProperty());
        connections.setId("connections");
        connections.setMouseTransparent(true);
        world.getChildren().add(connections);
        connectionsKey.setId("connectionsKey");
        connectionsKey.setPadding(new Insets(4, 8, 4, 8));
        connectionsKey.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 4;");
        for (ConnectionLines.Kind k : ConnectionLines.Kind.values()) {
            Label l = new Label("\u2501 " + k.label());
            l.setTextFill(k.colour());
            l.setStyle("-fx-font-weight: bold;");
            connectionsKey.getChildren().add(l);
        }
        connectionsKey.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        connectionsKey.setMouseTransparent(true);
        connectionsKey.setVisible(false);
        node = new StackPane(holder, legend, connectionsKey);
        StackPane.setAlignment(connectionsKey, Pos.BOTTOM_LEFT);
        StackPane.setMargin(connectionsKey, new Insets(LEGEND_MARGIN_PX));
        node.setMinSize(0, 0);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setMargin(legend, new Insets(LEGEND_MARGIN_PX));
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // It lies over the 3D view, which is redrawn every frame while the camera moves: draw it from a cached image.
        legend.setCache(true);
        CameraController.attach(camera, subScene);
        subScene.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        // While the user has not moved the camera, keep the facility framed as the view resizes.
        subScene.widthProperty().addListener((o, was, now) -> keepFramed());
        subScene.heightProperty().addListener((o, was, now) -> keepFramed());
        camera.negativeDistanceProperty().addListener((o, was, now) -> chooseDetail());
        subScene.heightProperty().addListener((o, was, now) -> chooseDetail());
    }

    /** Below this many pixels per rack width (at the camera's target) the racks are drawn as row segments [E]. */
    static final double DETAIL_MIN_PX_PER_RACK = 4;
    /** The width of the narrowest common rack, m (a 600 mm rack). */
    private static final double RACK_WIDTH_M = 0.6;

    /** Far away, draws the racks as row segments: the same picture at a fraction of the triangles. */
    private void chooseDetail() {
        if (content == null) {
            return;
        }
        double pxPerTan = viewHeight() / 2 / Math.tan(Math.toRadians(camera.fieldOfViewDeg() / 2));
        double rackPx = RACK_WIDTH_M * pxPerTan / Math.max(1e-6, camera.distanceM());
        content.setDetailed(rackPx >= DETAIL_MIN_PX_PER_RACK);
    }

    private void keepFramed() {
        if (camera.isFramed()) {
            frameAll();
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && content != null) {
            Optional<String> id = content.idOf(e.getPickResult());
            if (e.isShiftDown()) {
                // Halls are not part of a multi-selection: shift-clicking the floor changes nothing.
                id.filter(x -> content.geometry(x).isPresent()).ifPresent(x -> onExtendPick.accept(x));
            } else {
                onPick.accept(id);
            }
        }
    }

    /** Called with the id of the item the user shift-clicks (to add it to or take it out of the selection). */
    public void setOnExtendPick(Consumer<String> handler) {
        onExtendPick = handler == null ? id -> {} : handler;
    }

    /** The node to put in the window: the 3D view with its legend. */
    public Node node() {
        return node;
    }

    public SubScene subScene() {
        return subScene;
    }

    /** Lays a 2D layer over the 3D view, under the legend and key (a gesture's feedback, e.g. a rubber line). */
    public void addOverlay(Node overlay) {
        node.getChildren().add(1, overlay);
    }

    /** The root of the 3D world; {@code world().localToScreen(point)} projects through the camera. */
    public Node world() {
        return world;
    }

    public OrbitCamera camera() {
        return camera;
    }

    public LegendView legend() {
        return legend;
    }

    /** Called with the picked element's id (or empty) when the user clicks without dragging. */
    public void setOnPick(Consumer<Optional<String>> handler) {
        onPick = handler == null ? id -> {} : handler;
    }

    /**
     * Replaces what is drawn after an edit, keeping the camera where the user put it. Rebuilds
     * the merged meshes once (a commit, not a frame: live moves use {@link #showGhost}).
     */
    public void replace(SceneModel model) {
        if (content == null) {
            show(model);
            return;
        }
        FacilityScene next = new FacilityScene(model);
        world.getChildren().remove(content.root());
        content = next;
        framePoints = model.framePoints();
        world.getChildren().add(next.root());
        next.paint(colouring);
        next.highlight(highlighted);
        next.setCablesShown(cablesShown);
        drawConnections();
        chooseDetail();
        showLegend();
    }

    /**
     * The point of the floor (scene y = 0) under the mouse: the ray from the eye through whatever
     * was picked (floor, yard or the top of a rack), carried on down to the floor. Empty if
     * nothing was picked (the sky) or the ray runs parallel to the floor.
     */
    public Optional<Point3D> floorPoint(PickResult pick) {
        Node picked = pick == null ? null : pick.getIntersectedNode();
        if (picked == null || pick.getIntersectedPoint() == null) {
            return Optional.empty();
        }
        Point3D hit = world.sceneToLocal(picked.localToScene(pick.getIntersectedPoint()));
        Point3D eye = world.sceneToLocal(camera.camera().localToScene(Point3D.ZERO));
        if (hit == null || eye == null) {
            return Optional.empty();
        }
        Point3D dir = hit.subtract(eye);
        if (Math.abs(dir.getY()) < 1e-9) {
            return Optional.empty();
        }
        double t = -eye.getY() / dir.getY();
        if (t <= 0) {
            return Optional.empty();
        }
        return Optional.of(eye.add(dir.multiply(t)));
    }

    /**
     * Shows a see-through box standing for an item being moved or placed: one small node, so a
     * live move costs no mesh rebuild.
     */
    public void showGhost(ItemGeometry g) {
        if (ghost == null) {
            ghost = new Box();
            ghost.setMaterial(new PhongMaterial(GHOST));
            ghost.setMouseTransparent(true);
            ghost.setId("ghost");
            ghost.setRotationAxis(Rotate.Y_AXIS);
        }
        ghost.setWidth(g.widthM());
        ghost.setDepth(g.depthM());
        ghost.setHeight(g.heightM());
        ghost.setTranslateX(g.centreX());
        ghost.setTranslateY(-g.heightM() / 2);
        ghost.setTranslateZ(g.centreZ());
        // ItemGeometry turns +x towards +z; JavaFX's rotation about +y turns the other way.
        ghost.setRotate(-g.rotationDeg());
        if (!world.getChildren().contains(ghost)) {
            world.getChildren().add(ghost);
        }
    }

    public void hideGhost() {
        if (ghost != null) {
            world.getChildren().remove(ghost);
        }
    }

    /**
     * Shows the rubber band: a see-through rectangle lying on the floor between two corners
     * (scene x, z), for selecting what stands inside it.
     */
    public void showBand(double x0, double z0, double x1, double z1) {
        if (band == null) {
            band = new Box();
            band.setMaterial(new PhongMaterial(BAND));
            band.setMouseTransparent(true);
            band.setId("rubberBand");
            band.setHeight(BAND_THICKNESS_M);
        }
        band.setWidth(Math.max(0.01, Math.abs(x1 - x0)));
        band.setDepth(Math.max(0.01, Math.abs(z1 - z0)));
        band.setTranslateX((x0 + x1) / 2);
        band.setTranslateZ((z0 + z1) / 2);
        band.setTranslateY(-BAND_THICKNESS_M / 2);
        if (!world.getChildren().contains(band)) {
            world.getChildren().add(band);
        }
    }

    public void hideBand() {
        if (band != null) {
            world.getChildren().remove(band);
        }
    }

    /** The rubber band, while one is shown. */
    public Optional<Box> band() {
        return band != null && world.getChildren().contains(band) ? Optional.of(band) : Optional.empty();
    }

    /** Ids of every drawn item standing on the floor (rack or equipment, not an overhead busway) whose centre lies in the floor rectangle between two corners (scene x, z). */
    public List<String> itemsInside(double x0, double z0, double x1, double z1) {
        if (content == null) {
            return List.of();
        }
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minZ = Math.min(z0, z1);
        double maxZ = Math.max(z0, z1);
        List<String> out = new java.util.ArrayList<>();
        for (BoxMeshData layer :
                List.of(content.model().racks(), content.model().equipment())) {
            for (ItemGeometry g : layer.items()) {
                // What stands on the floor inside it: an overhead busway hangs above the band.
                if (g.baseM() == 0
                        && g.centreX() >= minX
                        && g.centreX() <= maxX
                        && g.centreZ() >= minZ
                        && g.centreZ() <= maxZ) {
                    out.add(g.id());
                }
            }
        }
        return out;
    }

    /** The ghost box, while one is shown. */
    public Optional<Box> ghost() {
        return ghost != null && world.getChildren().contains(ghost) ? Optional.of(ghost) : Optional.empty();
    }

    /** Where item {@code id} is drawn, if it is. */
    public Optional<ItemGeometry> geometry(String id) {
        return content == null ? Optional.empty() : content.geometry(id);
    }

    /** Replaces what is drawn and frames it in the iso view. */
    public void show(SceneModel model) {
        FacilityScene next = new FacilityScene(model);
        if (content != null) {
            world.getChildren().remove(content.root());
        }
        content = next;
        framePoints = model.framePoints();
        world.getChildren().add(next.root());
        next.paint(colouring);
        next.highlight(highlighted);
        next.setCablesShown(cablesShown);
        drawConnections();
        showLegend();
        preset(CameraPreset.ISO);
        chooseDetail();
    }

    /**
     * Draws items in an overlay's colours and shows its legend, now and for facilities shown
     * later; null goes back to the category colours. Only texels change, never the meshes.
     */
    public void colour(SceneColouring newColouring) {
        colouring = newColouring;
        if (content != null) {
            content.paint(newColouring);
        }
        showLegend();
        // The legend's size changed: keep the content clear of it while the camera is still framed.
        keepFramed();
    }

    public Optional<SceneColouring> colouring() {
        return Optional.ofNullable(colouring);
    }

    private void showLegend() {
        if (colouring != null) {
            legend.show(colouring);
        } else {
            legend.show(content == null ? Map.of() : content.model().counts());
        }
    }

    /** Drawn items in a focus get at least this footprint around their centre, m: some context stays in view. */
    static final double FOCUS_MIN_SPAN_M = 8;

    /**
     * Points the camera at the drawn items among {@code ids}, keeping its direction. Returns false
     * (and leaves the camera) if none of them is drawn.
     */
    public boolean focus(Collection<String> ids) {
        if (content == null) {
            return false;
        }
        List<ItemGeometry> items =
                ids.stream().map(content::geometry).flatMap(Optional::stream).toList();
        if (items.isEmpty()) {
            return false;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minZ = Double.POSITIVE_INFINITY;
        double maxZ = Double.NEGATIVE_INFINITY;
        float[] points = new float[items.size() * 8 * 3 + 4 * 3];
        int p = 0;
        for (ItemGeometry g : items) {
            for (int k = 0; k < 8; k++) {
                Point3D top = g.topPoint((k & 1) == 0 ? -0.5 : 0.5, (k & 2) == 0 ? -0.5 : 0.5);
                points[p++] = (float) top.getX();
                points[p++] = (k & 4) == 0 ? (float) top.getY() : 0f;
                points[p++] = (float) top.getZ();
                minX = Math.min(minX, top.getX());
                maxX = Math.max(maxX, top.getX());
                minZ = Math.min(minZ, top.getZ());
                maxZ = Math.max(maxZ, top.getZ());
            }
        }
        double cx = (minX + maxX) / 2;
        double cz = (minZ + maxZ) / 2;
        double hx = Math.max(maxX - minX, FOCUS_MIN_SPAN_M) / 2;
        double hz = Math.max(maxZ - minZ, FOCUS_MIN_SPAN_M) / 2;
        for (int k = 0; k < 4; k++) {
            points[p++] = (float) (cx + ((k & 1) == 0 ? -hx : hx));
            points[p++] = 0f;
            points[p++] = (float) (cz + ((k & 2) == 0 ? -hz : hz));
        }
        SceneModel.Extent e = content.model().content();
        double size = Math.max(Math.max(e.width(), e.depth()), e.maxY() - e.minY());
        camera.focus(points, size, viewWidth(), viewHeight(), legendClearance());
        return true;
    }

    private double viewWidth() {
        return subScene.getWidth() > 1 ? subScene.getWidth() : 1000;
    }

    private double viewHeight() {
        return subScene.getHeight() > 1 ? subScene.getHeight() : 700;
    }

    /** Keep the content clear of the legend: beside it or below it, whichever shows more. */
    private List<Insets> legendClearance() {
        // Its size may have changed since the last layout: ask for the preferred one with styles applied.
        legend.applyCss();
        double legendW = LEGEND_MARGIN_PX + legend.prefWidth(-1);
        double legendH = LEGEND_MARGIN_PX + legend.prefHeight(-1);
        return List.of(new Insets(0, 0, 0, legendW), new Insets(legendH, 0, 0, 0));
    }

    public Optional<FacilityScene> content() {
        return Optional.ofNullable(content);
    }

    public List<String> rackIds() {
        return content == null ? List.of() : content.rackIds();
    }

    public Optional<Point3D> topPoint(String id, double u, double v) {
        return content == null ? Optional.empty() : content.topPoint(id, u, v);
    }

    /** Draws the items {@code ids} in the highlight colour, now and after the content is replaced. */
    public void highlight(Collection<String> ids) {
        highlighted = List.copyOf(ids);
        if (content != null) {
            content.highlight(highlighted);
        }
    }

    /**
     * Draws the selected racks' connections (feeds A, B and C, cooling loop) as thin lines between
     * the tops of the rack and of what it connects to, replacing those drawn before; lines whose
     * other end is not drawn (an unplaced busway) are left out. Empty clears them.
     */
    public void showConnections(List<ConnectionLines.Line> lines) {
        connectionLines = List.copyOf(lines);
        drawConnections();
    }

    private void drawConnections() {
        connections.getChildren().clear();
        if (content != null) {
            for (ConnectionLines.Line line : connectionLines) {
                Optional<ItemGeometry> from = content.geometry(line.rackId());
                Optional<ItemGeometry> to = content.geometry(line.targetId());
                if (from.isPresent() && to.isPresent()) {
                    connections.getChildren().add(route(from.get(), to.get(), line.kind()));
                }
            }
        }
        connectionsKey.setVisible(!connections.getChildren().isEmpty());
    }

    /**
     * One connection as an overhead run, the way cables and pipes go: up from the rack's top, across
     * above both items, down onto the other one. Each kind leaves from its own spot of the rack's
     * top and runs at its own height, so the A, B and cooling runs of one rack stay apart.
     */
    private static Group route(ItemGeometry rack, ItemGeometry target, ConnectionLines.Kind kind) {
        int k = kind.ordinal();
        Point3D a = rack.topPoint(kind.u(), kind.v());
        Point3D b = target.topPoint(0, 0);
        double runY = Math.min(a.getY(), b.getY()) - CONNECTION_LIFT_M * (k + 1);
        Point3D a1 = new Point3D(a.getX(), runY, a.getZ());
        Point3D b1 = new Point3D(b.getX(), runY, b.getZ());
        Group g = new Group(segment(a, a1, kind), segment(a1, b1, kind), segment(b1, b, kind));
        g.setId("connection-" + kind.name());
        return g;
    }

    /** A thin box from {@code a} to {@code b}: its height runs along the segment. */
    private static Box segment(Point3D a, Point3D b, ConnectionLines.Kind kind) {
        Point3D d = b.subtract(a);
        double length = Math.max(d.magnitude(), 1e-3) + CONNECTION_THICKNESS_M;
        Box box = new Box(CONNECTION_THICKNESS_M, length, CONNECTION_THICKNESS_M);
        box.setMaterial(new PhongMaterial(kind.colour()));
        Point3D mid = a.midpoint(b);
        box.getTransforms().add(new Translate(mid.getX(), mid.getY(), mid.getZ()));
        Point3D axis = Rotate.Y_AXIS.crossProduct(d);
        if (axis.magnitude() > 1e-9) {
            box.getTransforms().add(new Rotate(Math.toDegrees(Math.acos(d.getY() / d.magnitude())), axis));
        }
        return box;
    }

    /** The connections drawn now, one group of three thin boxes each (id "connection-FEED_A" etc.). */
    public List<Node> connectionNodes() {
        return List.copyOf(connections.getChildren());
    }

    /** Shows the network fabrics as cable bundles in overhead trays (View > Cable trays), now and for later content. */
    public void setCablesShown(boolean shown) {
        cablesShown = shown;
        if (content != null) {
            content.setCablesShown(shown);
        }
    }

    public boolean cablesShown() {
        return cablesShown;
    }

    /** What is drawn highlighted. */
    public List<String> highlighted() {
        return highlighted;
    }

    public void preset(CameraPreset preset) {
        double yaw = content == null
                ? preset.yawDeg()
                : preset.yawDegFor(content.model().content());
        camera.setAngles(yaw, preset.pitchDeg());
        frameAll();
    }

    /** Fits the whole facility into the view from the current direction. */
    public void frameAll() {
        if (content != null) {
            SceneModel.Extent e = content.model().content();
            double size = Math.max(Math.max(e.width(), e.depth()), e.maxY() - e.minY());
            camera.frame(framePoints, size, viewWidth(), viewHeight(), legendClearance());
        }
    }
}
