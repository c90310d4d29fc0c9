package org.aifactory.twin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TwinCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sample(Samples s) throws Exception {
        Path file = dir.resolve(s.fileName());
        Files.write(file, s.bytes());
        return file;
    }

    @Test
    void benchTimesOneAnalysisColdAndWarm() {
        Run r = run("bench", "--analysis", "network", "--racks", "16", "--rounds", "1", "--warmup", "0");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("[network]")
                .contains("per analysis, first round (cold) / median (warm), ms: network ");
    }

    @Test
    void benchRejectsAnUnknownAnalysis() {
        Run r = run("bench", "--analysis", "nope", "--racks", "8", "--rounds", "1", "--warmup", "0");
        assertThat(r.exit()).isEqualTo(TwinCommand.EXIT_INVALID);
        assertThat(r.err()).contains("no analysis named 'nope'").contains("network");
    }

    @Test
    void validSampleExitsZero() throws Exception {
        Run r = run("validate", sample(Samples.SCALABLE_UNIT).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("8 GPU racks, 576 GPUs").contains("OK: no violations");
    }

    @Test
    void jsonReportHasFacilityFindingsAndAnalyses() throws Exception {
        Run r = run("validate", sample(Samples.SCALABLE_UNIT).toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = TwinJson.mapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("facility", "findings", "analyses");
        assertThat(json.get("facility").get("gpus").asInt()).isEqualTo(576);
        assertThat(json.get("findings").isArray()).isTrue();
        assertThat(json.get("analyses").get("probe").get("racks").asInt()).isEqualTo(10);
    }

    @Test
    void designViolationsExitOneAndAreListed() throws Exception {
        Facility f = Samples.LAB.load();
        f = f.withSite(new Site(ProbeAnalysis.TRIGGER, 0, 30, 20, 400, 80));
        Path file = dir.resolve("violating.json");
        FacilityWriter.write(f, file);
        Run r = run("validate", file.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode finding = null;
        for (JsonNode candidate : TwinJson.mapper().readTree(r.out()).get("findings")) {
            if (candidate.get("code").asText().equals("PROBE_VIOLATION")) {
                finding = candidate;
            }
        }
        assertThat(finding).as("the probe's finding").isNotNull();
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("code").asText()).isEqualTo("PROBE_VIOLATION");
        assertThat(finding.get("element").asText()).isEqualTo("rack-1");
        assertThat(finding.get("message").asText()).isNotBlank();
    }

    @Test
    void invalidFileExitsTwoWithLocatedProblemsAndNoStackTrace() throws Exception {
        Path file = dir.resolve("broken.json");
        String text =
                new String(Samples.LAB.bytes(), StandardCharsets.UTF_8).replace("\"gb200-nvl72\"", "\"no-such-rack\"");
        Files.writeString(file, text);
        Run r = run("validate", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(file + ":")
                .contains("rack type 'no-such-rack' does not exist")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void invalidFileWithJsonPrintsProblemsAsJson() throws Exception {
        Path file = dir.resolve("syntax.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"site\": {\n}}}");
        Run r = run("validate", file.toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        JsonNode problem = TwinJson.mapper().readTree(r.out()).get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("message").asText()).startsWith("invalid JSON");
    }

    private static String year(double dryBulbC, double wetBulbC) {
        StringBuilder b = new StringBuilder("dryBulbC,wetBulbC\n");
        for (int h = 0; h < 8760; h++) {
            b.append(dryBulbC).append(',').append(wetBulbC).append('\n');
        }
        return b.toString();
    }

    @Test
    void climateCsvFeedsTheThermalAnalysis() throws Exception {
        Path csv = dir.resolve("site-year.csv");
        Files.writeString(csv, year(20, 15));
        Run r = run("validate", sample(Samples.LAB).toString(), "--climate", csv.toString(), "--json");
        JsonNode json = TwinJson.mapper().readTree(r.out());
        assertThat(json.get("analyses")
                        .get("thermal")
                        .get("annualAmbientSource")
                        .asText())
                .isEqualTo("site-year.csv");
        // the same named by the facility itself, relative to its file
        Facility f = Samples.LAB.load();
        Path file = dir.resolve("lab-with-climate.json");
        FacilityWriter.write(f.withSite(f.site().withClimateFile("site-year.csv")), file);
        Run viaSite = run("validate", file.toString());
        assertThat(viaSite.out()).contains("hourly climate: site-year.csv");
        Run json2 = run("validate", file.toString(), "--json");
        assertThat(TwinJson.mapper()
                        .readTree(json2.out())
                        .get("analyses")
                        .get("thermal")
                        .get("pueAnnual")
                        .asDouble())
                .isEqualTo(json.get("analyses").get("thermal").get("pueAnnual").asDouble());
    }

    @Test
    void badClimateCsvExitsTwoWithLocatedProblems() throws Exception {
        Path csv = dir.resolve("bad-year.csv");
        Files.writeString(csv, "dryBulbC,wetBulbC\n20,15\n10,12\nhot,15\n");
        Run r = run("validate", sample(Samples.LAB).toString(), "--climate", csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(csv + " is invalid: 3 problems")
                .contains(csv + ":3:4: wetBulbC (12 °C) is above dryBulbC (10 °C)")
                .contains(csv + ":4:1: dryBulbC ('hot') is not a number")
                .contains("3 data rows, expected 8,760")
                .doesNotContain("Exception");
        Facility f = Samples.LAB.load();
        Path file = dir.resolve("lab-missing-climate.json");
        FacilityWriter.write(f.withSite(f.site().withClimateFile("nowhere.csv")), file);
        Run missing = run("validate", file.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("/site/climateFile").contains("climateFile 'nowhere.csv' not found");
    }

    @Test
    void missingFileExitsTwo() {
        Run r = run("validate", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("file not found");
    }

    @Test
    void badUsageExitsTwoWithAHint() {
        Run r = run("validate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter").contains("--help");
    }

    @Test
    void generatesACampusThatValidates() throws Exception {
        Path out = dir.resolve("campus.json");
        Run r = run("generate", "campus", "--racks", "300", "--out", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(FacilityReader.withBuiltInCatalog().read(out).racks()).hasSizeGreaterThan(300);
        assertThat(run("validate", out.toString()).exit()).isZero();
    }

    @Test
    void emulatePrintsTheServingFiguresAsJson() throws Exception {
        Run r = run("emulate", sample(Samples.LAB).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = TwinJson.mapper().readTree(r.out());
        assertThat(json.toString())
                .contains("tokensPerSecond")
                .contains("ttftP99Ms")
                .contains("sloMet");
    }

    /** The sales engineer's answer: racks and MW for the file's traffic at its SLOs. */
    @Test
    void emulateSizeSaysHowManyRacksTheTrafficNeeds() throws Exception {
        Run r = run("emulate", sample(Samples.SCALABLE_UNIT).toString(), "--size");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("needs \\d+ racks? of gb200-nvl72, [0-9.]+ MW IT");
    }

    /** The SLA planner scales the SU's 144 replicas down to what 400 req/s needs and says what it saved. */
    @Test
    void emulatePlannerReportsReplicasOverTimeAndGpuHoursSaved() throws Exception {
        Run r = run(
                "emulate",
                sample(Samples.SCALABLE_UNIT).toString(),
                "--planner",
                "--requests",
                "100000",
                "--workers",
                "16");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("planner: [0-9.,]+ GPU-hours held of [0-9.,]+ static \\([0-9.,]+ saved\\)")
                .contains("replicas over time")
                .contains("tokens per joule");
        Run j = run(
                "emulate",
                sample(Samples.SCALABLE_UNIT).toString(),
                "--planner",
                "--requests",
                "100000",
                "--workers",
                "16",
                "--json");
        JsonNode d = TwinJson.mapper()
                .readTree(j.out())
                .get("serving")
                .get("deployments")
                .get(0);
        assertThat(d.get("autoscaled").asBoolean()).isTrue();
        assertThat(d.get("gpuHoursSaved").asDouble()).isPositive();
        assertThat(d.get("planner").size()).isPositive();
    }

    @Test
    void emulateRejectsAnInvalidFileWithExitTwo() {
        assertThat(run("emulate", dir.resolve("missing.json").toString()).exit())
                .isEqualTo(2);
    }

    @Test
    void generateRejectsAbsurdRackCounts() {
        assertThat(run(
                                "generate",
                                "campus",
                                "--racks",
                                "0",
                                "--out",
                                dir.resolve("x.json").toString())
                        .exit())
                .isEqualTo(2);
    }
}
