package org.aifactory.twin.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.samples.FacilityGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a generated facility: lab (1 rack), su (8 racks), hall (~100 MW, 640 racks) or campus (--racks N).",
            "Deterministic: the same arguments always give the same file."
        })
final class GenerateCommand implements Callable<Integer> {
    enum Kind {
        lab,
        su,
        hall,
        campus
    }

    @Parameters(paramLabel = "KIND", description = "lab, su, hall or campus")
    Kind kind;

    @Option(
            names = "--racks",
            defaultValue = "8000",
            description = "GPU racks of a campus (default ${DEFAULT-VALUE}: ~1 GW)")
    int racks;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the facility")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (kind == Kind.campus && (racks < 1 || racks > 200_000)) {
            spec.commandLine()
                    .getErr()
                    .printf(Locale.ROOT, "twin: --racks (%d) must be between 1 and 200,000%n", racks);
            return TwinCommand.EXIT_INVALID;
        }
        FacilityGenerator generator = new FacilityGenerator(CatalogIo.builtIn());
        Facility f = switch (kind) {
            case lab -> generator.lab();
            case su -> generator.scalableUnit();
            case hall -> generator.hundredMegawattHall();
            case campus -> generator.campus(racks);
        };
        long t0 = System.nanoTime();
        try {
            FacilityWriter.write(f, out);
        } catch (IOException e) {
            spec.commandLine().getErr().printf(Locale.ROOT, "twin: cannot write %s: %s%n", out, e.getMessage());
            return TwinCommand.EXIT_INVALID;
        }
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "wrote %s: %,d racks in %d halls (%,d ms)%n",
                        out,
                        f.racks().size(),
                        f.halls().size(),
                        (System.nanoTime() - t0) / 1_000_000);
        return TwinCommand.EXIT_OK;
    }
}
