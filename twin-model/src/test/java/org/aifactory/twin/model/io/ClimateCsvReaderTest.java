package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TestFacilities;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.HourlyClimateFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hourly climate CSV: every bad row located (file, line, column), the year handed to the analyses. */
class ClimateCsvReaderTest {

    /** 8,760 rows: a comment, a header with a timestamp and the two columns in the other order. */
    static String year(double dryBulbC, double wetBulbC) {
        StringBuilder b = new StringBuilder("# test year\nhour,wetBulbC,dryBulbC\n");
        for (int h = 0; h < HourlyClimateFact.HOURS; h++) {
            b.append(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", h, wetBulbC, dryBulbC + h % 24));
        }
        return b.toString();
    }

    private static List<Problem> problems(String text) {
        FacilityLoadException e = catchThrowableOfType(
                FacilityLoadException.class, () -> ClimateCsvReader.read("bad.csv", "bad.csv", new StringReader(text)));
        assertThat(e).as("expected the CSV to be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void namedColumnsInAnyOrderWithATimestamp() throws Exception {
        HourlyClimateFact c = ClimateCsvReader.read("y.csv", "y.csv", new StringReader(year(10, 8)));
        assertThat(c.source()).isEqualTo("y.csv");
        assertThat(c.dryBulbC()[25]).isEqualTo(11);
        assertThat(c.wetBulbC()[8759]).isEqualTo(8);
    }

    @Test
    void withoutAHeaderTheFirstTwoColumnsAreDryThenWetBulb() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int h = 0; h < HourlyClimateFact.HOURS; h++) {
            b.append(h % 24).append(", ").append(h % 24 - 3).append('\n');
        }
        HourlyClimateFact c = ClimateCsvReader.read("p.csv", "p.csv", new StringReader(b.toString()));
        assertThat(c.dryBulbC()[25]).isEqualTo(1);
        assertThat(c.wetBulbC()[25]).isEqualTo(-2);
    }

    @Test
    void everyBadRowIsLocatedAndReportedAtOnce() {
        String text = "dryBulbC,wetBulbC\n20,15\nwarm,15\n10, 12\n95,20\n20\n";
        List<Problem> p = problems(text);
        assertThat(p)
                .extracting(Problem::toString)
                .containsExactly(
                        "bad.csv:3:1: dryBulbC ('warm') is not a number",
                        "bad.csv:4:5: wetBulbC (12 °C) is above dryBulbC (10 °C) in hour 2; the wet bulb cannot exceed the dry bulb. "
                                + "Maybe the columns are swapped?",
                        "bad.csv:5:1: dryBulbC (95) is outside -90..70 °C. Maybe Fahrenheit or Kelvin?",
                        "bad.csv:6:0: wetBulbC (column 2) is missing: the row has 1 column(s)",
                        "bad.csv: 5 data rows, expected 8,760 (one per hour of a 365-day year, 1 January 00:00 first)");
    }

    @Test
    void aLeapYearIsRefusedWithAHint() {
        StringBuilder b = new StringBuilder();
        for (int h = 0; h < HourlyClimateFact.HOURS + 24; h++) {
            b.append("20,15\n");
        }
        assertThat(problems(b.toString()))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("8,784 data rows, expected 8,760")
                .contains("Drop 29 February");
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefused() {
        assertThat(problems("time,temperature\n0,20\n"))
                .singleElement()
                .extracting(Problem::toString)
                .asString()
                .startsWith("bad.csv:1:1: the header (time,temperature) must name the columns dryBulbC and wetBulbC");
    }

    @Test
    void theSiteClimateFileIsRelativeToTheFacilityFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("weather"));
        Files.writeString(dir.resolve("weather/site.csv"), year(5, 3), StandardCharsets.UTF_8);
        Facility row = TestFacilities.row(2);
        Facility f = row.withSite(row.site().withClimateFile("weather/site.csv"));
        Path facilityFile = dir.resolve("f.json");
        assertThat(ClimateCsvReader.forFacility(f, facilityFile))
                .get()
                .extracting(HourlyClimateFact::source)
                .isEqualTo("site.csv");
        assertThat(ClimateCsvReader.forFacility(f.withSite(f.site().withClimateFile(null)), facilityFile))
                .isEmpty();
        FacilityLoadException e = catchThrowableOfType(
                FacilityLoadException.class,
                () -> ClimateCsvReader.forFacility(f.withSite(f.site().withClimateFile("nope.csv")), facilityFile));
        assertThat(e.problems())
                .singleElement()
                .extracting(Problem::toString)
                .asString()
                .startsWith(facilityFile + ": (/site/climateFile) climateFile 'nope.csv' not found");
    }

    @Test
    void aClimateFileRoundTripsAndABlankOneIsInvalid() throws Exception {
        Facility f = TestFacilities.row(2);
        Facility withClimate = f.withSite(f.site().withClimateFile("climate.csv"));
        FacilityReader reader = FacilityReader.withBuiltInCatalog();
        assertThat(reader.read(FacilityWriter.toBytes(withClimate), "c.json")
                        .site()
                        .climateFile())
                .isEqualTo("climate.csv");
        FacilityLoadException e = catchThrowableOfType(
                FacilityLoadException.class,
                () -> reader.read(FacilityWriter.toBytes(f.withSite(f.site().withClimateFile(" "))), "b.json"));
        assertThat(e.problems()).extracting(Problem::message).anyMatch(m -> m.startsWith("climateFile is blank"));
    }

    @Test
    void initialFactsReachEveryAnalysis() throws Exception {
        HourlyClimateFact year = ClimateCsvReader.read("y.csv", "y.csv", new StringReader(year(10, 8)));
        FacilityAnalysis probe = new FacilityAnalysis() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public AnalysisResult analyze(
                    Facility facility,
                    org.aifactory.twin.model.catalog.CatalogIndex catalog,
                    org.aifactory.twin.model.analysis.AnalysisContext context) {
                return new AnalysisResult(
                        List.of(),
                        context.fact(HourlyClimateFact.class)
                                .map(HourlyClimateFact::source)
                                .orElse("none"),
                        List.of());
            }
        };
        AnalysisPipeline pipeline = new AnalysisPipeline(List.of(probe));
        assertThat(pipeline.run(TestFacilities.row(1), List.of(year)).reports()).containsEntry("probe", "y.csv");
        assertThat(pipeline.run(TestFacilities.row(1)).reports()).containsEntry("probe", "none");
    }
}
