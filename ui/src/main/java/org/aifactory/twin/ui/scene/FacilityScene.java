package org.aifactory.twin.ui.scene;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.PickResult;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/**
 * The 3D content for one {@link SceneModel}: yard ground, hall floors, the rack mesh, the
 * equipment mesh and the lights. Knows which drawn thing a {@link PickResult} hit.
 */
public final class FacilityScene {
    /** The yard ground lies this far below the hall floors (y = 0), m: enough to never z-fight. */
    static final double YARD_DROP_M = 0.05;
    /** Floor grid pitch: two 600 mm raised-floor tiles, m. */
    static final double GRID_PITCH_M = 1.2;

    private static final Color YARD = Color.web("#b3bba9");
    private static final Color FLOOR = Color.web("#e9eaec");
    private static final Color GRID_LINE = Color.web("#d2d4d8");
    private static final int GRID_TEXELS = 32;

    private final SceneModel model;
    private final Group root = new Group();
    private final MeshLayer racks;
    private final MeshLayer equipment;
    /** The cable trays, made when first shown. */
    private MeshView trays;

    private static final Color CABLES = Color.web("#3b3f8f");
    /** The racks as row segments for far views; null for facilities too small to need it. */
    private final LodLayer lod;
    /** Facilities with at least this many racks get the far-view level of detail [E]. */
    static final int LOD_MIN_RACKS = 1000;

    private final Map<Node, String> hallByNode = new IdentityHashMap<>();

    public FacilityScene(SceneModel model) {
        this.model = model;
        SceneModel.Extent yard = model.yard();
        MeshView ground =
                quad(yard.minX(), yard.minZ(), yard.width(), yard.depth(), YARD_DROP_M, material(YARD, null), 1);
        ground.setId("yard");
        root.getChildren().add(ground);
        PhongMaterial floorMaterial = material(Color.WHITE, gridTile());
        for (SceneModel.HallFloor hall : model.halls()) {
            MeshView floor = quad(hall.x0(), hall.z0(), hall.widthM(), hall.depthM(), 0, floorMaterial, GRID_PITCH_M);
            floor.setId("floor-" + hall.id());
            hallByNode.put(floor, hall.id());
            root.getChildren().add(floor);
        }
        racks = new MeshLayer(model.racks(), "racks");
        equipment = new MeshLayer(model.equipment(), "equipment");
        // Racks first and the yard last: nearer things first, so software OpenGL's early depth test skips shading what
        // they hide.
        root.getChildren().add(0, racks.view());
        root.getChildren().add(1, equipment.view());
        lod = model.racks().size() >= LOD_MIN_RACKS ? new LodLayer(model.racks(), "racksFar") : null;
        if (lod != null) {
            lod.view().setVisible(false);
            root.getChildren().add(0, lod.view());
        }
        root.getChildren().remove(ground);
        root.getChildren().add(ground);
        // Ambient light only: the boxes' textures carry the light (BoxMeshData.shade), and flat floors look the same
        // either way. Ambient light only gave +14-18% on software OpenGL (shared/recipes/javafx-3d-at-scale.md §2).
        root.getChildren().add(new AmbientLight(Color.WHITE));
    }

    private static PhongMaterial material(Color colour, Image diffuseMap) {
        PhongMaterial m = new PhongMaterial(colour);
        m.setDiffuseMap(diffuseMap);
        return m;
    }

    /** One floor tile texture, repeated by texture coordinates beyond 1. */
    private static Image gridTile() {
        WritableImage tile = new WritableImage(GRID_TEXELS, GRID_TEXELS);
        PixelWriter w = tile.getPixelWriter();
        for (int y = 0; y < GRID_TEXELS; y++) {
            for (int x = 0; x < GRID_TEXELS; x++) {
                boolean line = x == 0 || y == 0;
                w.setColor(x, y, line ? GRID_LINE : FLOOR);
            }
        }
        return tile;
    }

    /** A horizontal rectangle at height {@code y}, its texture repeated every {@code texturePitchM}. */
    private static MeshView quad(
            double x0, double z0, double width, double depth, double y, PhongMaterial material, double texturePitchM) {
        float u = (float) (width / texturePitchM);
        float v = (float) (depth / texturePitchM);
        float fy = (float) y;
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints()
                .setAll(
                        (float) x0,
                        fy,
                        (float) z0,
                        (float) (x0 + width),
                        fy,
                        (float) z0,
                        (float) x0,
                        fy,
                        (float) (z0 + depth),
                        (float) (x0 + width),
                        fy,
                        (float) (z0 + depth));
        mesh.getTexCoords().setAll(0, 0, u, 0, 0, v, u, v);
        // Wound like the boxes' tops, so the normal points up (-y) and the light reaches the upper side.
        mesh.getFaces().setAll(0, 0, 1, 1, 2, 2, 1, 1, 3, 3, 2, 2);
        MeshView view = new MeshView(mesh);
        view.setCullFace(CullFace.NONE);
        view.setMaterial(material);
        return view;
    }

    public SceneModel model() {
        return model;
    }

    /** The node holding everything; add it to the SubScene's root. */
    public Group root() {
        return root;
    }

    /** Ids of the racks drawn, in drawing order. */
    public List<String> rackIds() {
        return racks.data().ids();
    }

    /** Where an item (rack or other equipment) is drawn. */
    public Optional<ItemGeometry> geometry(String id) {
        return racks.data().geometry(id).or(() -> equipment.data().geometry(id));
    }

    /** The top-face point of an item in this scene's coordinates; see {@link ItemGeometry#topPoint}. */
    public Optional<Point3D> topPoint(String id, double u, double v) {
        return geometry(id).map(g -> g.topPoint(u, v));
    }

    /** Draws the items {@code ids} in the highlight colour (and the previous highlight normally again); empty clears. */
    public void highlight(Collection<String> ids) {
        racks.highlight(ids);
        equipment.highlight(ids);
        if (lod != null) {
            lod.highlight(ids);
        }
    }

    /**
     * Draws the racks one box each (true) or, for far views, as row segments (false: a fraction
     * of the triangles, the same colours). No effect for facilities without the far view.
     */
    public void setDetailed(boolean detailed) {
        if (lod != null) {
            racks.view().setVisible(detailed);
            lod.view().setVisible(!detailed);
        }
    }

    /** Shows or hides the network fabrics' cable bundles in overhead trays. */
    public void setCablesShown(boolean shown) {
        if (shown && trays == null) {
            trays = trayView(model.trays());
            root.getChildren().add(trays);
        }
        if (trays != null) {
            trays.setVisible(shown);
        }
    }

    public boolean cablesShown() {
        return trays != null && trays.isVisible();
    }

    /** One plain-coloured mesh of every tray stretch, lifted to the trays' height; never picked. */
    private static MeshView trayView(CableTrays t) {
        List<ItemGeometry> boxes = t.boxes();
        float[] points = new float[boxes.size() * 24];
        int[] faces = new int[boxes.size() * BoxMeshData.TRIANGLES_PER_BOX * 6];
        int[] groups = new int[boxes.size() * BoxMeshData.TRIANGLES_PER_BOX];
        int f = 0;
        for (int j = 0; j < boxes.size(); j++) {
            BoxMeshData.corners(boxes.get(j), points, j * 24);
            for (int tri = 0; tri < BoxMeshData.TRIANGLES_PER_BOX; tri++) {
                for (int v = 0; v < 3; v++) {
                    faces[f++] = j * 8 + BoxMeshData.TRIANGLES[tri * 3 + v];
                    faces[f++] = 0;
                }
                groups[j * BoxMeshData.TRIANGLES_PER_BOX + tri] = 1 << (tri / 2);
            }
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(0, 0);
        mesh.getFaces().setAll(faces);
        mesh.getFaceSmoothingGroups().setAll(groups);
        MeshView view = new MeshView(mesh);
        view.setId("cableTrays");
        view.setMaterial(new PhongMaterial(CABLES));
        view.setTranslateY(-t.trayBottomM());
        view.setMouseTransparent(true);
        return view;
    }

    /** Whether the racks are drawn one box each (always, for facilities without the far view). */
    public boolean isDetailed() {
        return lod == null || !lod.view().isVisible();
    }

    /** Draws the items in an overlay's colours; null restores the category colours. */
    public void paint(SceneColouring colouring) {
        racks.paint(colouring == null ? null : colouring.colours(), colouring == null ? null : colouring.otherColour());
        if (lod != null) {
            lod.paint(
                    colouring == null ? null : colouring.colours(), colouring == null ? null : colouring.otherColour());
        }
        equipment.paint(
                colouring == null ? null : colouring.colours(), colouring == null ? null : colouring.otherColour());
    }

    /** The colour an item is drawn in now (0xAARRGGBB), or empty if it is not drawn. */
    public Optional<Color> colourOf(String id) {
        int argb = racks.colourOf(id);
        if (argb == 0) {
            argb = equipment.colourOf(id);
        }
        if (argb == 0) {
            return Optional.empty();
        }
        return Optional.of(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
    }

    /** The id of the element a pick hit: a rack, a piece of equipment or a hall floor. */
    public Optional<String> idOf(PickResult pick) {
        if (pick == null || pick.getIntersectedNode() == null) {
            return Optional.empty();
        }
        Node node = pick.getIntersectedNode();
        if (node == racks.view()) {
            return racks.data().idOfFace(pick.getIntersectedFace());
        }
        if (lod != null && node == lod.view() && pick.getIntersectedPoint() != null) {
            return lod.data()
                    .idAt(
                            pick.getIntersectedFace(),
                            pick.getIntersectedPoint().getX(),
                            pick.getIntersectedPoint().getZ());
        }
        if (node == equipment.view()) {
            return equipment.data().idOfFace(pick.getIntersectedFace());
        }
        return Optional.ofNullable(hallByNode.get(node));
    }
}
