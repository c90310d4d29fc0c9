package org.aifactory.twin.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.HourlyClimateFact;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.io.ClimateCsvReader;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.Problem;
import org.aifactory.twin.model.io.TwinJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Load FILE, check it, run every analysis the solver modules provide, and print a report.",
            "Exit 0: no violations; 1: the design has violations; 2: the file cannot be read or is invalid."
        })
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "facility file (.json)")
    Path file;

    @Option(names = "--json", description = "print one JSON object: {facility, findings, analyses}")
    boolean json;

    @Option(
            names = "--climate",
            paramLabel = "CSV",
            description = {
                "hourly ambient year for the annual figures (pueAnnual): "
                        + "8,760 rows of dry bulb and wet bulb, °C (columns dryBulbC,wetBulbC by name, or the first two; # comments); "
                        + "overrides the site's climateFile. Without either, the site's synthetic climate (docs/thermal.md)"
            })
    Path climate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Facility facility;
        try {
            facility = FacilityReader.withBuiltInCatalog().read(file);
        } catch (FacilityLoadException e) {
            reportProblems(file.toString(), e.problems(), out);
            return TwinCommand.EXIT_INVALID;
        }
        Optional<HourlyClimateFact> year;
        try {
            year = climate != null
                    ? Optional.of(ClimateCsvReader.read(climate))
                    : ClimateCsvReader.forFacility(facility, file);
        } catch (FacilityLoadException e) {
            reportProblems(climate != null ? climate.toString() : file + " (site climateFile)", e.problems(), out);
            return TwinCommand.EXIT_INVALID;
        }
        long loadedMs = (System.nanoTime() - t0) / 1_000_000;
        AnalysisPipeline pipeline = AnalysisPipeline.discover();
        AnalysisPipeline.Outcome outcome =
                pipeline.run(facility, year.<List<Object>>map(List::of).orElse(List.of()));
        boolean violations = outcome.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        FacilitySummary summary = FacilitySummary.of(facility, file.toString());
        if (json) {
            printJson(new ValidationReport(summary, outcome.findings(), outcome.reports()), out);
        } else {
            printText(
                    summary,
                    outcome,
                    pipeline.names(),
                    loadedMs,
                    year.map(HourlyClimateFact::source).orElse(null),
                    out);
        }
        out.flush();
        return violations ? TwinCommand.EXIT_VIOLATIONS : TwinCommand.EXIT_OK;
    }

    private void reportProblems(String name, List<Problem> problems, PrintWriter out) {
        if (json) {
            printJson(new InvalidFileReport(name, problems), out);
            out.flush();
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(
                    Locale.ROOT,
                    "%s is invalid: %d problem%s%n",
                    name,
                    problems.size(),
                    problems.size() == 1 ? "" : "s");
            problems.forEach(err::println);
            err.flush();
        }
    }

    /** {@code validate --json} for a file that loaded: always these three fields, in this order. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ValidationReport(FacilitySummary facility, List<Finding> findings, Map<String, Object> analyses) {}

    /** {@code validate --json} for a file that cannot be loaded. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InvalidFileReport(String file, List<Problem> problems) {}

    private static void printJson(Object report, PrintWriter out) {
        try {
            out.println(TwinJson.prettyWriter().writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printText(
            FacilitySummary s,
            AnalysisPipeline.Outcome outcome,
            List<String> analyses,
            long loadedMs,
            String climateSource,
            PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %s%n", s.file(), s.name());
        out.printf(
                Locale.ROOT,
                "  %d hall%s, %,d racks (%,d GPU racks, %,d GPUs), %,.0f kW of rack power%n",
                s.halls(),
                s.halls() == 1 ? "" : "s",
                s.racks(),
                s.gpuRacks(),
                s.gpus(),
                s.rackPowerKw());
        out.printf(
                Locale.ROOT,
                "  %d power nodes, %d CDUs, %d fabrics, %d deployments%n",
                s.powerNodes(),
                s.cdus(),
                s.fabrics(),
                s.deployments());
        out.printf(Locale.ROOT, "  loaded and checked in %,d ms%n", loadedMs);
        if (climateSource != null) {
            out.printf(Locale.ROOT, "  hourly climate: %s%n", climateSource);
        }
        if (analyses.isEmpty()) {
            out.println("  analyses: none installed (thermal, power, network and serving arrive with their solvers)");
        } else {
            outcome.millis().forEach((name, ms) -> out.printf(Locale.ROOT, "  analysis %s: %,d ms%n", name, ms));
        }
        FindingLines.print(out, outcome.findings());
        long errors = outcome.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .count();
        out.println(errors == 0 ? "OK: no violations" : errors + " violation" + (errors == 1 ? "" : "s"));
    }
}
