package org.aifactory.twin.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.analysis.HourlyClimateFact;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** pueMonthly: the annual loop split into calendar months. */
class MonthlyPueTest {
    private static final Facility LAB = Samples.LAB.load();
    private static final CatalogIndex CAT = new CatalogIndex(CatalogIo.builtIn(), LAB.catalog());

    private static ThermalReport solve(HourlyClimateFact year) {
        return new ThermalSolver()
                .solve(LAB, CAT, new ThermalSolver.Options(year))
                .report();
    }

    /** A year whose dry bulb is a step: {@code coldC} for January (first 744 h), {@code warmC} after. */
    private static HourlyClimateFact step(double coldC, double warmC) {
        double[] db = new double[HourlyClimateFact.HOURS];
        Arrays.fill(db, warmC);
        Arrays.fill(db, 0, 31 * 24, coldC);
        double[] wb = db.clone();
        for (int h = 0; h < wb.length; h++) {
            wb[h] -= 5;
        }
        return new HourlyClimateFact("step", db, wb);
    }

    /**
     * IT is constant over the year, so month m's IT energy is IT × hours_m and
     * pueAnnual = Σ(IT·8760 + Σcooling)/(IT·8760) = Σ_m PUE_m·(IT·hours_m) / Σ_m IT·hours_m
     * = Σ_m PUE_m·hours_m/8760. The weights are the days of the months × 24 (31·24 = 744 for
     * January, 28·24 = 672 for February), written out here rather than taken from the report.
     */
    @Test
    void energyWeightedMonthsGiveTheAnnualPue() {
        ThermalReport r = new ThermalSolver().solve(LAB, CAT).report();
        List<ThermalReport.MonthlyPue> months = r.pueMonthly();
        assertThat(months).hasSize(12);
        int[] days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        double weighted = 0;
        for (int m = 0; m < 12; m++) {
            ThermalReport.MonthlyPue p = months.get(m);
            assertThat(p.month()).isEqualTo(m + 1);
            assertThat(p.hours()).isEqualTo(days[m] * 24);
            assertThat(p.itEnergyMwh()).isCloseTo(r.itHeatKw() * days[m] * 24 / 1000, within(1e-9));
            assertThat(p.pue()).isCloseTo(1 + p.meanCoolingPowerKw() / r.itHeatKw(), within(1e-12));
            weighted += p.pue() * days[m] * 24;
        }
        assertThat(weighted / 8760).isCloseTo(r.pueAnnual(), within(1e-9));
        // and through the reported IT energies
        double e = months.stream().mapToDouble(p -> p.pue() * p.itEnergyMwh()).sum();
        double it = months.stream()
                .mapToDouble(ThermalReport.MonthlyPue::itEnergyMwh)
                .sum();
        assertThat(e / it).isCloseTo(r.pueAnnual(), within(1e-9));
    }

    /**
     * The synthetic climate peaks on day 196 (mid-July): with a 40 °C design dry bulb the lab's
     * air-cooled chiller works harder in July than January. Mean dry bulb of January by hand: the
     * diurnal cosine sums to zero over each whole day, so T̄ = T_mean + 10·(1/31)Σ_{d=0}^{30}
     * cos(2π(d − 196)/365) with T_mean = 40 − 10 − 5 = 25 °C.
     */
    @Test
    void aHotSummerGivesAHigherPueInJulyThanJanuary() {
        double designDb = 40;
        Site s = LAB.site();
        SyntheticClimate c = SyntheticClimate.forSite(new Site(
                s.name(),
                s.altitudeM(),
                designDb,
                designDb - 10,
                s.gridCapacityKw(),
                s.electricityPriceUsdPerMwh(),
                null,
                s.powerCapKw(),
                s.gridEvents()));
        ThermalReport r = solve(c.asFact());
        ThermalReport.MonthlyPue jan = r.pueMonthly().get(0);
        ThermalReport.MonthlyPue jul = r.pueMonthly().get(6);
        assertThat(jul.pue()).isGreaterThan(jan.pue() + 1e-4);
        assertThat(jul.meanDryBulbC()).isGreaterThan(jan.meanDryBulbC() + 10);
        double cosSum = 0;
        for (int d = 0; d < 31; d++) {
            cosSum += Math.cos(2 * Math.PI * (d - 196) / 365.0);
        }
        assertThat(jan.meanDryBulbC()).isCloseTo(25 + 10 * cosSum / 31, within(1e-9));
        // the hottest month of the synthetic year is July, the coldest January
        ThermalReport.MonthlyPue max = r.pueMonthly().stream()
                .max((a, b) -> Double.compare(a.pue(), b.pue()))
                .orElseThrow();
        assertThat(max.month()).isEqualTo(7);
    }

    /**
     * Month boundaries: a year at 20 °C in January and 35 °C from 1 February puts every January
     * hour (and only those) in month 1: January's mean dry bulb is 20 °C exactly, February's 35,
     * and every month from February on has the same PUE, above January's.
     */
    @Test
    void monthsFollowTheCalendar() {
        ThermalReport r = solve(step(20, 35));
        assertThat(r.pueMonthly().get(0).meanDryBulbC()).isEqualTo(20);
        assertThat(r.pueMonthly().get(1).meanDryBulbC()).isEqualTo(35);
        assertThat(r.pueMonthly().get(11).meanDryBulbC()).isEqualTo(35);
        double feb = r.pueMonthly().get(1).pue();
        for (int m = 2; m < 12; m++) {
            assertThat(r.pueMonthly().get(m).pue()).isCloseTo(feb, within(1e-12));
        }
        assertThat(feb).isGreaterThan(r.pueMonthly().get(0).pue());
    }
}
