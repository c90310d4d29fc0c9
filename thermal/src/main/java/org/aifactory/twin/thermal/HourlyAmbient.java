package org.aifactory.twin.thermal;

import java.util.Locale;
import org.aifactory.twin.model.analysis.HourlyClimateFact;

/**
 * A year of hourly ambient conditions, °C: {@value SyntheticClimate#HOURS_PER_YEAR} dry-bulb and
 * wet-bulb values (hour 0 = 1 January 00:00, local standard time), used for {@code pueAnnual}:
 * the site's {@link SyntheticClimate}, or a user's hourly CSV read by the model's
 * {@link org.aifactory.twin.model.io.ClimateCsvReader} and handed over as a
 * {@link HourlyClimateFact}. Arrays are copied in and out; the value is immutable.
 *
 * @param source where the values came from ("synthetic", a file name), reported with the results
 */
public record HourlyAmbient(String source, double[] dryBulbC, double[] wetBulbC) {

    public HourlyAmbient {
        if (dryBulbC.length != SyntheticClimate.HOURS_PER_YEAR || wetBulbC.length != SyntheticClimate.HOURS_PER_YEAR) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "an hourly ambient year needs %d dry-bulb and wet-bulb values, got %d and %d",
                    SyntheticClimate.HOURS_PER_YEAR,
                    dryBulbC.length,
                    wetBulbC.length));
        }
        dryBulbC = dryBulbC.clone();
        wetBulbC = wetBulbC.clone();
    }

    public static HourlyAmbient of(SyntheticClimate climate) {
        return new HourlyAmbient("synthetic", climate.dryBulbC(), climate.wetBulbC());
    }

    public static HourlyAmbient of(HourlyClimateFact climate) {
        return new HourlyAmbient(climate.source(), climate.dryBulbC(), climate.wetBulbC());
    }

    @Override
    public double[] dryBulbC() {
        return dryBulbC.clone();
    }

    @Override
    public double[] wetBulbC() {
        return wetBulbC.clone();
    }

    double dryBulbC(int hour) {
        return dryBulbC[hour];
    }

    double wetBulbC(int hour) {
        return wetBulbC[hour];
    }
}
