package org.aifactory.twin.thermal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A year of hourly ambient conditions, °C: {@value SyntheticClimate#HOURS_PER_YEAR} dry-bulb and
 * wet-bulb values (hour 0 = 1 January 00:00, local standard time), used for {@code pueAnnual} in
 * place of the {@link SyntheticClimate}. Arrays are copied in and out; the value is immutable.
 *
 * <p>CSV: one row per hour, comma separated, {@code #} comment lines and blank lines ignored. An
 * optional header names the columns; the columns {@code dryBulbC} and {@code wetBulbC} are then
 * found by name (case-insensitive, any other columns such as a timestamp are ignored); without a
 * header the first two columns are dry bulb and wet bulb. A leap year's 8,784 rows are refused:
 * drop 29 February.
 *
 * @param source where the values came from ("synthetic", a file name), reported with the results
 */
public record HourlyAmbient(String source, double[] dryBulbC, double[] wetBulbC) {
    /** Errors listed in one exception; the count is always complete. */
    private static final int MAX_ERRORS_LISTED = 10;

    public HourlyAmbient {
        if (dryBulbC.length != SyntheticClimate.HOURS_PER_YEAR || wetBulbC.length != SyntheticClimate.HOURS_PER_YEAR) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an hourly ambient year needs %d dry-bulb and wet-bulb values, got %d and %d",
                    SyntheticClimate.HOURS_PER_YEAR, dryBulbC.length, wetBulbC.length));
        }
        dryBulbC = dryBulbC.clone();
        wetBulbC = wetBulbC.clone();
    }

    public static HourlyAmbient of(SyntheticClimate climate) {
        return new HourlyAmbient("synthetic", climate.dryBulbC(), climate.wetBulbC());
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

    /** Bad rows of an ambient CSV, every one with its line; thrown after the whole file is read. */
    public static final class AmbientCsvException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> errors;

        AmbientCsvException(String source, List<String> errors) {
            super(source + ": " + errors.size() + " error(s) in the hourly ambient CSV: "
                    + String.join("; ", errors.subList(0, Math.min(errors.size(), MAX_ERRORS_LISTED)))
                    + (errors.size() > MAX_ERRORS_LISTED ? "; and " + (errors.size() - MAX_ERRORS_LISTED) + " more" : ""));
            this.errors = List.copyOf(errors);
        }

        /** Each error as "source:line: what, the value, a hint". */
        public List<String> errors() {
            return errors;
        }
    }

    public static HourlyAmbient readCsv(Path file) throws IOException, AmbientCsvException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(file.getFileName().toString(), r);
        }
    }

    public static HourlyAmbient readCsv(String source, Reader reader) throws IOException, AmbientCsvException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> errors = new ArrayList<>();
        double[] db = new double[SyntheticClimate.HOURS_PER_YEAR];
        double[] wb = new double[SyntheticClimate.HOURS_PER_YEAR];
        int rows = 0;
        int dbCol = 0;
        int wbCol = 1;
        boolean first = true;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",", -1);
            if (first) {
                first = false;
                if (!numeric(cells[0].strip()) || cells.length > 1 && !numeric(cells[cells.length - 1].strip())) {
                    dbCol = wbCol = -1;
                    for (int i = 0; i < cells.length; i++) {
                        String name = cells[i].strip().replace("\"", "");
                        if (name.equalsIgnoreCase("dryBulbC")) {
                            dbCol = i;
                        } else if (name.equalsIgnoreCase("wetBulbC")) {
                            wbCol = i;
                        }
                    }
                    if (dbCol < 0 || wbCol < 0) {
                        throw new AmbientCsvException(source, List.of(String.format(Locale.ROOT,
                                "%s:%d: the header (%s) must name the columns dryBulbC and wetBulbC", source, lineNo, t)));
                    }
                    continue;
                }
            }
            rows++;
            if (rows > SyntheticClimate.HOURS_PER_YEAR) {
                continue;
            }
            Double d = cell(cells, dbCol, "dryBulbC", source, lineNo, errors);
            Double w = cell(cells, wbCol, "wetBulbC", source, lineNo, errors);
            if (d != null && w != null) {
                if (w > d + 1e-9) {
                    errors.add(String.format(Locale.ROOT, "%s:%d: wetBulbC (%s) is above dryBulbC (%s); the wet bulb cannot exceed "
                            + "the dry bulb. Maybe the columns are swapped?", source, lineNo, w, d));
                }
                db[rows - 1] = d;
                wb[rows - 1] = w;
            }
        }
        if (rows != SyntheticClimate.HOURS_PER_YEAR) {
            errors.add(String.format(Locale.ROOT, "%s: %d data rows, expected %d (one per hour of a 365-day year)%s", source, rows,
                    SyntheticClimate.HOURS_PER_YEAR, rows == 8784 ? ". Maybe a leap year: drop 29 February" : ""));
        }
        if (!errors.isEmpty()) {
            throw new AmbientCsvException(source, errors);
        }
        return new HourlyAmbient(source, db, wb);
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Double cell(String[] cells, int col, String name, String source, int lineNo, List<String> errors) {
        if (col >= cells.length) {
            errors.add(String.format(Locale.ROOT, "%s:%d: %s (column %d) is missing; the row has %d column(s)", source, lineNo, name,
                    col + 1, cells.length));
            return null;
        }
        String s = cells[col].strip();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || v < -90 || v > 70) {
                errors.add(String.format(Locale.ROOT, "%s:%d:%d: %s (%s) is outside -90..70 °C. Maybe Fahrenheit or Kelvin?", source,
                        lineNo, col + 1, name, s));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(String.format(Locale.ROOT, "%s:%d:%d: %s (%s) is not a number", source, lineNo, col + 1, name, s));
            return null;
        }
    }
}
