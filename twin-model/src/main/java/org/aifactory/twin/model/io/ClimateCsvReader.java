package org.aifactory.twin.model.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.HourlyClimateFact;

/**
 * Reads a year of hourly ambient conditions from a CSV file: one row per hour of a 365-day year
 * ({@value HourlyClimateFact#HOURS} rows, 1 January 00:00 local standard time first), comma
 * separated; {@code #} comment lines and blank lines are ignored. An optional header names the
 * columns: {@code dryBulbC} and {@code wetBulbC} are then found by name (case-insensitive; other
 * columns such as a timestamp are ignored); without a header the first two columns are dry bulb
 * and wet bulb, °C. A leap year's 8,784 rows are refused (drop 29 February).
 *
 * <p>Every bad row is reported at once, each as a {@link Problem} with file, line and column: not a
 * number, missing column, outside -90..70 °C (Fahrenheit or Kelvin?), wet bulb above dry bulb, and
 * the wrong number of rows.
 */
public final class ClimateCsvReader {
    /** Plausible ambient temperatures on Earth, °C: outside this a unit mistake is likely. */
    private static final double MIN_C = -90;

    private static final double MAX_C = 70;
    /** Stop listing row problems after this many (the count of rows is still checked). */
    private static final int MAX_PROBLEMS = 50;

    private ClimateCsvReader() {}

    /**
     * The hourly climate a facility names in {@code site.climateFile}, resolved against the folder
     * of {@code facilityFile}; empty when it names none. Problems point at the CSV file, or at
     * {@code /site/climateFile} of the facility when the CSV cannot be found.
     */
    public static Optional<HourlyClimateFact> forFacility(Facility facility, Path facilityFile)
            throws FacilityLoadException {
        String name = facility.site().climateFile();
        if (name == null) {
            return Optional.empty();
        }
        Path dir = facilityFile.toAbsolutePath().getParent();
        Path csv = dir == null ? Path.of(name) : dir.resolve(name);
        if (!Files.isRegularFile(csv)) {
            throw new FacilityLoadException(List.of(new Problem(
                    facilityFile.toString(),
                    0,
                    0,
                    "/site/climateFile",
                    null,
                    "climateFile '" + name + "' not found (looked for " + csv
                            + "); the path is relative to the facility file")));
        }
        return Optional.of(read(csv));
    }

    public static HourlyClimateFact read(Path file) throws FacilityLoadException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), file.getFileName().toString(), r);
        } catch (NoSuchFileException e) {
            throw new FacilityLoadException(
                    List.of(new Problem(file.toString(), 0, 0, "", null, "climate file not found")));
        } catch (IOException e) {
            throw new FacilityLoadException(
                    List.of(new Problem(file.toString(), 0, 0, "", null, "cannot read: " + e.getMessage())));
        }
    }

    /**
     * @param file the name problems carry (a path)
     * @param source the name the climate is reported under (e.g. the file name)
     */
    public static HourlyClimateFact read(String file, String source, Reader reader)
            throws IOException, FacilityLoadException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Problem> problems = new ArrayList<>();
        int hours = HourlyClimateFact.HOURS;
        double[] db = new double[hours];
        double[] wb = new double[hours];
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
            String[] cells = line.split(",", -1);
            if (first) {
                first = false;
                if (!numeric(cells[0]) || cells.length > 1 && !numeric(cells[cells.length - 1])) {
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
                        throw new FacilityLoadException(List.of(new Problem(
                                file,
                                lineNo,
                                1,
                                "",
                                null,
                                "the header (" + t
                                        + ") must name the columns dryBulbC and wetBulbC (°C); without a header the first two columns are "
                                        + "dry bulb and wet bulb")));
                    }
                    continue;
                }
            }
            rows++;
            if (rows > hours) {
                continue;
            }
            Double d = cell(cells, dbCol, "dryBulbC", file, lineNo, problems);
            Double w = cell(cells, wbCol, "wetBulbC", file, lineNo, problems);
            if (d != null && w != null) {
                if (w > d + 1e-9) {
                    problems.add(new Problem(
                            file,
                            lineNo,
                            charColumn(cells, wbCol),
                            "",
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "wetBulbC (%s °C) is above dryBulbC (%s °C) in hour %d; the wet bulb cannot exceed the dry bulb. "
                                            + "Maybe the columns are swapped?",
                                    fmt(w),
                                    fmt(d),
                                    rows - 1)));
                }
                db[rows - 1] = d;
                wb[rows - 1] = w;
            }
        }
        List<Problem> all = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        if (problems.size() > MAX_PROBLEMS) {
            all.add(new Problem(file, 0, 0, "", null, "and " + (problems.size() - MAX_PROBLEMS) + " more bad rows"));
        }
        if (rows != hours) {
            all.add(new Problem(
                    file,
                    0,
                    0,
                    "",
                    null,
                    String.format(
                            Locale.ROOT,
                            "%,d data rows, expected %,d (one per hour of a "
                                    + "365-day year, 1 January 00:00 first)%s",
                            rows,
                            hours,
                            rows == hours + 24 ? ". A leap year? Drop 29 February" : "")));
        }
        if (!all.isEmpty()) {
            throw new FacilityLoadException(all);
        }
        return new HourlyClimateFact(source, db, wb);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** 1-based character column where cell {@code index} starts (its first non-blank character). */
    private static int charColumn(String[] cells, int index) {
        int c = 1;
        for (int i = 0; i < index; i++) {
            c += cells[i].length() + 1;
        }
        String cell = cells[index];
        return c + (cell.length() - cell.stripLeading().length());
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Double cell(String[] cells, int col, String name, String file, int lineNo, List<Problem> problems) {
        if (col >= cells.length) {
            problems.add(new Problem(
                    file,
                    lineNo,
                    0,
                    "",
                    null,
                    String.format(
                            Locale.ROOT,
                            "%s (column %d) is missing: the row has %d column(s)",
                            name,
                            col + 1,
                            cells.length)));
            return null;
        }
        String s = cells[col].strip();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || v < MIN_C || v > MAX_C) {
                problems.add(new Problem(
                        file,
                        lineNo,
                        charColumn(cells, col),
                        "",
                        null,
                        String.format(
                                Locale.ROOT,
                                "%s (%s) is outside %.0f..%.0f °C. Maybe Fahrenheit or Kelvin?",
                                name,
                                s,
                                MIN_C,
                                MAX_C)));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new Problem(
                    file,
                    lineNo,
                    charColumn(cells, col),
                    "",
                    null,
                    String.format(Locale.ROOT, "%s ('%s') is not a number", name, s)));
            return null;
        }
    }
}
