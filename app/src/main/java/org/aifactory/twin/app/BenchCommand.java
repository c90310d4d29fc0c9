package org.aifactory.twin.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.power.ContingencyTiming;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.FpsBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures what scale costs: generate, save (atomic), load (parse, bind, validate) and the
 * analysis pipeline on a generated campus. Prints medians over the measured rounds after warm-up
 * rounds; nothing is asserted (speed is never a unit-test assertion).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Time generate, save, load+validate and the analyses on a generated campus (default 8,000 racks).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--racks", defaultValue = "8000", description = "GPU racks (default ${DEFAULT-VALUE})")
    int racks;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up rounds (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--fps",
            description = "instead: frames per second of the designer orbiting the SU sample and the campus"
                    + " (needs a display, e.g. xvfb-run)")
    boolean fps;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "with --fps: measured seconds per facility, after 3 s warm-up")
    double seconds;

    @Option(
            names = "--width",
            defaultValue = "1600",
            description = "with --fps: window width, px (default ${DEFAULT-VALUE}, the designer's own)")
    int widthPx;

    @Option(
            names = "--height",
            defaultValue = "1000",
            description = "with --fps: window height, px (default ${DEFAULT-VALUE}, the designer's own)")
    int heightPx;

    @Option(
            names = "--analysis",
            paramLabel = "NAME",
            description = "time only this analysis (e.g. network) instead of all of them")
    String analysis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, FacilityLoadException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (fps) {
            return fps(out);
        }
        Path file = Files.createTempFile("twin-bench-", ".json");
        try {
            FacilityGenerator generator = new FacilityGenerator(CatalogIo.builtIn());
            FacilityReader reader = FacilityReader.withBuiltInCatalog();
            AnalysisPipeline pipeline = pipeline();
            if (pipeline.names().isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("no analysis named '" + analysis + "'; known: "
                                + AnalysisPipeline.discover().names());
                return TwinCommand.EXIT_INVALID;
            }
            int n = warmup + rounds;
            double[] gen = new double[n];
            double[] save = new double[n];
            double[] load = new double[n];
            double[] analyse = new double[n];
            double[] nMinus1 = new double[n];
            Map<String, double[]> perAnalysis = new LinkedHashMap<>();
            int cases = 0;
            Facility f = null;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                f = generator.campus(racks);
                long t1 = System.nanoTime();
                FacilityWriter.write(f, file);
                long t2 = System.nanoTime();
                Facility loaded = reader.read(file);
                long t3 = System.nanoTime();
                AnalysisPipeline.Outcome outcome = pipeline.run(loaded);
                long t4 = System.nanoTime();
                final int round = i;
                outcome.millis()
                        .forEach((name, ms) -> perAnalysis.computeIfAbsent(name, k -> new double[n])[round] = ms);
                if (pipeline.names().contains("power")) {
                    ContingencyTiming.Result n1 =
                            ContingencyTiming.run(loaded, new CatalogIndex(CatalogIo.builtIn(), loaded.catalog()));
                    nMinus1[i] = n1.nanos() / 1e6;
                    cases = n1.cases();
                }
                gen[i] = (t1 - t0) / 1e6;
                save[i] = (t2 - t1) / 1e6;
                load[i] = (t3 - t2) / 1e6;
                analyse[i] = (t4 - t3) / 1e6;
            }
            out.printf(
                    Locale.ROOT,
                    "campus: %,d GPU racks, %,d racks in all, %d halls, file %,d bytes; %d cores, max heap %,d MB%n",
                    racks,
                    f.racks().size(),
                    f.halls().size(),
                    Files.size(file),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.printf(
                    Locale.ROOT,
                    "median of %d rounds after %d warm-up (ms): generate %.0f, save %.0f, load+validate %.0f, analyses %.0f %s%n",
                    rounds,
                    warmup,
                    median(gen),
                    median(save),
                    median(load),
                    median(analyse),
                    pipeline.names());
            out.printf(
                    Locale.ROOT,
                    "load+validate per 1,000 racks: %.0f ms; first (cold) load: %.0f ms%n",
                    median(load) * 1000 / f.racks().size(),
                    load[0]);
            StringBuilder each = new StringBuilder();
            perAnalysis.forEach((name, ms) -> each.append(String.format(
                    Locale.ROOT,
                    " %s %.0f/%.0f (%.0f per 1,000 racks)",
                    name,
                    ms[0],
                    median(ms),
                    median(ms) * 1000 / racks)));
            out.printf(Locale.ROOT, "per analysis, first round (cold) / median (warm), ms:%s%n", each);
            if (cases > 0) {
                out.printf(
                        Locale.ROOT,
                        "power N-1, all %,d single failures (incremental): median %.1f ms, first (cold) %.1f ms%n",
                        cases,
                        median(nMinus1),
                        nMinus1[0]);
            }
            return TwinCommand.EXIT_OK;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The designer (1600 x 1000 unless --width/--height) on the 8-rack sample and on the campus, orbiting (issue 7: 30 and 10 fps). */
    private int fps(PrintWriter out) throws InterruptedException {
        if (widthPx < 320 || heightPx < 240 || widthPx > 7680 || heightPx > 4320) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    String.format(
                            Locale.ROOT,
                            "--width %d --height %d: the window must be 320 x 240 to 7680 x 4320 px",
                            widthPx,
                            heightPx));
        }
        Facility su = Samples.SCALABLE_UNIT.load();
        Facility campus = new FacilityGenerator(CatalogIo.builtIn()).campus(racks);
        // The window alone (3D view hidden) is measured for half as long: it only shows the ceiling.
        double windowOnlyS = Math.max(2, seconds / 2);
        for (FpsBench.Result r : List.of(
                FpsBench.run(su, Samples.SCALABLE_UNIT.fileName(), widthPx, heightPx, 3, seconds, windowOnlyS),
                FpsBench.run(campus, "campus-" + racks + ".json", widthPx, heightPx, 3, seconds, windowOnlyS))) {
            out.printf(
                    Locale.ROOT,
                    "%s: %,d racks, window %d x %d: opened and drawn in %,d ms; %.1f fps orbiting (%.1f s measured),"
                            + " %.0f ms CPU per frame; load average %.2f;"
                            + " 3D view %d x %d px, full resolution; window alone (3D view hidden,"
                            + " a 4 px marker redrawn): %.1f fps, %.0f ms CPU per frame%n",
                    r.name(),
                    r.racks(),
                    r.widthPx(),
                    r.heightPx(),
                    r.loadAndDrawMs(),
                    r.fps(),
                    r.measuredS(),
                    r.cpuMsPerFrame(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(),
                    r.view3dWidthPx(),
                    r.view3dHeightPx(),
                    r.windowOnlyFps(),
                    r.windowOnlyCpuMsPerFrame());
            out.flush();
        }
        return TwinCommand.EXIT_OK;
    }

    /** All discovered analyses, or only the one named by {@code --analysis} (empty if none has that name). */
    private AnalysisPipeline pipeline() {
        if (analysis == null) {
            return AnalysisPipeline.discover();
        }
        List<org.aifactory.twin.model.analysis.FacilityAnalysis> found = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(org.aifactory.twin.model.analysis.FacilityAnalysis.class)
                .forEach(a -> {
                    if (a.name().equals(analysis)) {
                        found.add(a);
                    }
                });
        return new AnalysisPipeline(found);
    }

    private double median(double[] all) {
        double[] measured = Arrays.copyOfRange(all, warmup, all.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
