package org.aifactory.twin.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.aifactory.twin.ui.analysis.OverlayKind;
import org.aifactory.twin.ui.analysis.Overlays;
import org.aifactory.twin.ui.scene.CameraPreset;
import org.aifactory.twin.ui.scene.Facility3DView;
import org.aifactory.twin.ui.scene.SceneColouring;
import org.aifactory.twin.ui.scene.SceneModel;

/**
 * The designer's 3D view of a facility as a PNG, without a window on screen: for reports,
 * proposals and CI ({@code twin render}). It needs a display (Xvfb will do) and starts the JavaFX
 * toolkit itself, with {@code prism.forceGPU=true} unless set, since Mesa's software OpenGL
 * otherwise draws no 3D at all. Analyses run on the calling thread, drawing on the FX thread.
 */
public final class OffscreenRenderer {
    /** The longest the FX thread may take to draw one picture, s. */
    static final long RENDER_TIMEOUT_S = 300;
    /** Largest picture side, px: beyond this, textures and snapshots exhaust memory. */
    public static final int MAX_SIDE_PX = 8192;

    /**
     * What to draw.
     *
     * @param widthPx picture width, px
     * @param heightPx picture height, px
     */
    public record Options(int widthPx, int heightPx, OverlayKind overlay, CameraPreset camera) {
        public Options {
            if (widthPx < 16 || widthPx > MAX_SIDE_PX || heightPx < 16 || heightPx > MAX_SIDE_PX) {
                throw new IllegalArgumentException(String.format(
                        "The picture size (%d x %d px) must be 16 to %d px per side.", widthPx, heightPx, MAX_SIDE_PX));
            }
            overlay = overlay == null ? OverlayKind.NONE : overlay;
            camera = camera == null ? CameraPreset.ISO : camera;
        }
    }

    /**
     * What was drawn.
     *
     * @param note what the overlay's legend says when it has no data to show (e.g. "no network
     *     analysis yet."), else null
     * @param millis wall time of analysing and drawing, ms
     */
    public record Result(Path file, int widthPx, int heightPx, String note, long millis) {}

    private OffscreenRenderer() {}

    /** Starts the JavaFX toolkit once per JVM, forcing the GPU pipeline unless told otherwise. */
    public static synchronized void startToolkit() {
        if (System.getProperty("prism.forceGPU") == null) {
            System.setProperty("prism.forceGPU", "true");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.join();
        Platform.setImplicitExit(false);
    }

    /** Draws {@code facility} as {@code options} say and writes the PNG to {@code out}. Not on the FX thread. */
    public static Result render(Facility facility, Options options, Path out) throws IOException {
        long t0 = System.nanoTime();
        // First: even Platform.isFxApplicationThread() loads the toolkit, and with it the prism settings.
        startToolkit();
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("render waits for the FX thread: call it from another thread");
        }
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            throw new IOException(
                    "JavaFX draws no 3D here (it fell back to its software 2D pipeline). Run under a display with"
                            + " OpenGL (xvfb-run will do) and without -Dprism.forceGPU=false.");
        }
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), facility.catalog());
        SceneModel model = SceneModel.build(facility, catalog);
        AnalysisResults results = options.overlay() == OverlayKind.NONE ? null : AnalysisResults.run(facility);
        SceneColouring colouring = Overlays.colouring(options.overlay(), facility, results, null);
        WritableImage image = onFxThread(() -> draw(model, colouring, options));
        PngWriter.write(image, out);
        String note = colouring == null || !colouring.colours().isEmpty() ? null : colouring.note();
        return new Result(out, options.widthPx(), options.heightPx(), note, (System.nanoTime() - t0) / 1_000_000);
    }

    private static WritableImage draw(SceneModel model, SceneColouring colouring, Options options) {
        Facility3DView view = new Facility3DView();
        StackPane root = new StackPane(view.node());
        Scene scene = new Scene(root, options.widthPx(), options.heightPx());
        // A stage that is never shown: the scene gets a window (and so a full layout) without a flash on screen.
        Stage stage = new Stage();
        stage.setScene(scene);
        view.legend().setShowsSelection(false);
        view.colour(colouring);
        view.show(model);
        for (int pass = 0; pass < 2; pass++) { // the second pass places the legend's ticks, measured in the first
            root.applyCss();
            root.layout();
        }
        view.preset(options.camera());
        return scene.snapshot(null);
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFxThread(FxCall<T> call) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(RENDER_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing", e);
        } catch (TimeoutException e) {
            throw new IOException("drawing took longer than " + RENDER_TIMEOUT_S + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("drawing failed: " + cause, cause);
        }
    }
}
