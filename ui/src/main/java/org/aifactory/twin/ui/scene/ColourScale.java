package org.aifactory.twin.ui.scene;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * A piecewise-linear colour ramp over a fixed value range, with what the values mean: a title and
 * a unit for the legend. Values outside the range take the end colours. The range is fixed, not
 * stretched to the data, so the same colour means the same value in every facility.
 *
 * @param title what is coloured, e.g. "Rack coolant return"
 * @param unit the unit shown on the ticks, e.g. "°C" or "%"
 * @param values the stop values in data units, strictly increasing
 * @param colours the colour at each stop
 * @param tickFactor multiplies a value for its tick label (100 shows a utilisation of 0.8 as "80")
 */
public record ColourScale(String title, String unit, double[] values, Color[] colours, double tickFactor) {

    public ColourScale {
        if (values.length < 2 || values.length != colours.length) {
            throw new IllegalArgumentException("a colour scale needs at least two stops and one colour per stop, got "
                    + values.length + " values and " + colours.length + " colours");
        }
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException(
                        "the stop values of " + title + " must increase: " + Arrays.toString(values));
            }
        }
        values = values.clone();
        colours = colours.clone();
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    /** The colour of {@code value}; NaN gives null (no data). */
    public Color colour(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (value <= values[0]) {
            return colours[0];
        }
        for (int i = 1; i < values.length; i++) {
            if (value <= values[i]) {
                double t = (value - values[i - 1]) / (values[i] - values[i - 1]);
                return colours[i - 1].interpolate(colours[i], t);
            }
        }
        return colours[colours.length - 1];
    }

    /** {@link #colour} as opaque 0xAARRGGBB. */
    public int argb(double value) {
        return ItemCategory.toArgb(colour(value));
    }

    /** The share of the ramp's length (0..1) at which stop {@code i} sits. */
    public double position(int i) {
        return (values[i] - min()) / (max() - min());
    }

    /** A stop's label: "40 °C", "80 %". */
    public String tick(int i) {
        return String.format(Locale.ROOT, "%.0f", values[i] * tickFactor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColourScale s
                && s.title.equals(title)
                && s.unit.equals(unit)
                && Arrays.equals(s.values, values)
                && Arrays.equals(s.colours, colours)
                && s.tickFactor == tickFactor;
    }

    @Override
    public int hashCode() {
        return title.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ColourScale[" + title + ", " + unit + ", " + Arrays.toString(values) + "]";
    }
}
