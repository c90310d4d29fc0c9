package org.aifactory.twin.ui.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.ui.scene.ColourScale;
import org.aifactory.twin.ui.scene.SceneColouring;
import org.aifactory.twin.ui.scene.SceneColouring.Swatch;

/**
 * Turns analysis results into overlay colours for the 3D view. Only reads what the analyses
 * reported; computes nothing physical. The scales are fixed (not stretched to the data), so a
 * colour means the same value in every facility.
 */
public final class Overlays {
    /** Items an overlay has no value for. */
    public static final Color NO_DATA = Color.web("#b9bec6");
    /** Items the N-1 case leaves alone. */
    public static final Color UNAFFECTED = Color.web("#c9d3c9");

    public static final Color UNPOWERED = Color.web("#d7191c");
    public static final Color OVERLOADED = Color.web("#fd8d3c");
    public static final Color OVERHEATED = Color.web("#b2182b");

    /** Load over rating (or capacity): green when light, red at 100 %, dark red beyond. */
    public static final ColourScale UTILISATION = new ColourScale(
            "Load / rating",
            "%",
            new double[] {0, 0.5, 0.8, 1.0, 1.2},
            new Color[] {
                Color.web("#1a9850"),
                Color.web("#a6d96a"),
                Color.web("#fee08b"),
                Color.web("#f46d43"),
                Color.web("#a50026")
            },
            100);
    /**
     * Coolant return temperature: 20 to 60 °C covers warm-water liquid cooling (ASHRAE W32-W45
     * supplies plus a 5-15 K rise across the rack).
     */
    public static final ColourScale RETURN_TEMPERATURE = new ColourScale(
            "Rack coolant return",
            "°C",
            new double[] {20, 30, 40, 50, 60},
            new Color[] {
                Color.web("#2b83ba"),
                Color.web("#abdda4"),
                Color.web("#ffffbf"),
                Color.web("#fdae61"),
                Color.web("#d7191c")
            },
            1);

    private Overlays() {}

    /**
     * The colouring for {@code kind}; null for {@link OverlayKind#NONE}. Without results (not yet
     * validated) every item is drawn as "no data" with a hint to validate.
     *
     * @param failedId for N-1: the element whose failure to show (the selection), or null
     */
    public static SceneColouring colouring(
            OverlayKind kind, Facility facility, AnalysisResults results, String failedId) {
        if (kind == OverlayKind.NONE) {
            return null;
        }
        if (results == null) {
            return new SceneColouring(
                    kind.label(),
                    Map.of(),
                    NO_DATA,
                    List.of(),
                    List.of(),
                    "Not validated yet: run Validate (F5) to see this overlay.");
        }
        switch (kind) {
            case POWER:
                return power(facility, results);
            case THERMAL:
                return thermal(results);
            case N1:
                return n1(results, failedId);
            case NETWORK:
            default:
                return network(results);
        }
    }

    /** Racks by the highest load/rating of the busways or PDUs that feed them; placed power equipment by its own. */
    static SceneColouring power(Facility facility, AnalysisResults results) {
        if (!results.has(AnalysisResults.POWER)) {
            return missing("Power", "no power analysis on the class path");
        }
        Map<String, Double> u = results.componentUtilisation();
        Map<String, Color> colours = new HashMap<>();
        u.forEach((id, value) -> colours.put(id, UTILISATION.colour(value)));
        int fed = 0;
        for (Rack r : facility.racks()) {
            double worst = Double.NaN;
            for (RackFeed feed : r.feeds()) {
                Double value = u.get(feed.source());
                if (value != null && !(value <= worst)) {
                    worst = value;
                }
            }
            if (!Double.isNaN(worst)) {
                colours.put(r.id(), UTILISATION.colour(worst));
                fed++;
            }
        }
        ColourScale scale = new ColourScale(
                "Rack feed (busway/PDU) and equipment load / rating",
                "%",
                UTILISATION.values(),
                UTILISATION.colours(),
                100);
        return new SceneColouring(
                "Power utilisation",
                colours,
                NO_DATA,
                List.of(scale),
                List.of(new Swatch(NO_DATA, "No data")),
                String.format(Locale.ROOT, "%,d racks coloured by their most loaded feed.", fed));
    }

    /** Racks by coolant return temperature; CDUs and heat rejection by load over capacity. */
    static SceneColouring thermal(AnalysisResults results) {
        if (!results.has(AnalysisResults.THERMAL)) {
            return missing("Thermal", "no thermal analysis on the class path");
        }
        Map<String, Color> colours = new HashMap<>();
        results.rackReturnC().forEach((id, c) -> colours.put(id, RETURN_TEMPERATURE.colour(c)));
        results.cduUtilisation().forEach((id, v) -> colours.put(id, UTILISATION.colour(v)));
        results.heatRejectionUtilisation().forEach((id, v) -> colours.put(id, UTILISATION.colour(v)));
        ColourScale load =
                new ColourScale("CDU / heat-rejection load", "%", UTILISATION.values(), UTILISATION.colours(), 100);
        return new SceneColouring(
                "Thermal",
                colours,
                NO_DATA,
                List.of(RETURN_TEMPERATURE, load),
                List.of(new Swatch(NO_DATA, "No data (air-cooled, or not in the report)")),
                null);
    }

    /** What the failure of {@code failedId} does: unpowered racks red, overloaded components orange. */
    static SceneColouring n1(AnalysisResults results, String failedId) {
        List<Swatch> swatches = List.of(
                new Swatch(UNPOWERED, "Loses power"),
                new Swatch(OVERHEATED, "Loses cooling (over its limit)"),
                new Swatch(OVERLOADED, "Overloaded"),
                new Swatch(UNAFFECTED, "Unaffected"));
        AnalysisResults.Failure f = results.failure(failedId).orElse(null);
        if (f == null) {
            String note = failedId == null
                    ? "Select a power component or a CDU (3D view or outline) to see what its failure affects."
                    : "No N-1 case for " + failedId + ": select a power component or a CDU.";
            return new SceneColouring("N-1 failure impact", Map.of(), UNAFFECTED, List.of(), swatches, note);
        }
        Map<String, Color> colours = new HashMap<>();
        f.overloaded().forEach(id -> colours.put(id, OVERLOADED));
        f.overheated().forEach(id -> colours.put(id, OVERHEATED));
        f.unpowered().forEach(id -> colours.put(id, UNPOWERED));
        StringBuilder note = new StringBuilder();
        if (f.overheated().isEmpty()) {
            note.append(String.format(
                    Locale.ROOT,
                    "%,d racks lose power, %,d components overloaded",
                    f.unpoweredCount(),
                    f.overloadedCount()));
            if (!Double.isNaN(f.lostLoadKw())) {
                note.append(String.format(Locale.ROOT, " (%,.0f kW lost)", f.lostLoadKw()));
            }
            note.append('.');
        } else {
            note.append(String.format(
                    Locale.ROOT,
                    "%,d racks pass their coolant limit.",
                    f.overheated().size()));
        }
        if (f.truncated()) {
            note.append(String.format(
                    Locale.ROOT,
                    " The report lists only %d of the racks and %d of the components: only those are coloured.",
                    f.unpowered().size(),
                    f.overloaded().size()));
        }
        return new SceneColouring(
                "If " + f.failedId() + " (" + f.kind() + ") fails",
                colours,
                UNAFFECTED,
                List.of(),
                swatches,
                note.toString());
    }

    static SceneColouring network(AnalysisResults results) {
        if (!results.has(AnalysisResults.NETWORK)) {
            return missing("Network", "no network analysis yet");
        }
        return missing("Network", "the network report has no per-item values this overlay can show yet");
    }

    private static SceneColouring missing(String title, String why) {
        return new SceneColouring(
                title, Map.of(), NO_DATA, List.of(), List.of(new Swatch(NO_DATA, "No data")), why + ".");
    }
}
