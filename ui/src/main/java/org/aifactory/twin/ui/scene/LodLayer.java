package org.aifactory.twin.ui.scene;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.MeshView;

/**
 * The far view of the racks: one {@link MeshView} of row segments ({@link RowSegmentData}) with
 * a texel per rack and side. Recolouring and highlighting rewrite its small texture (a few
 * texels per rack) in one call; the geometry never changes.
 */
final class LodLayer {
    private final RowSegmentData data;
    private final BoxMeshData racks;
    private final MeshView view;
    private final WritableImage texture;
    private int[] argb;
    private Set<Integer> highlighted = Set.of();

    LodLayer(BoxMeshData racks, String id) {
        this.racks = racks;
        this.data = RowSegmentData.of(racks);
        this.argb = racks.boxArgb();
        texture = new WritableImage(data.textureWidth(), data.textureHeight());
        write();
        view = data.view(texture, id);
    }

    RowSegmentData data() {
        return data;
    }

    MeshView view() {
        return view;
    }

    /** As {@link MeshLayer#paint}: each rack in the colour {@code colours} gives its id, others in {@code other}; null: categories. */
    void paint(Map<String, Color> colours, Color other) {
        if (colours == null) {
            argb = racks.boxArgb();
        } else {
            argb = new int[racks.size()];
            int otherArgb = ItemCategory.toArgb(other);
            for (int i = 0; i < argb.length; i++) {
                Color c = colours.get(racks.items().get(i).id());
                argb[i] = c == null ? otherArgb : ItemCategory.toArgb(c);
            }
        }
        write();
    }

    void highlight(Collection<String> ids) {
        Set<Integer> next = data.indexes(ids);
        if (!next.equals(highlighted)) {
            highlighted = next;
            write();
        }
    }

    private void write() {
        int[] pixels = data.texture(argb, highlighted, ItemCategory.toArgb(ItemCategory.HIGHLIGHT));
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
    }
}
