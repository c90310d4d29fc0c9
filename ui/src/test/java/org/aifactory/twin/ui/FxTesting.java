package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers shared by the TestFX tests: the 3D guard, waiting for loads, screenshots and pixel counts. */
final class FxTesting {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private FxTesting() {}

    /** Fails when JavaFX fell back to its 2D software pipeline, where 3D draws nothing but tests still pass. */
    static void require3d() {
        if (Boolean.getBoolean("twin.require3d")) {
            assertThat(Platform.isSupported(ConditionalFeature.SCENE3D))
                    .as("JavaFX fell back to software 2D: no 3D is drawn (under Xvfb run with -Dprism.forceGPU=true)")
                    .isTrue();
        }
    }

    /** Runs {@code call} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Waits until the window has drawn what it was loading. */
    static void awaitLoaded(DesignerWindow window, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(() -> !window.isLoading()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static WritableImage snapshot(Scene scene) {
        return fx(() -> scene.snapshot(null));
    }

    /** Writes a JavaFX image as PNG by copying its pixels (no javafx-swing needed). */
    static Path savePng(javafx.scene.image.Image image, String fileName) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(fileName);
        ImageIO.write(out, "png", file.toFile());
        return file;
    }

    /** Bounds of a node in scene coordinates (= snapshot pixels). */
    static Bounds sceneBounds(Node node) {
        return fx(() -> node.localToScene(node.getBoundsInLocal()));
    }

    /**
     * Counts pixels inside {@code area} but outside {@code excluded} that look like {@code colour}
     * under any lighting: the same hue (within {@code hueToleranceDeg}) and roughly the same
     * saturation, not too dark.
     */
    static int countColour(WritableImage image, Bounds area, Bounds excluded, Color colour, double hueToleranceDeg) {
        PixelReader pixels = image.getPixelReader();
        int count = 0;
        int x0 = (int) Math.max(0, area.getMinX());
        int y0 = (int) Math.max(0, area.getMinY());
        int x1 = (int) Math.min(image.getWidth(), area.getMaxX());
        int y1 = (int) Math.min(image.getHeight(), area.getMaxY());
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (excluded != null && excluded.contains(x + 0.5, y + 0.5)) {
                    continue;
                }
                Color c = pixels.getColor(x, y);
                double dh = Math.abs(c.getHue() - colour.getHue());
                dh = Math.min(dh, 360 - dh);
                if (dh <= hueToleranceDeg
                        && Math.abs(c.getSaturation() - colour.getSaturation()) < 0.2
                        && c.getBrightness() > 0.25) {
                    count++;
                }
            }
        }
        return count;
    }
}
