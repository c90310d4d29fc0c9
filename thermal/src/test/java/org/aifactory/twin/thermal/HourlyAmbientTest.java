package org.aifactory.twin.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.HourlyClimateFact;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.ClimateCsvReader;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's hourly year (CSV, read by the model, handed over as a fact) drives pueAnnual. */
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
     * constant part (CDU pumps + facility pumps + air handlers) + 6.8 + 0.46875. The same through the
     * analysis, with the year as an initial fact in its context.
     */
    @Test
    void pueAnnualUsesTheGivenHourlyCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("constant-20C.csv");
        Files.writeString(file, csv(20, 15), StandardCharsets.UTF_8);
        HourlyClimateFact fact = ClimateCsvReader.read(file);
        HourlyClimateFact year = fact;
        assertThat(year.dryBulbC()[8759]).isEqualTo(20);
        assertThat(year.wetBulbC()[0]).isEqualTo(15);
        Facility f = Samples.LAB.load();
        CatalogIndex cat = new CatalogIndex(CatalogIo.builtIn(), f.catalog());
        ThermalReport r = new ThermalSolver()
                .solve(f, cat, new ThermalSolver.Options(year))
                .report();
        ThermalReport.CoolingPowerBreakdown p = r.coolingPower();
        double expected =
                p.cduPumpsKw() + p.facilityPumpsKw() + p.airHandlerFansKw() + 102 / 15.0 + 30 * 0.25 * 0.25 * 0.25;
        assertThat(r.annualMeanCoolingPowerKw()).isCloseTo(expected, within(1e-9));
        assertThat(r.pueAnnual()).isCloseTo((r.itHeatKw() + expected) / r.itHeatKw(), within(1e-12));
        assertThat(r.annualAmbientSource()).isEqualTo("constant-20C.csv");
        assertThat(r.hoursFacilitySupplyAboveSetpoint()).isZero();
        // through the analysis: the fact in the context is used
        ThermalReport viaAnalysis = (ThermalReport)
                new ThermalAnalysis().analyze(f, cat, () -> List.of(fact)).report();
        assertThat(viaAnalysis.annualAmbientSource()).isEqualTo("constant-20C.csv");
        assertThat(viaAnalysis.pueAnnual()).isEqualTo(r.pueAnnual());
        // without the CSV, the synthetic year (a warmer summer) gives another figure
        ThermalReport synthetic = new ThermalSolver().solve(f, cat).report();
        assertThat(synthetic.annualAmbientSource()).isEqualTo("synthetic");
        assertThat(synthetic.pueAnnual()).isNotCloseTo(r.pueAnnual(), within(1e-6));
    }
}
