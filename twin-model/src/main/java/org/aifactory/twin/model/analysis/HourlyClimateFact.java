package org.aifactory.twin.model.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * A year of hourly ambient conditions handed to the analyses before they run (by the app, from the
 * site's {@code climateFile} or a {@code --climate} option): the thermal analysis uses it for its
 * annual figures instead of its synthetic climate. Hour 0 is 1 January 00:00 local standard time;
 * {@value #HOURS} hours (a 365-day year). Arrays are copied in and out.
 *
 * @param source where the values came from (a file name), reported with the results
 * @param dryBulbC dry-bulb temperature per hour, °C
 * @param wetBulbC wet-bulb temperature per hour, °C (never above the dry bulb)
 */
public record HourlyClimateFact(String source, double[] dryBulbC, double[] wetBulbC) {
    /** Hours of a 365-day year. */
    public static final int HOURS = 8_760;

    public HourlyClimateFact {
        Objects.requireNonNull(source, "source");
        if (dryBulbC.length != HOURS || wetBulbC.length != HOURS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "an hourly climate needs %d dry-bulb and wet-bulb values, got %d and %d",
                    HOURS,
                    dryBulbC.length,
                    wetBulbC.length));
        }
        dryBulbC = dryBulbC.clone();
        wetBulbC = wetBulbC.clone();
    }

    @Override
    public double[] dryBulbC() {
        return dryBulbC.clone();
    }

    @Override
    public double[] wetBulbC() {
        return wetBulbC.clone();
    }
}
