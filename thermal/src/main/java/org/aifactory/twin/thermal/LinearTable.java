package org.aifactory.twin.thermal;

import java.util.Arrays;

/**
 * A property tabulated against temperature, read by linear interpolation and held constant beyond
 * the table's ends (the caller's temperatures stay within 2-70 °C, the validator's range).
 */
record LinearTable(double[] temperaturesC, double[] values) {

    LinearTable {
        if (temperaturesC.length != values.length || temperaturesC.length < 2) {
            throw new IllegalArgumentException("a table needs at least 2 points and as many values as temperatures");
        }
        for (int i = 1; i < temperaturesC.length; i++) {
            if (!(temperaturesC[i] > temperaturesC[i - 1])) {
                throw new IllegalArgumentException("temperatures must increase: " + Arrays.toString(temperaturesC));
            }
        }
        temperaturesC = temperaturesC.clone();
        values = values.clone();
    }

    double at(double temperatureC) {
        double[] t = temperaturesC;
        if (temperatureC <= t[0]) {
            return values[0];
        }
        int last = t.length - 1;
        if (temperatureC >= t[last]) {
            return values[last];
        }
        int i = 1;
        while (t[i] < temperatureC) {
            i++;
        }
        double w = (temperatureC - t[i - 1]) / (t[i] - t[i - 1]);
        return values[i - 1] + w * (values[i] - values[i - 1]);
    }
}
