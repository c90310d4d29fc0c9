package org.aifactory.twin.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.Problem;
import org.aifactory.twin.ui.OffscreenRenderer;
import org.aifactory.twin.ui.analysis.OverlayKind;
import org.aifactory.twin.ui.scene.CameraPreset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Draw the designer's 3D view of FILE to a PNG, without a window: for reports, proposals and CI.",
            "Needs a display (under CI: xvfb-run); sets -Dprism.forceGPU=true itself unless given.",
            "Exit 0: written; 2: the file cannot be read or is invalid, or bad options; 3: drawing or writing failed."
        })
final class RenderCommand implements Callable<Integer> {
    /** Overlays {@code --overlay} takes; N-1 needs a component picked by hand, so it is left to the designer. */
    enum Overlay {
        none(OverlayKind.NONE),
        power(OverlayKind.POWER),
        thermal(OverlayKind.THERMAL),
        network(OverlayKind.NETWORK);

        final OverlayKind kind;

        Overlay(OverlayKind kind) {
            this.kind = kind;
        }
    }

    /** Camera presets {@code --camera} takes. */
    enum Camera {
        iso(CameraPreset.ISO),
        top(CameraPreset.TOP),
        front(CameraPreset.FRONT);

        final CameraPreset preset;

        Camera(CameraPreset preset) {
            this.preset = preset;
        }
    }

    @Parameters(paramLabel = "FILE", description = "facility file (.json)")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "the picture to write (.png)")
    Path out;

    @Option(names = "--width", defaultValue = "1600", description = "width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "1000", description = "height in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Option(
            names = "--overlay",
            defaultValue = "none",
            paramLabel = "OVERLAY",
            description = "colour by an analysis: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Overlay overlay;

    @Option(
            names = "--camera",
            defaultValue = "iso",
            paramLabel = "VIEW",
            description = "camera preset: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Camera camera;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OffscreenRenderer.Options options;
        try {
            options = new OffscreenRenderer.Options(width, height, overlay.kind, camera.preset);
        } catch (IllegalArgumentException e) {
            err.println("twin render: " + e.getMessage());
            err.flush();
            return TwinCommand.EXIT_INVALID;
        }
        Facility facility;
        try {
            facility = FacilityReader.withBuiltInCatalog().read(file);
        } catch (FacilityLoadException e) {
            List<Problem> problems = e.problems();
            err.printf(
                    Locale.ROOT,
                    "%s is invalid: %d problem%s%n",
                    file,
                    problems.size(),
                    problems.size() == 1 ? "" : "s");
            problems.forEach(err::println);
            err.flush();
            return TwinCommand.EXIT_INVALID;
        }
        OffscreenRenderer.Result result;
        try {
            result = OffscreenRenderer.render(facility, options, out);
        } catch (IOException e) {
            err.println("twin render: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return TwinCommand.EXIT_INTERNAL;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "wrote %s (%d x %d px, %s view, overlay %s) in %,d ms%n",
                result.file(),
                result.widthPx(),
                result.heightPx(),
                camera,
                overlay,
                result.millis());
        if (result.note() != null) {
            stdout.println("note: " + result.note());
        }
        stdout.flush();
        return TwinCommand.EXIT_OK;
    }
}
