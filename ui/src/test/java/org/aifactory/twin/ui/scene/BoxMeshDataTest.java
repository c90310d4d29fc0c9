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
    void eachBoxHasEightCornersTwelveTrianglesAndItsOwnTile() {
        BoxMeshData data = BoxMeshData.of(List.of(A, B), new int[] {0xff00ff00, 0xff0000ff});
        assertThat(data.points()).hasSize(2 * 8 * 3);
        assertThat(data.faces()).hasSize(2 * 12 * 6);
        assertThat(data.smoothingGroups()).hasSize(2 * 12);
        assertThat(data.texCoords()).hasSize(2 * 4 * 2);
        assertThat(data.textureWidth()).isEqualTo(2 * BoxMeshData.TILE);
        assertThat(data.textureHeight()).isEqualTo(BoxMeshData.TILE);
        int[] pixels = data.baseArgb();
        int middle = BoxMeshData.TILE / 2;
        assertThat(pixels[middle * data.textureWidth() + middle]).isEqualTo(0xff00ff00);
        assertThat(pixels[middle * data.textureWidth() + BoxMeshData.TILE + middle]).isEqualTo(0xff0000ff);
        assertThat(pixels[0]).as("rim is darker").isEqualTo(0xff00b700);
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
