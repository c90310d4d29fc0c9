package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.scene.CameraPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the three sizes of facility at 1600x1000 and saves what the window shows to
 * {@code target/screenshots}; the 8,000-rack campus also checks that a gigawatt design loads
 * in the background task and draws (no timing assertions: the machine's load varies).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        this.stage = stage;
    }

    @Test
    void hundredMegawattHall() throws Exception {
        shoot(Samples.HALL_100MW.load(), Samples.HALL_100MW.fileName(), "designer-hall-100mw");
    }

    @Test
    void scalableUnitFromTheFrontAndTop() throws Exception {
        DesignerWindow window =
                shoot(Samples.SCALABLE_UNIT.load(), Samples.SCALABLE_UNIT.fileName(), "designer-su-8-racks-iso");
        for (CameraPreset preset : List.of(CameraPreset.FRONT, CameraPreset.TOP)) {
            FxTesting.fx(() -> {
                window.view3d().preset(preset);
                return null;
            });
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            FxTesting.savePng(
                    FxTesting.snapshot(stage.getScene()),
                    "designer-su-8-racks-" + preset.label().toLowerCase(Locale.ROOT) + ".png");
        }
    }

    @Test
    void gigawattCampusOf8000RacksOpensFromAFileAndDraws(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        Facility campus = new FacilityGenerator(CatalogIo.builtIn()).campus(8000);
        long generated = (System.nanoTime() - start) / 1_000_000;
        Path file = dir.resolve("campus-8000.json");
        FacilityWriter.write(campus, file);
        DesignerWindow window = FxTesting.fx(() -> DesignerWindow.showOn(stage, file));
        FxTesting.awaitLoaded(window, 240);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "designer-campus-8000.png");
        assertThat(FxTesting.fx(window::drawnRackIds)).hasSize(campus.racks().size());
        assertThat(FxTesting.fx(() -> window.facility().orElseThrow())).isEqualTo(campus);
        LoadedFacility loaded = FxTesting.fx(() -> window.state().loaded().orElseThrow());
        System.out.printf(
                Locale.ROOT,
                "campus: %,d racks in %d halls, %,d bytes of JSON; generated in %,d ms; read+validate+prepare %,d ms, draw %,d ms%n",
                campus.racks().size(),
                campus.halls().size(),
                Files.size(file),
                generated,
                loaded.loadMillis(),
                FxTesting.fx(window::lastDrawMillis));
        FxTesting.fx(() -> {
            window.view3d().preset(CameraPreset.TOP);
            return null;
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        FxTesting.savePng(FxTesting.snapshot(stage.getScene()), "designer-campus-8000-top.png");
    }

    private DesignerWindow shoot(Facility facility, String name, String png) throws Exception {
        DesignerWindow window = FxTesting.fx(() -> DesignerWindow.showOn(stage, facility, name));
        FxTesting.awaitLoaded(window, 240);
        WritableImage image = FxTesting.snapshot(stage.getScene());
        Path file = FxTesting.savePng(image, png + ".png");
        assertThat(image.getWidth()).isEqualTo(DesignerWindow.DEFAULT_WIDTH);
        assertThat(file).exists();
        return window;
    }
}
