package org.aifactory.twin.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;

/**
 * Frames per second of the designer while the camera orbits: the window opens on a facility,
 * the camera turns 0.5° per pulse (so every frame is redrawn), and pulses are counted over a
 * measured interval after a warm-up (pulses equal rendered frames on this pipeline:
 * ../shared/recipes/javafx-3d-at-scale.md §1). Then the same window is measured once more with
 * the 3D view hidden and only a 4 px marker changing each pulse: what presenting the window
 * costs by itself, a ceiling that no saving inside the 3D view can lift. A measurement, not a
 * test: it asserts nothing.
 */
public final class FpsBench {
    private static final double ORBIT_DEG_PER_PULSE = 0.5;
    /** Side of the marker that changes each pulse while the window alone is measured, px. */
    static final double MARKER_PX = 4;

    /**
     * @param loadAndDrawMs from opening the window to the first drawn model, ms
     * @param fps rendered frames per second while orbiting
     * @param cpuMsPerFrame CPU time the whole process (FX thread, renderer and Mesa's rasteriser
     *     threads) spent per frame, ms: what a frame costs, less sensitive than fps to other load
     *     on the machine
     * @param view3dWidthPx width of the 3D view in the window, px
     * @param view3dHeightPx height of the 3D view in the window, px
     * @param windowOnlyFps frames per second of the same window with the 3D view hidden and only
     *     a 4 px marker redrawn each pulse: the cost of presenting the window by itself
     * @param windowOnlyCpuMsPerFrame CPU time per frame of that window-only measurement, ms
     */
    public record Result(
            String name,
            int racks,
            int widthPx,
            int heightPx,
            long loadAndDrawMs,
            double fps,
            double measuredS,
            double cpuMsPerFrame,
            int view3dWidthPx,
            int view3dHeightPx,
            double windowOnlyFps,
            double windowOnlyCpuMsPerFrame) {}

    /** Frames counted over an interval and the process CPU time they took. */
    private record Rate(double fps, double seconds, double cpuMsPerFrame) {}

    private FpsBench() {}

    /**
     * Opens a window of {@code widthPx} x {@code heightPx} on {@code facility} (the size is applied
     * after the window has sized itself to its scene); call off the FX thread. {@code
     * windowOnlyS} seconds (0: skip) measure the window with the 3D view hidden.
     */
    public static Result run(
            Facility facility,
            String name,
            int widthPx,
            int heightPx,
            double warmupS,
            double measureS,
            double windowOnlyS)
            throws InterruptedException {
        OffscreenRenderer.startToolkit();
        long t0 = System.nanoTime();
        CompletableFuture<DesignerWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            DesignerWindow w = DesignerWindow.showOn(stage, facility, name);
            // The window sizes itself to its scene when it opens: the size asked for comes after.
            stage.setWidth(widthPx);
            stage.setHeight(heightPx);
            opened.complete(w);
        });
        DesignerWindow window = opened.join();
        while (onFx(window::isLoading)) {
            Thread.sleep(20);
        }
        long loadAndDrawMs = (System.nanoTime() - t0) / 1_000_000;
        Rate orbiting = measure(() -> window.view3d().camera().orbit(ORBIT_DEG_PER_PULSE, 0), warmupS, measureS);
        int[] view = onFx(() -> new int[] {
            (int) Math.round(window.subScene().getWidth()),
            (int) Math.round(window.subScene().getHeight())
        });
        Rate windowOnly = new Rate(Double.NaN, 0, Double.NaN);
        if (windowOnlyS > 0) {
            Rectangle marker = new Rectangle(MARKER_PX, MARKER_PX);
            marker.setManaged(false);
            marker.setMouseTransparent(true);
            onFx(() -> {
                window.subScene().setVisible(false);
                ((Pane) window.view3d().node()).getChildren().add(marker);
                return null;
            });
            long[] n = {0};
            windowOnly = measure(() -> marker.setFill(++n[0] % 2 == 0 ? Color.BLACK : Color.WHITE), 1, windowOnlyS);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.stage().close();
            closed.complete(null);
        });
        closed.join();
        return new Result(
                name,
                facility.racks().size(),
                onFx(() -> (int) Math.round(window.stage().getWidth())),
                onFx(() -> (int) Math.round(window.stage().getHeight())),
                loadAndDrawMs,
                orbiting.fps(),
                orbiting.seconds(),
                orbiting.cpuMsPerFrame(),
                view[0],
                view[1],
                windowOnly.fps(),
                windowOnly.cpuMsPerFrame());
    }

    /** Runs {@code eachPulse} on every pulse; counts pulses over {@code measureS} after {@code warmupS}. */
    private static Rate measure(Runnable eachPulse, double warmupS, double measureS) throws InterruptedException {
        AtomicLong pulses = new AtomicLong();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                eachPulse.run();
                pulses.incrementAndGet();
            }
        };
        Platform.runLater(timer::start);
        Thread.sleep((long) (warmupS * 1000));
        long p0 = pulses.get();
        long s0 = System.nanoTime();
        long c0 = processCpuNanos();
        Thread.sleep((long) (measureS * 1000));
        long frames = pulses.get() - p0;
        double seconds = (System.nanoTime() - s0) / 1e9;
        double cpuMsPerFrame = frames == 0 ? Double.NaN : (processCpuNanos() - c0) / 1e6 / frames;
        onFx(() -> {
            timer.stop();
            return null;
        });
        return new Rate(frames / seconds, seconds, cpuMsPerFrame);
    }

    /** CPU time of the whole process so far, ns; -1 where the JVM does not say. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
