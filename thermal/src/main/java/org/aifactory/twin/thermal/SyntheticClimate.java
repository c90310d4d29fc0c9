package org.aifactory.twin.thermal;

import static org.aifactory.twin.thermal.ThermalAssumptions.CLIMATE_ANNUAL_AMPLITUDE_K;
import static org.aifactory.twin.thermal.ThermalAssumptions.CLIMATE_DIURNAL_AMPLITUDE_K;
import static org.aifactory.twin.thermal.ThermalAssumptions.CLIMATE_WARMEST_DAY;
import static org.aifactory.twin.thermal.ThermalAssumptions.CLIMATE_WARMEST_HOUR;

import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.analysis.HourlyClimateFact;

/**
 * 8,760 hourly ambient temperatures from a documented synthetic model [E], in place of weather
 * data the model does not hold yet:
 * <pre>
 *   T_db(d, h) = T_mean + A_y·cos(2π(d − d_max)/365) + A_d·cos(2π(h − h_max)/24)
 *   T_mean     = T_design,db − A_y − A_d          (the hottest afternoon reaches the design value)
 *   T_wb(d, h) = T_db(d, h) − (T_design,db − T_design,wb)   (constant wet-bulb depression)
 * </pre>
 * with A_y = {@value ThermalAssumptions#CLIMATE_ANNUAL_AMPLITUDE_K} K, A_d =
 * {@value ThermalAssumptions#CLIMATE_DIURNAL_AMPLITUDE_K} K, d_max = day
 * {@value ThermalAssumptions#CLIMATE_WARMEST_DAY}, h_max = {@value ThermalAssumptions#CLIMATE_WARMEST_HOUR}:00.
 * A real design dry bulb (ASHRAE 0.4 %) is exceeded ~35 h a year; this model touches it once, so
 * it is slightly optimistic in summer and, with a constant depression, pessimistic for towers in
 * dry winters. Deterministic: no random weather.
 */
public record SyntheticClimate(double[] dryBulbC, double[] wetBulbC) {
    public static final int HOURS_PER_YEAR = HourlyClimateFact.HOURS;

    public static SyntheticClimate forSite(Site site) {
        double[] db = new double[HOURS_PER_YEAR];
        double[] wb = new double[HOURS_PER_YEAR];
        double mean = site.designDryBulbC() - CLIMATE_ANNUAL_AMPLITUDE_K - CLIMATE_DIURNAL_AMPLITUDE_K;
        double depression = Math.max(0, site.designDryBulbC() - site.designWetBulbC());
        for (int hour = 0; hour < HOURS_PER_YEAR; hour++) {
            int d = hour / 24;
            int h = hour % 24;
            db[hour] = mean
                    + CLIMATE_ANNUAL_AMPLITUDE_K * Math.cos(2 * Math.PI * (d - CLIMATE_WARMEST_DAY) / 365.0)
                    + CLIMATE_DIURNAL_AMPLITUDE_K * Math.cos(2 * Math.PI * (h - CLIMATE_WARMEST_HOUR) / 24.0);
            wb[hour] = db[hour] - depression;
        }
        return new SyntheticClimate(db, wb);
    }

    /** This year as the hourly climate the solver takes, with source "synthetic". */
    public HourlyClimateFact asFact() {
        return new HourlyClimateFact("synthetic", dryBulbC, wetBulbC);
    }
}
