package org.aifactory.twin.ui.scene;

import java.util.Map;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

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
    private int highlighted = -1;

    MeshLayer(BoxMeshData data, String id) {
        this.data = data;
        this.categoryArgb = data.boxArgb();
        this.pixels = data.baseArgb();
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(data.points());
        mesh.getTexCoords().setAll(data.texCoords());
        mesh.getFaces().setAll(data.faces());
        mesh.getFaceSmoothingGroups().setAll(data.smoothingGroups());
        texture = new WritableImage(data.textureWidth(), data.textureHeight());
        writeAll();
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(texture);
        view = new MeshView(mesh);
        view.setId(id);
        view.setMaterial(material);
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
        texture.getPixelWriter().setPixels(0, 0, data.textureWidth(), data.textureHeight(), PixelFormat.getIntArgbInstance(),
                pixels, 0, data.textureWidth());
        if (highlighted >= 0) {
            writeHighlight(highlighted);
        }
    }

    /** Paints box {@code id} in the highlight colour and restores the previous one; null clears. */
    void highlight(String id) {
        int index = data.indexOf(id);
        if (index == highlighted) {
            return;
        }
        if (highlighted >= 0) {
            restoreTile(highlighted);
        }
        highlighted = index;
        if (index >= 0) {
            writeHighlight(index);
        }
    }

    private void writeHighlight(int index) {
        writeTile(index, BoxMeshData.tilePixels(ItemCategory.toArgb(ItemCategory.HIGHLIGHT)), 0, BoxMeshData.TILE);
    }

    /** The colour box {@code id} is drawn in now (the inside of its tile), as 0xAARRGGBB, or 0 if it is not in this layer. */
    int colourOf(String id) {
        int index = data.indexOf(id);
        int middle = BoxMeshData.TILE / 2;
        return index < 0 ? 0 : texture.getPixelReader().getArgb(data.texelX(index) + middle, data.texelY(index) + middle);
    }

    private void restoreTile(int index) {
        writeTile(index, pixels, data.texelY(index) * data.textureWidth() + data.texelX(index), data.textureWidth());
    }

    private void writeTile(int index, int[] tilePixels, int offset, int stride) {
        texture.getPixelWriter().setPixels(data.texelX(index), data.texelY(index), BoxMeshData.TILE, BoxMeshData.TILE,
                PixelFormat.getIntArgbInstance(), tilePixels, offset, stride);
    }
}
