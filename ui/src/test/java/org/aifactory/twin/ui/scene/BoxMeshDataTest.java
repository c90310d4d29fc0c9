package org.aifactory.twin.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.geometry.Point3D;
import org.junit.jupiter.api.Test;

class BoxMeshDataTest {
    private static final ItemGeometry A = new ItemGeometry("a", 10, 20, 0.6, 1.2, 2.3, 0);
    private static final ItemGeometry B = new ItemGeometry("b", 11, 20, 0.6, 1.2, 2.3, 90);

    @Test
    void eachBoxHasEightCornersTwelveTrianglesAndATilePerSide() {
        BoxMeshData data = BoxMeshData.of(List.of(A, B), new int[] {0xff00ff00, 0xff0000ff});
        assertThat(data.points()).hasSize(2 * 8 * 3);
        assertThat(data.faces()).hasSize(2 * 12 * 6);
        assertThat(data.smoothingGroups()).hasSize(2 * 12);
        // Five tiles per box (+x, -x, top, +z, -z), four corners each, two coordinates per corner.
        assertThat(data.texCoords()).hasSize(2 * 5 * 4 * 2);
        assertThat(data.textureWidth()).isEqualTo(2 * 5 * BoxMeshData.TILE);
        assertThat(data.textureHeight()).isEqualTo(BoxMeshData.TILE);
        int[] pixels = data.baseArgb();
        int middle = BoxMeshData.TILE / 2;
        // Tops show the colour itself: 0.58 + 0.55 * 0.836 (the sun's height) is over 1, capped at 1.
        assertThat(pixels[middle * data.textureWidth() + data.texelX(0, BoxMeshData.TOP_SLOT) + middle])
                .isEqualTo(0xff00ff00);
        assertThat(pixels[middle * data.textureWidth() + data.texelX(1, BoxMeshData.TOP_SLOT) + middle])
                .isEqualTo(0xff0000ff);
        assertThat(pixels[data.texelX(0, BoxMeshData.TOP_SLOT)])
                .as("rim is darker: 255 * 0.72")
                .isEqualTo(0xff00b700);
    }

    @Test
    void sidesAreShadedByTheirWorldDirection() {
        BoxMeshData data = BoxMeshData.of(List.of(A, B), new int[] {1, 2});
        // Sun direction (-0.4, -1.5, -0.9) / 1.7944: a side facing -z gets 0.58 + 0.55 * 0.9 / 1.7944 = 0.8559,
        // a side facing +x or +z only the ambient 0.58.
        assertThat(data.shade(0, 4)).as("A's -z side").isCloseTo(0.8559f, within(1e-4f));
        assertThat(data.shade(0, 0)).as("A's +x side").isCloseTo(0.58f, within(1e-6f));
        // B is turned 90 degrees: its local -x side now faces -z.
        assertThat(data.shade(1, 1)).as("B's -x side").isCloseTo(0.8559f, within(1e-4f));
        assertThat(data.shade(1, 0)).as("B's +x side, facing +z").isCloseTo(0.58f, within(1e-6f));
    }

    @Test
    void trianglesMapBackToTheirBox() {
        BoxMeshData data = BoxMeshData.of(List.of(A, B), new int[] {1, 2});
        assertThat(data.idOfFace(0)).contains("a");
        assertThat(data.idOfFace(11)).contains("a");
        assertThat(data.idOfFace(12)).contains("b");
        assertThat(data.idOfFace(23)).contains("b");
        assertThat(data.idOfFace(24)).isEmpty();
        assertThat(data.idOfFace(-1)).isEmpty();
        assertThat(data.indexOf("b")).isEqualTo(1);
        assertThat(data.indexOf("nope")).isEqualTo(-1);
    }

    @Test
    void boxesStandOnTheFloorAndSpanTheirRotatedFootprint() {
        BoxMeshData data = BoxMeshData.of(List.of(B), new int[] {1});
        float[] p = data.points();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < p.length; i += 3) {
            minX = Math.min(minX, p[i]);
            maxX = Math.max(maxX, p[i]);
            minY = Math.min(minY, p[i + 1]);
            maxY = Math.max(maxY, p[i + 1]);
        }
        // Turned 90 degrees: the 1.2 m depth now runs along x. JavaFX y points down: the top is at -height.
        assertThat(maxX - minX).isCloseTo(1.2, within(1e-5));
        assertThat(maxY).isEqualTo(0);
        assertThat(minY).isCloseTo(-2.3, within(1e-5));
    }

    @Test
    void topPointIsOnTheTopFaceInTheItemsOwnAxes() {
        Point3D p = B.topPoint(0.5, 0);
        assertThat(p.getY()).isCloseTo(-2.3, within(1e-9));
        // Half a width along the item's x axis, which points along site +y (scene z) after a 90 degree turn.
        assertThat(p.getX()).isCloseTo(11, within(1e-9));
        assertThat(p.getZ()).isCloseTo(20.3, within(1e-9));
    }
}
