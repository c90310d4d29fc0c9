package org.aifactory.twin.ui.scene;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.MeshView;

/**
 * One merged {@link MeshView} of boxes with a per-box texel colour. Geometry never changes after
 * construction; highlighting and overlays rewrite texels only (one {@code setPixels} call for a
 * whole recolour; see javafx-3d-at-scale.md §3).
 */
final class MeshLayer {
    private final BoxMeshData data;
    private final MeshView view;
    private final WritableImage texture;
    /** The category colour of each box. */
    private final int[] categoryArgb;
    /** What the texture shows now, apart from the highlighted tile. */
    private int[] pixels;
    /** The boxes drawn in the highlight colour. */
    private Set<Integer> highlighted = new HashSet<>();

    MeshLayer(BoxMeshData data, String id) {
        this.data = data;
        this.categoryArgb = data.boxArgb();
        this.pixels = data.baseArgb();
        texture = new WritableImage(data.textureWidth(), data.textureHeight());
        writeAll();
        view = data.view(texture, id);
    }

    BoxMeshData data() {
        return data;
    }

    MeshView view() {
        return view;
    }

    /**
     * Paints every box in the colour {@code colours} gives its id, and the others in
     * {@code other}; a null map restores the category colours. The highlight stays.
     */
    void paint(Map<String, Color> colours, Color other) {
        int[] argb;
        if (colours == null) {
            argb = categoryArgb;
        } else {
            argb = new int[data.size()];
            int otherArgb = ItemCategory.toArgb(other);
            for (int i = 0; i < argb.length; i++) {
                Color c = colours.get(data.items().get(i).id());
                argb[i] = c == null ? otherArgb : ItemCategory.toArgb(c);
            }
        }
        pixels = data.texture(argb);
        writeAll();
    }

    private void writeAll() {
        texture.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        data.textureWidth(),
                        data.textureHeight(),
                        PixelFormat.getIntArgbInstance(),
                        pixels,
                        0,
                        data.textureWidth());
        for (int index : highlighted) {
            writeHighlight(index);
        }
    }

    /** Paints the boxes {@code ids} (those in this layer) in the highlight colour and restores the others. */
    void highlight(Collection<String> ids) {
        Set<Integer> next = new HashSet<>();
        for (String id : ids) {
            int index = data.indexOf(id);
            if (index >= 0) {
                next.add(index);
            }
        }
        if (next.equals(highlighted)) {
            return;
        }
        // A big change (a rubber band over a hall) costs one whole-texture write instead of thousands of tiles.
        if (next.size() + highlighted.size() > BULK_HIGHLIGHT) {
            highlighted = next;
            writeAll();
            return;
        }
        for (int index : highlighted) {
            if (!next.contains(index)) {
                restoreTiles(index);
            }
        }
        for (int index : next) {
            if (!highlighted.contains(index)) {
                writeHighlight(index);
            }
        }
        highlighted = next;
    }

    /** Beyond this many tiles to change, rewrite the whole texture at once. */
    private static final int BULK_HIGHLIGHT = 256;

    private void writeHighlight(int index) {
        int argb = ItemCategory.toArgb(ItemCategory.HIGHLIGHT);
        for (int k = 0; k < BoxMeshData.SLOTS; k++) {
            writeTile(index, k, BoxMeshData.tilePixels(argb, data.shade(index, k)), 0, BoxMeshData.TILE);
        }
    }

    /** The colour box {@code id} is drawn in now (the inside of its top tile), as 0xAARRGGBB, or 0 if it is not in this layer. */
    int colourOf(String id) {
        int index = data.indexOf(id);
        int middle = BoxMeshData.TILE / 2;
        return index < 0
                ? 0
                : texture.getPixelReader()
                        .getArgb(
                                data.texelX(index, BoxMeshData.TOP_SLOT) + middle,
                                data.texelY(index, BoxMeshData.TOP_SLOT) + middle);
    }

    private void restoreTiles(int index) {
        for (int k = 0; k < BoxMeshData.SLOTS; k++) {
            writeTile(
                    index,
                    k,
                    pixels,
                    data.texelY(index, k) * data.textureWidth() + data.texelX(index, k),
                    data.textureWidth());
        }
    }

    private void writeTile(int index, int slot, int[] tilePixels, int offset, int stride) {
        texture.getPixelWriter()
                .setPixels(
                        data.texelX(index, slot),
                        data.texelY(index, slot),
                        BoxMeshData.TILE,
                        BoxMeshData.TILE,
                        PixelFormat.getIntArgbInstance(),
                        tilePixels,
                        offset,
                        stride);
    }
}
