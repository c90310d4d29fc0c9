package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.BoundingBox;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.analysis.OverlayKind;
import org.aifactory.twin.ui.scene.CameraPreset;
import org.aifactory.twin.ui.scene.ItemCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code twin render}'s engine: the 3D view drawn without a window, written as PNG. */
@ExtendWith(ApplicationExtension.class)
class OffscreenRendererTest {

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
    }

    @Test
    void drawsTheFacilityAtTheAskedSize() throws Exception {
        Path out = FxTesting.SCREENSHOTS.resolve("render-su-8-racks-iso.png");
        OffscreenRenderer.Result r = OffscreenRenderer.render(
                Samples.SCALABLE_UNIT.load(),
                new OffscreenRenderer.Options(900, 560, OverlayKind.NONE, CameraPreset.ISO),
                out);
        assertThat(r.note()).isNull();
        Image png = new Image(out.toUri().toString());
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(png.getHeight()).isEqualTo(560);
        WritableImage pixels = new WritableImage(png.getPixelReader(), 900, 560);
        assertThat(FxTesting.countColour(
                        pixels, new BoundingBox(0, 0, 900, 560), null, ItemCategory.GB200.colour(), 12))
                .isGreaterThan(300);
    }

    @Test
    void thermalOverlayFromTheTopAndANoteWhenThereIsNoNetworkAnalysis() throws Exception {
        Path out = FxTesting.SCREENSHOTS.resolve("render-su-8-racks-thermal-top.png");
        OffscreenRenderer.Result r = OffscreenRenderer.render(
                Samples.SCALABLE_UNIT.load(),
                new OffscreenRenderer.Options(1000, 700, OverlayKind.THERMAL, CameraPreset.TOP),
                out);
        assertThat(r.note()).isNull();
        assertThat(out).exists();
        OffscreenRenderer.Result network = OffscreenRenderer.render(
                Samples.SCALABLE_UNIT.load(),
                new OffscreenRenderer.Options(600, 400, OverlayKind.NETWORK, CameraPreset.FRONT),
                FxTesting.SCREENSHOTS.resolve("render-su-8-racks-network.png"));
        assertThat(network.note()).isEqualTo("no network analysis yet.");
    }
}
