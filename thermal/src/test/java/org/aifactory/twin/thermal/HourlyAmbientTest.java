package org.aifactory.twin.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HourlyAmbientTest {

    /** 8,760 rows with a timestamp column, named columns in a different order, a comment. */
    private static String csv(double dryBulbC, double wetBulbC) {
        StringBuilder b = new StringBuilder("# synthetic test year\nhour,wetBulbC,dryBulbC\n");
        for (int h = 0; h < SyntheticClimate.HOURS_PER_YEAR; h++) {
            b.append(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", h, wetBulbC, dryBulbC));
        }
        return b.toString();
    }

    /**
     * The lab sample (one GB200 rack, 102 kW liquid, an air-cooled chiller holding 30 °C facility
     * water) over a CSV year at a constant 20 °C dry bulb. Chiller: T_evap = 30 − 2 = 28 °C =
     * 301.15 K, T_cond = 20 + 15 = 35 °C = 308.15 K, Carnot 301.15/7 = 43.0, × η (2.8/6.13 = 0.457)
     * = 19.7, capped at 15: compressor 102/15 = 6.8 kW; condenser fans at u = 102/1500 = 0.068,
     * below the 25 % floor: 30 × 0.25³ = 0.46875 kW. Every hour the same, so the annual mean is the
     * constant part (CDU pumps + facility pumps + air handlers) + 6.8 + 0.46875.
     */
    @Test
    void pueAnnualUsesTheGivenHourlyCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("constant-20C.csv");
        Files.writeString(file, csv(20, 15), StandardCharsets.UTF_8);
        HourlyAmbient year = HourlyAmbient.readCsv(file);
        assertThat(year.dryBulbC()[8759]).isEqualTo(20);
        assertThat(year.wetBulbC()[0]).isEqualTo(15);
        Facility f = Samples.LAB.load();
        CatalogIndex cat = new CatalogIndex(CatalogIo.builtIn(), f.catalog());
        ThermalReport r = new ThermalSolver().solve(f, cat, new ThermalSolver.Options(year)).report();
        ThermalReport.CoolingPowerBreakdown p = r.coolingPower();
        double expected = p.cduPumpsKw() + p.facilityPumpsKw() + p.airHandlerFansKw() + 102 / 15.0 + 30 * 0.25 * 0.25 * 0.25;
        assertThat(r.annualMeanCoolingPowerKw()).isCloseTo(expected, within(1e-9));
        assertThat(r.pueAnnual()).isCloseTo((r.itHeatKw() + expected) / r.itHeatKw(), within(1e-12));
        assertThat(r.annualAmbientSource()).isEqualTo("constant-20C.csv");
        assertThat(r.hoursFacilitySupplyAboveSetpoint()).isZero();
        // without the CSV, the synthetic year (a warmer summer) gives another figure
        ThermalReport synthetic = new ThermalSolver().solve(f, cat).report();
        assertThat(synthetic.annualAmbientSource()).isEqualTo("synthetic");
        assertThat(synthetic.pueAnnual()).isNotCloseTo(r.pueAnnual(), within(1e-6));
    }

    @Test
    void badRowsAreReportedTogetherWithTheirLines() {
        String text = "dryBulbC,wetBulbC\n20,15\nwarm,15\n10,12\n";
        assertThatThrownBy(() -> HourlyAmbient.readCsv("bad.csv", new StringReader(text)))
                .isInstanceOf(HourlyAmbient.AmbientCsvException.class)
                .satisfies(e -> {
                    var errors = ((HourlyAmbient.AmbientCsvException) e).errors();
                    assertThat(errors).hasSize(3);
                    assertThat(errors.get(0)).startsWith("bad.csv:3:1: dryBulbC (warm) is not a number");
                    assertThat(errors.get(1)).startsWith("bad.csv:4: wetBulbC (12.0) is above dryBulbC (10.0)");
                    assertThat(errors.get(2)).contains("3 data rows, expected 8760");
                });
    }

    @Test
    void headerlessCsvTakesDryThenWetBulb() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int h = 0; h < SyntheticClimate.HOURS_PER_YEAR; h++) {
            b.append(h % 24).append(",").append(h % 24 - 3).append('\n');
        }
        HourlyAmbient a = HourlyAmbient.readCsv("plain.csv", new StringReader(b.toString()));
        assertThat(a.dryBulbC()[25]).isEqualTo(1);
        assertThat(a.wetBulbC()[25]).isEqualTo(-2);
    }
}
