package org.aifactory.twin.ui.scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arrays of one merged mesh of boxes, computed off the FX thread: 8 corners and 12
 * triangles per box (see shared/recipes/javafx-3d-at-scale.md: one mesh for thousands of racks,
 * recolour by writing pixels, never mesh arrays). Each box owns {@value #SLOTS} texel tiles of
 * {@value #TILE} x {@value #TILE} in the colour texture, one per visible side (top and the four
 * walls): its colour with a darker rim, so racks standing side by side in a row still read as
 * separate boxes, and with the light already baked in ({@link #shade}). The scene is then lit by
 * an ambient light only, which spares software OpenGL the per-pixel lighting (+14-18% in
 * javafx-3d-at-scale.md §2; docs/user-guide.md, "Frame rate"). Triangle {@code f} belongs to box {@code f / 12}.
 */
public final class BoxMeshData implements TexturedMeshData {
    /** Triangles of a box over its corners; corner k: bit 2 = -x side, bit 1 = top, bit 0 = -z side. */
    static final int[] TRIANGLES = {
        0, 2, 1, 2, 3, 1, 4, 5, 6, 6, 5, 7, 0, 1, 4, 4, 1, 5, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 5, 3, 7
    };

    public static final int TRIANGLES_PER_BOX = 12;
    /** Texels per side of a box's tile. */
    static final int TILE = 8;
    /** Tiles per box: its +x, -x, top, +z and -z sides (the bottom, never seen, shares the top's). */
    static final int SLOTS = 5;
    /** The slot each side of {@link #TRIANGLES} (triangles 2s and 2s+1) takes its tile from. */
    private static final int[] SIDE_SLOT = {0, 1, 2, 2, 3, 4};

    static final int TOP_SLOT = 2;
    /**
     * The baked light: a white ambient share plus a diffuse share from a sun high above the
     * facility's -x, -z corner (the direction the former point light shone from). Brightness of a
     * side = AMBIENT + DIFFUSE * max(0, normal . towards the sun), capped at 1, so tops show their
     * colour exactly [E: chosen by eye to match the earlier look].
     */
    static final double AMBIENT = 0.58;

    static final double DIFFUSE = 0.55;
    /** Unit vector towards the sun in scene axes (y points down): (-0.4, -1.5, -0.9) normalised. */
    private static final double[] SUN = normalise(-0.4, -1.5, -0.9);
    /** Brightness of a tile's rim relative to its colour: visible seams, little speckle when far away. */
    static final double RIM_BRIGHTNESS = 0.72;
    /** At most this many tiles side by side; more boxes wrap onto further tile rows. */
    static final int MAX_TILES_PER_ROW = 256;
    /**
     * For each side of a box (triangles 2s and 2s+1 of {@link #TRIANGLES}), the two corner bits
     * that run along the side: they pick the tile corner a vertex gets.
     */
    private static final int[][] SIDE_BITS = {{1, 0}, {1, 0}, {2, 0}, {2, 0}, {2, 1}, {2, 1}};

    private final List<ItemGeometry> items;
    private final Map<String, Integer> indexById;
    private final float[] points;
    private final float[] texCoords;
    private final int[] faces;
    private final int[] smoothingGroups;
    private final int[] boxArgb;
    private final int[] baseArgb;
    /** Per box and slot, the brightness of that side (0..1). */
    private final float[] shade;

    private final int tilesPerRow;
    private final int textureWidth;
    private final int textureHeight;

    private BoxMeshData(List<ItemGeometry> items, int[] baseArgb) {
        this.items = List.copyOf(items);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.putIfAbsent(items.get(i).id(), i);
        }
        this.indexById = Collections.unmodifiableMap(index);
        int n = items.size();
        int tiles = n * SLOTS;
        this.tilesPerRow = Math.max(1, Math.min(tiles, MAX_TILES_PER_ROW));
        this.textureWidth = tilesPerRow * TILE;
        this.textureHeight = Math.max(1, (tiles + tilesPerRow - 1) / tilesPerRow) * TILE;
        this.shade = new float[n * SLOTS];
        for (int j = 0; j < n; j++) {
            double r = Math.toRadians(items.get(j).rotationDeg());
            double c = Math.cos(r);
            double s = Math.sin(r);
            // World normals of the slots: local +x turns to (c, 0, s), local +z to (-s, 0, c).
            double[][] normals = {{c, 0, s}, {-c, 0, -s}, {0, -1, 0}, {-s, 0, c}, {s, 0, -c}};
            for (int k = 0; k < SLOTS; k++) {
                double lit = normals[k][0] * SUN[0] + normals[k][1] * SUN[1] + normals[k][2] * SUN[2];
                shade[j * SLOTS + k] = (float) Math.min(1, AMBIENT + DIFFUSE * Math.max(0, lit));
            }
        }
        this.boxArgb = baseArgb.clone();
        this.baseArgb = texture(baseArgb);
        this.points = new float[n * 24];
        this.texCoords = new float[Math.max(2, n * SLOTS * 8)];
        this.faces = new int[n * TRIANGLES_PER_BOX * 6];
        this.smoothingGroups = new int[n * TRIANGLES_PER_BOX];
        fill();
    }

    /** Builds the mesh of {@code items}, box i coloured {@code argb[i]} (0xAARRGGBB). */
    public static BoxMeshData of(List<ItemGeometry> items, int[] argb) {
        if (argb.length != items.size()) {
            throw new IllegalArgumentException(
                    "argb.length (" + argb.length + ") must equal the number of items (" + items.size() + ")");
        }
        return new BoxMeshData(items, argb);
    }

    private void fill() {
        int p = 0;
        int f = 0;
        for (int j = 0; j < items.size(); j++) {
            corners(items.get(j), points, p);
            p += 24;
            // Tile corners at the centres of its outer texels: the rim shows as a line along each edge.
            for (int k = 0; k < SLOTS; k++) {
                int tile = j * SLOTS + k;
                float u0 = (tileX(tile) + 0.5f) / textureWidth;
                float u1 = (tileX(tile) + TILE - 0.5f) / textureWidth;
                float v0 = (tileY(tile) + 0.5f) / textureHeight;
                float v1 = (tileY(tile) + TILE - 0.5f) / textureHeight;
                float[] corners = {u0, v0, u1, v0, u0, v1, u1, v1};
                System.arraycopy(corners, 0, texCoords, 8 * tile, 8);
            }
            for (int t = 0; t < TRIANGLES_PER_BOX; t++) {
                int[] bits = SIDE_BITS[t / 2];
                int tile = j * SLOTS + SIDE_SLOT[t / 2];
                for (int v = 0; v < 3; v++) {
                    int corner = TRIANGLES[t * 3 + v];
                    int tu = (corner >> bits[0]) & 1;
                    int tv = (corner >> bits[1]) & 1;
                    faces[f++] = j * 8 + corner;
                    faces[f++] = tile * 4 + tu + 2 * tv;
                }
                // One smoothing group per side: flat-shaded boxes.
                smoothingGroups[j * TRIANGLES_PER_BOX + t] = 1 << (t / 2);
            }
        }
    }

    /** Writes the 8 corners of box {@code g} (x, y, z each; corner k as in {@link #TRIANGLES}) from {@code points[p]}. */
    static void corners(ItemGeometry g, float[] points, int p) {
        double r = Math.toRadians(g.rotationDeg());
        double c = Math.cos(r);
        double s = Math.sin(r);
        for (int k = 0; k < 8; k++) {
            double lx = ((k & 4) == 0 ? 1 : -1) * g.widthM() / 2;
            double lz = ((k & 1) == 0 ? 1 : -1) * g.depthM() / 2;
            points[p++] = (float) (g.centreX() + lx * c - lz * s);
            points[p++] = (float) -((k & 2) == 0 ? g.baseM() : g.baseM() + g.heightM());
            points[p++] = (float) (g.centreZ() + lx * s + lz * c);
        }
    }

    /** The tile slot side {@code side} of {@link #TRIANGLES} takes its colour from. */
    static int sideSlot(int side) {
        return SIDE_SLOT[side];
    }

    public int size() {
        return items.size();
    }

    public List<ItemGeometry> items() {
        return items;
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>(items.size());
        items.forEach(g -> ids.add(g.id()));
        return ids;
    }

    public Optional<ItemGeometry> geometry(String id) {
        Integer i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(items.get(i));
    }

    /** The box index of an id, or -1. */
    public int indexOf(String id) {
        Integer i = id == null ? null : indexById.get(id);
        return i == null ? -1 : i;
    }

    /** The id of the box a picked triangle belongs to. */
    public Optional<String> idOfFace(int face) {
        int box = face / TRIANGLES_PER_BOX;
        return face < 0 || box >= items.size()
                ? Optional.empty()
                : Optional.of(items.get(box).id());
    }

    @Override
    public float[] points() {
        return points;
    }

    @Override
    public float[] texCoords() {
        return texCoords;
    }

    @Override
    public int[] faces() {
        return faces;
    }

    @Override
    public int[] smoothingGroups() {
        return smoothingGroups;
    }

    /** The category colour of each box, 0xAARRGGBB, in box order (a copy). */
    int[] boxArgb() {
        return boxArgb.clone();
    }

    /**
     * The texture's pixels for boxes coloured {@code argb} (one per box, in box order), row by
     * row, {@link #textureWidth()} per row.
     */
    int[] texture(int[] argb) {
        int[] pixels = new int[textureWidth * textureHeight];
        for (int i = 0; i < items.size(); i++) {
            for (int k = 0; k < SLOTS; k++) {
                int tile = i * SLOTS + k;
                int[] tilePixels = tilePixels(argb[i], shade[tile]);
                for (int row = 0; row < TILE; row++) {
                    System.arraycopy(
                            tilePixels, row * TILE, pixels, (tileY(tile) + row) * textureWidth + tileX(tile), TILE);
                }
            }
        }
        return pixels;
    }

    /** How bright side {@code slot} of box {@code index} is drawn, 0..1. */
    float shade(int index, int slot) {
        return shade[index * SLOTS + slot];
    }

    /** A copy of the texture's pixels, row by row, {@link #textureWidth()} per row. */
    int[] baseArgb() {
        return baseArgb.clone();
    }

    @Override
    public int textureWidth() {
        return textureWidth;
    }

    @Override
    public int textureHeight() {
        return textureHeight;
    }

    /** Top-left texel (x, y) of box {@code index}'s tile for {@code slot}. */
    int texelX(int index, int slot) {
        return tileX(index * SLOTS + slot);
    }

    int texelY(int index, int slot) {
        return tileY(index * SLOTS + slot);
    }

    private int tileX(int tile) {
        return (tile % tilesPerRow) * TILE;
    }

    private int tileY(int tile) {
        return (tile / tilesPerRow) * TILE;
    }

    private static double[] normalise(double x, double y, double z) {
        double l = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / l, y / l, z / l};
    }

    /** {@code argb} with its colour scaled by {@code factor} (0..1). */
    static int scale(int argb, double factor) {
        return 0xff000000
                | (int) (((argb >> 16) & 0xff) * factor) << 16
                | (int) (((argb >> 8) & 0xff) * factor) << 8
                | (int) ((argb & 0xff) * factor);
    }

    /**
     * A side's tile, {@value #TILE} x {@value #TILE} texels row by row: {@code argb} at
     * {@code brightness}, with a darker rim.
     */
    static int[] tilePixels(int argb, double brightness) {
        int inside = scale(argb, brightness);
        int rim = scale(argb, brightness * RIM_BRIGHTNESS);
        int[] tile = new int[TILE * TILE];
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                boolean edge = x == 0 || y == 0 || x == TILE - 1 || y == TILE - 1;
                tile[y * TILE + x] = edge ? rim : inside;
            }
        }
        return tile;
    }
}
