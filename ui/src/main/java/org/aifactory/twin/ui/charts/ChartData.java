package org.aifactory.twin.ui.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aifactory.twin.ui.analysis.AnalysisResults;

/**
 * What the result charts plot, read from the analyses' reports (as {@code validate --json}
 * prints them) by their documented field names. It computes nothing physical: it groups and
 * adds up figures the reports state. A missing report or field gives an empty list or NaN, and
 * the chart says "no data" instead of failing. FX-free, immutable.
 */
public final class ChartData {
    /** Power tiers from the source down to the racks, in the order the charts show them. */
    static final List<String> TIER_ORDER =
            List.of("utility", "generator", "mv-switchgear", "transformer", "lv-switchgear", "ups", "busway", "pdu");

    /**
     * One power tier: every component of one kind in the power report.
     *
     * @param tier the components' kind ("transformer", "busway", ...)
     * @param components how many there are
     * @param loadKw sum of their loads, kW
     * @param ratingKw sum of their ratings, kW
     * @param highestUtilisation the most loaded one's load over rating (1 = full)
     * @param highestId which one that is
     */
    public record TierLoad(
            String tier, int components, double loadKw, double ratingKw, double highestUtilisation, String highestId) {}

    /**
     * PUE as each analysis states it.
     *
     * @param designCoolingOnly thermal {@code pueDesign}: (IT + cooling power at design conditions) / IT
     * @param annualCoolingOnly thermal {@code pueAnnual}: the same with the annual mean cooling power
     * @param withLosses power {@code pue}: facility power (IT + electrical losses + cooling) / IT
     */
    public record Pue(double designCoolingOnly, double annualCoolingOnly, double withLosses) {}

    /**
     * One deployment's serving figures from the serving report.
     *
     * @param ttftMs TTFT at p50, p90, p99, ms
     * @param itlMs inter-token latency at p50, p90, p99, ms
     * @param ttftSloMs and {@code itlSloMs}: the objectives, ms (NaN if none)
     * @param offeredRps offered load, requests per second
     * @param tokensPerSecond input + output tokens per second served
     */
    public record Serving(
            String id,
            String model,
            double[] ttftMs,
            double[] itlMs,
            double ttftSloMs,
            double itlSloMs,
            double offeredRps,
            double tokensPerSecond,
            boolean sloMet) {}

    /**
     * One month of the thermal report's {@code pueMonthly}.
     *
     * @param month 1 (January) to 12
     * @param pue the month's Σ(IT + cooling) / Σ IT
     * @param meanDryBulbC the month's mean ambient dry bulb, °C
     */
    public record MonthPue(int month, double pue, double meanDryBulbC) {}

    /**
     * One point of the serving report's {@code loadSweep} (the facility's deployments summed).
     *
     * @param loadFraction offered load as a fraction of the file's traffic
     * @param offeredRps requests per second offered
     * @param offeredTokensPerSecond tokens per second offered
     * @param tokensPerSecond tokens per second served
     * @param goodputTokensPerSecond tokens per second of requests within the SLOs
     * @param sloAttainment share of requests within the SLOs
     * @param ttftP99Ms and {@code itlP99Ms}: the worst deployment's p99s, ms
     * @param overloaded the report says a queue grew without bound at this load
     */
    public record SweepPoint(
            double loadFraction,
            double offeredRps,
            double offeredTokensPerSecond,
            double tokensPerSecond,
            double goodputTokensPerSecond,
            double sloAttainment,
            double ttftP99Ms,
            double itlP99Ms,
            boolean overloaded) {

        /**
         * Served falls short of offered by more than {@link #SATURATED_SHORTFALL}. (Not the
         * report's {@code overloaded}: a sweep point's short run can see its queue grow for a
         * while below capacity.)
         */
        public boolean saturated() {
            return tokensPerSecond < (1 - SATURATED_SHORTFALL) * offeredTokensPerSecond;
        }
    }

    /** Share of the offered tokens a sweep point may fall short by and still count as keeping up (a display choice). */
    public static final double SATURATED_SHORTFALL = 0.05;

    /** The percentiles the latency charts show, in the order of {@link Serving#ttftMs()}. */
    public static final List<String> PERCENTILES = List.of("p50", "p90", "p99");

    private final List<TierLoad> tiers;
    private final Pue pue;
    private final Map<String, Double> coolingPowerKw;
    private final List<Serving> serving;
    private final List<MonthPue> pueMonthly;
    private final List<SweepPoint> loadSweep;
    private final String loadSweepSkipped;

    private ChartData(
            List<TierLoad> tiers,
            Pue pue,
            Map<String, Double> coolingPowerKw,
            List<Serving> serving,
            List<MonthPue> pueMonthly,
            List<SweepPoint> loadSweep,
            String loadSweepSkipped) {
        this.tiers = List.copyOf(tiers);
        this.pue = pue;
        this.coolingPowerKw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coolingPowerKw));
        this.serving = List.copyOf(serving);
        this.pueMonthly = List.copyOf(pueMonthly);
        this.loadSweep = List.copyOf(loadSweep);
        this.loadSweepSkipped = loadSweepSkipped;
    }

    /** Reads the reports of {@code results}; null results give empty data. */
    public static ChartData of(AnalysisResults results) {
        if (results == null) {
            return new ChartData(
                    List.of(),
                    new Pue(Double.NaN, Double.NaN, Double.NaN),
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null);
        }
        JsonNode power = results.reports().get(AnalysisResults.POWER);
        JsonNode thermal = results.reports().get(AnalysisResults.THERMAL);
        JsonNode servingReport = results.reports().get("serving");
        return new ChartData(
                tiers(power),
                new Pue(number(thermal, "pueDesign"), number(thermal, "pueAnnual"), number(power, "pue")),
                coolingPower(thermal),
                serving(servingReport),
                pueMonthly(thermal),
                loadSweep(servingReport),
                servingReport == null
                        ? null
                        : servingReport.path("loadSweepSkipped").asText(null));
    }

    private static List<MonthPue> pueMonthly(JsonNode thermal) {
        List<MonthPue> out = new ArrayList<>();
        if (thermal == null) {
            return out;
        }
        for (JsonNode m : thermal.path("pueMonthly")) {
            double pue = number(m, "pue");
            if (m.path("month").isInt() && !Double.isNaN(pue)) {
                out.add(new MonthPue(m.path("month").asInt(), pue, number(m, "meanDryBulbC")));
            }
        }
        return out;
    }

    private static List<SweepPoint> loadSweep(JsonNode serving) {
        List<SweepPoint> out = new ArrayList<>();
        if (serving == null) {
            return out;
        }
        for (JsonNode p : serving.path("loadSweep")) {
            double offered = number(p, "offeredRps");
            double tps = number(p, "tokensPerSecond");
            if (Double.isNaN(offered) || Double.isNaN(tps)) {
                continue;
            }
            out.add(new SweepPoint(
                    number(p, "loadFraction"),
                    offered,
                    number(p, "offeredTokensPerSecond"),
                    tps,
                    number(p, "goodputTokensPerSecond"),
                    number(p, "sloAttainment"),
                    number(p, "ttftP99Ms"),
                    number(p, "itlP99Ms"),
                    p.path("overloaded").asBoolean(false)));
        }
        return out;
    }

    private static List<TierLoad> tiers(JsonNode power) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, String> highest = new LinkedHashMap<>();
        if (power != null) {
            for (JsonNode c : power.path("components")) {
                String kind = c.path("kind").asText(null);
                if (kind == null
                        || !c.path("loadKw").isNumber()
                        || !c.path("ratingKw").isNumber()) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(kind, k -> new double[] {0, 0, 0, Double.NEGATIVE_INFINITY});
                s[0]++;
                s[1] += c.path("loadKw").asDouble();
                s[2] += c.path("ratingKw").asDouble();
                double u = c.path("utilization").asDouble(Double.NaN);
                if (u > s[3]) {
                    s[3] = u;
                    highest.put(kind, c.path("id").asText());
                }
            }
        }
        List<TierLoad> out = new ArrayList<>();
        List<String> kinds = new ArrayList<>(sums.keySet());
        kinds.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String k : kinds) {
            double[] s = sums.get(k);
            out.add(new TierLoad(
                    k, (int) s[0], s[1], s[2], s[3] == Double.NEGATIVE_INFINITY ? Double.NaN : s[3], highest.get(k)));
        }
        return out;
    }

    private static int rank(String kind) {
        int i = TIER_ORDER.indexOf(kind);
        return i < 0 ? TIER_ORDER.size() : i;
    }

    private static Map<String, Double> coolingPower(JsonNode thermal) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (thermal == null) {
            return out;
        }
        JsonNode parts = thermal.path("coolingPower");
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber() && e.getKey().endsWith("Kw")) {
                out.put(label(e.getKey()), e.getValue().asDouble());
            }
        }
        return out;
    }

    /** "heatRejectionFansKw" reads "heat rejection fans"; "cduPumpsKw" reads "CDU pumps". */
    static String label(String fieldKw) {
        String bare = fieldKw.substring(0, fieldKw.length() - 2);
        String words = bare.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.replaceFirst("^cdu\\b", "CDU");
    }

    private static List<Serving> serving(JsonNode report) {
        List<Serving> out = new ArrayList<>();
        if (report == null) {
            return out;
        }
        for (JsonNode d : report.path("deployments")) {
            out.add(new Serving(
                    d.path("id").asText("?"),
                    d.path("model").asText(""),
                    new double[] {number(d, "ttftP50Ms"), number(d, "ttftP90Ms"), number(d, "ttftP99Ms")},
                    new double[] {number(d, "itlP50Ms"), number(d, "itlP90Ms"), number(d, "itlP99Ms")},
                    number(d, "ttftSloMs"),
                    number(d, "itlSloMs"),
                    number(d, "offeredRps"),
                    number(d, "tokensPerSecond"),
                    d.path("sloMet").asBoolean(false)));
        }
        return out;
    }

    private static double number(JsonNode node, String field) {
        if (node == null) {
            return Double.NaN;
        }
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** Load against rating per power tier, source first. */
    public List<TierLoad> tiers() {
        return tiers;
    }

    public Pue pue() {
        return pue;
    }

    /** The thermal report's cooling power by consumer (CDU pumps, fans, compressors...), kW. */
    public Map<String, Double> coolingPowerKw() {
        return coolingPowerKw;
    }

    /** The thermal report's monthly PUE, January first; empty without it. */
    public List<MonthPue> pueMonthly() {
        return pueMonthly;
    }

    /** The serving report's load sweep, lightest load first; empty without it. */
    public List<SweepPoint> loadSweep() {
        return loadSweep;
    }

    /** Why the serving report has no load sweep, or null. */
    public String loadSweepSkipped() {
        return loadSweepSkipped;
    }

    /** Index in {@link #loadSweep()} of the first saturated point ({@link SweepPoint#saturated()}), or -1. */
    public int saturationIndex() {
        for (int i = 0; i < loadSweep.size(); i++) {
            if (loadSweep.get(i).saturated()) {
                return i;
            }
        }
        return -1;
    }

    /** One entry per deployment the serving analysis emulated. */
    public List<Serving> serving() {
        return serving;
    }
}
