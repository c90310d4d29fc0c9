package org.aifactory.twin.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;

/**
 * Frames per second of the designer while the camera orbits: the window opens on a facility,
 * the camera turns 0.5° per pulse (so every frame is redrawn), and pulses are counted over a
 * measured interval after a warm-up (pulses equal rendered frames on this pipeline:
 * ../shared/recipes/javafx-3d-at-scale.md §1). A measurement, not a test: it asserts nothing.
 */
public final class FpsBench {
    private static final double ORBIT_DEG_PER_PULSE = 0.5;

    /**
     * @param loadAndDrawMs from opening the window to the first drawn model, ms
     * @param fps rendered frames per second while orbiting
     * @param cpuMsPerFrame CPU time the whole process (FX thread, renderer and Mesa's rasteriser
     *     threads) spent per frame, ms: what a frame costs, less sensitive than fps to other load
     *     on the machine
     */
    public record Result(
            String name,
            int racks,
            int widthPx,
            int heightPx,
            long loadAndDrawMs,
            double fps,
            double measuredS,
            double cpuMsPerFrame) {}

    private FpsBench() {}

    /** Opens a window of {@code widthPx} x {@code heightPx} on {@code facility}; call off the FX thread. */
    public static Result run(Facility facility, String name, int widthPx, int heightPx, double warmupS, double measureS)
            throws InterruptedException {
        OffscreenRenderer.startToolkit();
        long t0 = System.nanoTime();
        CompletableFuture<DesignerWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(widthPx);
            stage.setHeight(heightPx);
            opened.complete(DesignerWindow.showOn(stage, facility, name));
        });
        DesignerWindow window = opened.join();
        while (onFx(window::isLoading)) {
            Thread.sleep(20);
        }
        long loadAndDrawMs = (System.nanoTime() - t0) / 1_000_000;
        AtomicLong pulses = new AtomicLong();
        AnimationTimer orbit = new AnimationTimer() {
            @Override
            public void handle(long now) {
                window.view3d().camera().orbit(ORBIT_DEG_PER_PULSE, 0);
                pulses.incrementAndGet();
            }
        };
        Platform.runLater(orbit::start);
        Thread.sleep((long) (warmupS * 1000));
        long p0 = pulses.get();
        long s0 = System.nanoTime();
        long c0 = processCpuNanos();
        Thread.sleep((long) (measureS * 1000));
        long frames = pulses.get() - p0;
        double seconds = (System.nanoTime() - s0) / 1e9;
        double cpuMsPerFrame = frames == 0 ? Double.NaN : (processCpuNanos() - c0) / 1e6 / frames;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            orbit.stop();
            window.stage().close();
            closed.complete(null);
        });
        closed.join();
        return new Result(
                name,
                facility.racks().size(),
                widthPx,
                heightPx,
                loadAndDrawMs,
                frames / seconds,
                seconds,
                cpuMsPerFrame);
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
