package org.aifactory.twin.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer validates with the site's climate CSV exactly as {@code validate FILE} does. */
class ClimateFileValidationTest {
    private final Facility su = Samples.SCALABLE_UNIT.load();

    @TempDir
    Path dir;

    @Test
    void aMissingClimateFileIsAnErrorFindingAndTheAnalysesStillRun() {
        Facility facility = su.withSite(su.site().withClimateFile("no-such-year.csv"));

        AnalysisResults results = AnalysisResults.run(facility, dir.resolve("su.json"));

        assertThat(results.findings())
                .filteredOn(f -> f.code().equals("CLIMATE_FILE"))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("no-such-year.csv", "/site/climateFile", "synthetic climate");
        assertThat(results.reports()).containsKey("thermal");
    }

    @Test
    void theSitesClimateFileDrivesTheAnnualFigures() throws IOException {
        // a year that never leaves 45 °C dry bulb / 30 °C wet bulb is hotter than any synthetic
        // climate of the sample's site, so the annual PUE must be higher than without the file
        Files.writeString(
                dir.resolve("hot.csv"), "dryBulbC,wetBulbC\n" + String.join("", Collections.nCopies(8760, "45,30\n")));
        Facility hot = su.withSite(su.site().withClimateFile("hot.csv"));

        double synthetic = AnalysisResults.run(su, dir.resolve("su.json"))
                .reports()
                .get("thermal")
                .get("pueAnnual")
                .asDouble();
        AnalysisResults withFile = AnalysisResults.run(hot, dir.resolve("su.json"));

        assertThat(withFile.findings()).noneMatch(f -> f.code().equals("CLIMATE_FILE"));
        assertThat(withFile.reports().get("thermal").get("pueAnnual").asDouble())
                .isGreaterThan(synthetic);
    }
}
