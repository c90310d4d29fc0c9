package org.aifactory.twin.ui.scene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The level of detail for a view from far away: racks standing side by side in a row (same size
 * and turn, on one line, touching) are merged into one box per run, 12 triangles for the whole
 * run instead of 12 per rack (javafx-3d-at-scale.md: the row-segment mesh, 1.4 to 2.3 times the
 * frame rate of one box per rack at 8,000 racks). Each rack keeps its own colour: every run has
 * one texel strip per side ({@link BoxMeshData#SLOTS}), one texel per rack, plus one padding texel
 * at each end so filtering never borrows a neighbouring strip's colour. Triangle {@code f} belongs
 * to run {@code f / 12}; the rack is found from where along the run the pick hit.
 */
public final class RowSegmentData implements TexturedMeshData {
    /** Texture width, texels. */
    static final int TEXTURE_WIDTH = 2048;
    /** Longest run, racks (a strip plus padding must fit one texture row). */
    static final int MAX_RUN = 512;
    /** Racks closer than this along the row (gap between them) still form one run, m. */
    static final double TOUCH_M = 0.01;

    private final BoxMeshData racks;
    /** For each run, the rack indexes (into {@link #racks}) in order along the run's +x axis. */
    private final List<int[]> runs = new ArrayList<>();

    private final List<ItemGeometry> runBoxes = new ArrayList<>();
    /** Per run and slot, the top-left texel of its strip. */
    private final int[] stripX;

    private final int[] stripY;
    private final int textureHeight;
    private final float[] points;
    private final float[] texCoords;
    private final int[] faces;
    private final int[] smoothingGroups;

    private RowSegmentData(BoxMeshData racks) {
        this.racks = racks;
        findRuns();
        int n = runs.size();
        stripX = new int[n * BoxMeshData.SLOTS];
        stripY = new int[n * BoxMeshData.SLOTS];
        int x = 0;
        int y = 0;
        for (int s = 0; s < n; s++) {
            int width = runs.get(s).length + 2;
            for (int k = 0; k < BoxMeshData.SLOTS; k++) {
                if (x + width > TEXTURE_WIDTH) {
                    x = 0;
                    y++;
                }
                stripX[s * BoxMeshData.SLOTS + k] = x;
                stripY[s * BoxMeshData.SLOTS + k] = y;
                x += width;
            }
        }
        textureHeight = y + 1;
        points = new float[n * 24];
        texCoords = new float[Math.max(2, n * BoxMeshData.SLOTS * 4 * 2)];
        faces = new int[n * BoxMeshData.TRIANGLES_PER_BOX * 6];
        smoothingGroups = new int[n * BoxMeshData.TRIANGLES_PER_BOX];
        fill();
    }

    /** The runs of {@code racks}. */
    public static RowSegmentData of(BoxMeshData racks) {
        return new RowSegmentData(racks);
    }

    private record Key(long rotation, long width, long depth, long height, long line) {}

    private static long mm(double m) {
        return Math.round(m * 1000);
    }

    private void findRuns() {
        List<ItemGeometry> items = racks.items();
        Map<Key, List<Integer>> lines = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemGeometry g = items.get(i);
            double r = Math.toRadians(g.rotationDeg());
            // Distance of the centre from the line through the origin along the item's own x axis.
            double across = -g.centreX() * Math.sin(r) + g.centreZ() * Math.cos(r);
            Key key = new Key(
                    Math.floorMod(mm(g.rotationDeg()), 360_000),
                    mm(g.widthM()),
                    mm(g.depthM()),
                    mm(g.heightM()),
                    mm(across));
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> line : lines.values()) {
            ItemGeometry first = items.get(line.get(0));
            double r = Math.toRadians(first.rotationDeg());
            double c = Math.cos(r);
            double s = Math.sin(r);
            line.sort(Comparator.comparingDouble(
                    i -> items.get(i).centreX() * c + items.get(i).centreZ() * s));
            List<Integer> run = new ArrayList<>();
            double last = Double.NaN;
            for (int i : line) {
                double along = items.get(i).centreX() * c + items.get(i).centreZ() * s;
                boolean touches = !run.isEmpty() && Math.abs(along - last - first.widthM()) <= TOUCH_M;
                if (!run.isEmpty() && (!touches || run.size() >= MAX_RUN)) {
                    addRun(run);
                    run = new ArrayList<>();
                }
                run.add(i);
                last = along;
            }
            addRun(run);
        }
    }

    private void addRun(List<Integer> run) {
        int[] ids = run.stream().mapToInt(Integer::intValue).toArray();
        ItemGeometry a = racks.items().get(ids[0]);
        ItemGeometry b = racks.items().get(ids[ids.length - 1]);
        runs.add(ids);
        runBoxes.add(new ItemGeometry(
                "run-" + runs.size(),
                (a.centreX() + b.centreX()) / 2,
                (a.centreZ() + b.centreZ()) / 2,
                a.widthM() * ids.length,
                a.depthM(),
                a.heightM(),
                a.rotationDeg()));
    }

    private void fill() {
        int p = 0;
        int f = 0;
        int slots = BoxMeshData.SLOTS;
        for (int s = 0; s < runs.size(); s++) {
            ItemGeometry g = runBoxes.get(s);
            BoxMeshData.corners(g, points, p);
            p += 24;
            int n = runs.get(s).length;
            for (int k = 0; k < slots; k++) {
                int strip = s * slots + k;
                float v = (stripY[strip] + 0.5f) / textureHeight;
                int t = strip * 4 * 2;
                // 0: start of the first rack's texel, 1: end of the last one's, 2 and 3: their centres.
                float[] uv = {
                    (stripX[strip] + 1f) / TEXTURE_WIDTH,
                    v,
                    (stripX[strip] + 1f + n) / TEXTURE_WIDTH,
                    v,
                    (stripX[strip] + 1.5f) / TEXTURE_WIDTH,
                    v,
                    (stripX[strip] + 0.5f + n) / TEXTURE_WIDTH,
                    v
                };
                System.arraycopy(uv, 0, texCoords, t, 8);
            }
            for (int t = 0; t < BoxMeshData.TRIANGLES_PER_BOX; t++) {
                int side = t / 2;
                int strip = s * slots + BoxMeshData.sideSlot(side);
                for (int v = 0; v < 3; v++) {
                    int corner = BoxMeshData.TRIANGLES[t * 3 + v];
                    int which;
                    if (side == 0) {
                        which = 3; // the +x end: the last rack
                    } else if (side == 1) {
                        which = 2; // the -x end: the first rack
                    } else {
                        which = (corner & 4) != 0 ? 0 : 1; // corner bit 2 = the -x end
                    }
                    faces[f++] = s * 8 + corner;
                    faces[f++] = strip * 4 + which;
                }
                smoothingGroups[s * BoxMeshData.TRIANGLES_PER_BOX + t] = 1 << side;
            }
        }
    }

    public int runCount() {
        return runs.size();
    }

    /** The rack indexes of run {@code s}, in order along it. */
    int[] run(int s) {
        return runs.get(s);
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

    @Override
    public int textureWidth() {
        return TEXTURE_WIDTH;
    }

    @Override
    public int textureHeight() {
        return textureHeight;
    }

    /**
     * The texture's pixels for racks coloured {@code argb} (one per rack, in the racks' order),
     * with the racks {@code highlighted} (indexes) in {@code highlightArgb}.
     */
    int[] texture(int[] argb, Set<Integer> highlighted, int highlightArgb) {
        int[] pixels = new int[TEXTURE_WIDTH * textureHeight];
        for (int s = 0; s < runs.size(); s++) {
            int[] run = runs.get(s);
            for (int k = 0; k < BoxMeshData.SLOTS; k++) {
                int strip = s * BoxMeshData.SLOTS + k;
                int row = stripY[strip] * TEXTURE_WIDTH + stripX[strip];
                for (int i = 0; i < run.length; i++) {
                    int rack = run[i];
                    int colour = highlighted.contains(rack) ? highlightArgb : argb[rack];
                    int px = BoxMeshData.scale(colour, racks.shade(rack, k));
                    pixels[row + 1 + i] = px;
                    if (i == 0) {
                        pixels[row] = px;
                    }
                    if (i == run.length - 1) {
                        pixels[row + 2 + i] = px;
                    }
                }
            }
        }
        return pixels;
    }

    /** The rack a pick on triangle {@code face} at scene point ({@code x}, {@code z}) hit. */
    Optional<String> idAt(int face, double x, double z) {
        int s = face / BoxMeshData.TRIANGLES_PER_BOX;
        if (face < 0 || s >= runs.size()) {
            return Optional.empty();
        }
        int[] run = runs.get(s);
        ItemGeometry first = racks.items().get(run[0]);
        double r = Math.toRadians(first.rotationDeg());
        double along = (x - first.centreX()) * Math.cos(r) + (z - first.centreZ()) * Math.sin(r);
        int i = (int) Math.floor(along / first.widthM() + 0.5);
        return Optional.of(racks.items()
                .get(run[Math.max(0, Math.min(run.length - 1, i))])
                .id());
    }

    /** Rack indexes of {@code ids} (those that are racks here). */
    Set<Integer> indexes(Collection<String> ids) {
        Set<Integer> out = new java.util.HashSet<>();
        for (String id : ids) {
            int i = racks.indexOf(id);
            if (i >= 0) {
                out.add(i);
            }
        }
        return out;
    }
}
