package org.aifactory.twin.ui.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.io.ClimateCsvReader;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.TwinJson;

/**
 * What the analyses said about one facility, read for display. The UI knows no solver classes:
 * each report is turned into a JSON tree (as {@code validate --json} prints it) and read by its
 * documented field names. A field that is missing reads as "no data", never as an error, so a
 * solver that changes its report costs a colour, not the window. Immutable; built off the FX thread.
 */
public final class AnalysisResults {
    /** The thermal report's key and the power report's key in {@link #reports()}. */
    public static final String THERMAL = "thermal";

    public static final String POWER = "power";
    public static final String NETWORK = "network";

    /**
     * What one element's failure does, from an analysis's N-1 table.
     *
     * @param failedId the element that fails
     * @param kind its kind as the report names it ("busway", "cdu", ...)
     * @param unpowered racks that lose every power feed (as listed by the report)
     * @param unpoweredCount how many racks lose power in all; may exceed the ids listed
     * @param overloaded components carrying more than their rating afterwards (as listed)
     * @param overloadedCount how many components are overloaded in all
     * @param overheated racks that lose cooling and pass their coolant limit (as listed)
     * @param lostLoadKw rack load that loses power, kW (NaN when the report has no figure)
     */
    public record Failure(
            String failedId,
            String kind,
            List<String> unpowered,
            int unpoweredCount,
            List<String> overloaded,
            int overloadedCount,
            List<String> overheated,
            double lostLoadKw) {
        public Failure {
            unpowered = List.copyOf(unpowered);
            overloaded = List.copyOf(overloaded);
            overheated = List.copyOf(overheated);
        }

        /** True if the report names fewer elements than it counts. */
        public boolean truncated() {
            return unpowered.size() < unpoweredCount || overloaded.size() < overloadedCount;
        }
    }

    private final List<Finding> findings;
    private final Map<String, JsonNode> reports;
    private final Map<String, Long> millis;
    private final Map<String, Double> rackReturnC = new LinkedHashMap<>();
    private final Map<String, Double> cduUtilisation = new LinkedHashMap<>();
    private final Map<String, Double> heatRejectionUtilisation = new LinkedHashMap<>();
    private final Map<String, Double> componentUtilisation = new LinkedHashMap<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>();

    public AnalysisResults(List<Finding> findings, Map<String, JsonNode> reports, Map<String, Long> millis) {
        this.findings = List.copyOf(findings);
        this.reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
        this.millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        readThermal(this.reports.get(THERMAL));
        readPower(this.reports.get(POWER));
    }

    /** Runs every analysis on the class path (the solvers are found through ServiceLoader). */
    public static AnalysisResults run(Facility facility) {
        return of(AnalysisPipeline.discover().run(facility));
    }

    /**
     * Runs every analysis as {@code validate FILE} does: with the hourly year the site names in
     * {@code climateFile} (resolved next to {@code facilityFile}) when it names one. A climate file
     * that is missing or bad becomes an error finding ({@code CLIMATE_FILE}, one per problem, located
     * in the CSV) and the analyses run on the site's synthetic climate instead.
     */
    public static AnalysisResults run(Facility facility, Path facilityFile) {
        if (facilityFile == null) {
            return run(facility);
        }
        List<Object> initialFacts = new ArrayList<>();
        List<Finding> climateProblems = new ArrayList<>();
        try {
            ClimateCsvReader.forFacility(facility, facilityFile).ifPresent(initialFacts::add);
        } catch (FacilityLoadException e) {
            e.problems()
                    .forEach(problem -> climateProblems.add(new Finding(
                            Severity.ERROR,
                            "CLIMATE_FILE",
                            null,
                            problem + " (annual figures use the site's synthetic climate)")));
        }
        AnalysisPipeline.Outcome outcome = AnalysisPipeline.discover().run(facility, initialFacts);
        if (climateProblems.isEmpty()) {
            return of(outcome);
        }
        List<Finding> findings = new ArrayList<>(climateProblems);
        findings.addAll(outcome.findings());
        return of(new AnalysisPipeline.Outcome(findings, outcome.reports(), outcome.millis()));
    }

    /** Converts a pipeline outcome: each report becomes a JSON tree. */
    public static AnalysisResults of(AnalysisPipeline.Outcome outcome) {
        ObjectMapper mapper = TwinJson.mapper();
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        outcome.reports().forEach((name, report) -> trees.put(name, mapper.valueToTree(report)));
        return new AnalysisResults(outcome.findings(), trees, outcome.millis());
    }

    private void readThermal(JsonNode thermal) {
        if (thermal == null) {
            return;
        }
        for (JsonNode r : thermal.path("racks")) {
            put(rackReturnC, r.path("id"), r.path("returnC"));
        }
        for (JsonNode c : thermal.path("cdus")) {
            JsonNode u = c.path("utilisation");
            if (u.isNumber()) {
                put(cduUtilisation, c.path("id"), u);
            } else if (c.path("loadKw").isNumber() && c.path("capacityKw").asDouble() > 0) {
                cduUtilisation.put(
                        c.path("id").asText(),
                        c.path("loadKw").asDouble() / c.path("capacityKw").asDouble());
            }
        }
        for (JsonNode h : thermal.path("heatRejection")) {
            double available = h.path("availableAtSetpointKw").asDouble(0);
            if (h.path("id").isTextual() && h.path("loadKw").isNumber() && available > 0) {
                heatRejectionUtilisation.put(
                        h.path("id").asText(), h.path("loadKw").asDouble() / available);
            }
        }
        for (JsonNode n : thermal.path("n1")) {
            String id = n.path("failedElementId").asText(null);
            if (id != null) {
                failures.putIfAbsent(
                        id,
                        new Failure(
                                id,
                                n.path("kind").asText(""),
                                List.of(),
                                0,
                                List.of(),
                                0,
                                strings(n.path("overLimitRackIds")),
                                Double.NaN));
            }
        }
    }

    private void readPower(JsonNode power) {
        if (power == null) {
            return;
        }
        for (JsonNode c : power.path("components")) {
            put(componentUtilisation, c.path("id"), c.path("utilization"));
        }
        for (JsonNode n : power.path("n1")) {
            String id = n.path("failed").asText(null);
            if (id != null) {
                List<String> unpowered = strings(n.path("unpowered"));
                List<String> overloaded = strings(n.path("overloaded"));
                failures.put(
                        id,
                        new Failure(
                                id,
                                n.path("kind").asText(""),
                                unpowered,
                                n.path("unpoweredCount").asInt(unpowered.size()),
                                overloaded,
                                n.path("overloadedCount").asInt(overloaded.size()),
                                List.of(),
                                n.path("lostLoadKw").asDouble(Double.NaN)));
            }
        }
    }

    private static void put(Map<String, Double> into, JsonNode id, JsonNode value) {
        if (id.isTextual() && value.isNumber()) {
            into.put(id.asText(), value.asDouble());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Each analysis's report as a JSON tree, by analysis name. */
    public Map<String, JsonNode> reports() {
        return reports;
    }

    /** Wall time of each analysis, ms. */
    public Map<String, Long> millis() {
        return millis;
    }

    public boolean has(String analysis) {
        return reports.containsKey(analysis);
    }

    /** Coolant return temperature of each liquid-cooled rack, °C. */
    public Map<String, Double> rackReturnC() {
        return Collections.unmodifiableMap(rackReturnC);
    }

    /** Heat load of each CDU over its capacity (1 = full). */
    public Map<String, Double> cduUtilisation() {
        return Collections.unmodifiableMap(cduUtilisation);
    }

    /** Heat load of each heat-rejection unit over what it can reject at its setpoint (1 = full). */
    public Map<String, Double> heatRejectionUtilisation() {
        return Collections.unmodifiableMap(heatRejectionUtilisation);
    }

    /** Load of each power component over its rating (1 = full). */
    public Map<String, Double> componentUtilisation() {
        return Collections.unmodifiableMap(componentUtilisation);
    }

    /** What the failure of {@code id} does, if an analysis studied it (power first, else thermal). */
    public Optional<Failure> failure(String id) {
        return Optional.ofNullable(id == null ? null : failures.get(id));
    }

    /** Every element whose failure an analysis studied. */
    public Map<String, Failure> failures() {
        return Collections.unmodifiableMap(failures);
    }
}
