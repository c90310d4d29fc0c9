package org.aifactory.twin.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.aifactory.twin.ui.analysis.AnalysisResults;

/**
 * The result charts ({@code #charts}): load against rating per power tier, PUE and cooling power
 * by consumer, serving latency percentiles against their SLOs, and tokens per second against the
 * offered load, side by side in a horizontal scroll pane. They show the last validation's reports
 * through {@link ChartData}; before a validation a line asks for one. FX thread only.
 */
public final class ChartsView {
    static final double CHART_WIDTH = 400;
    /** The monthly PUE and load-sweep charts: twelve labelled months and a legend of four need more room. */
    static final double MONTHLY_WIDTH = 560;

    private final HBox row = new HBox(8);
    private final ScrollPane scroll = new ScrollPane(row);
    private final Label placeholder = new Label("Not validated yet: press Validate (F5) to see the charts.");
    private final StackPane root = new StackPane(scroll, placeholder);
    private ChartData data = ChartData.of(null);

    public ChartsView() {
        root.setId("charts");
        row.setPadding(new Insets(4));
        row.setFillHeight(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        show(null);
    }

    public Node view() {
        return root;
    }

    /** The data the charts show now. */
    public ChartData data() {
        return data;
    }

    /** Shows the charts of {@code results}; null (not validated, or edited since) clears them. */
    public void show(AnalysisResults results) {
        data = ChartData.of(results);
        row.getChildren().clear();
        placeholder.setVisible(results == null);
        scroll.setVisible(results != null);
        if (results == null) {
            return;
        }
        row.getChildren()
                .addAll(
                        powerTiers(),
                        pue(),
                        monthlyPue(),
                        coolingPower(),
                        latency("ttftChart", "Time to first token", true),
                        latency("itlChart", "Inter-token latency", false),
                        throughput());
    }

    private Node powerTiers() {
        BarChart<String, Number> chart = barChart("powerTierChart", "Power: load against rating per tier", "MW");
        XYChart.Series<String, Number> load = new XYChart.Series<>();
        load.setName("Load");
        XYChart.Series<String, Number> rating = new XYChart.Series<>();
        rating.setName("Rating");
        for (ChartData.TierLoad t : data.tiers()) {
            String category = t.tier() + " \u00d7" + t.components();
            load.getData()
                    .add(point(
                            category,
                            t.loadKw() / 1000,
                            String.format(
                                    Locale.ROOT,
                                    "%s: %,.0f kW of %,.0f kW (%.0f %%)%nmost loaded: %s at %.0f %%",
                                    t.tier(),
                                    t.loadKw(),
                                    t.ratingKw(),
                                    100 * t.loadKw() / t.ratingKw(),
                                    t.highestId(),
                                    100 * t.highestUtilisation())));
            rating.getData()
                    .add(point(
                            category,
                            t.ratingKw() / 1000,
                            String.format(
                                    Locale.ROOT,
                                    "%s: rating %,.0f kW in %d component%s",
                                    t.tier(),
                                    t.ratingKw(),
                                    t.components(),
                                    t.components() == 1 ? "" : "s")));
        }
        chart.getData().add(load);
        chart.getData().add(rating);
        return orNoData(chart, data.tiers().isEmpty(), "no power analysis in this validation");
    }

    private Node pue() {
        ChartData.Pue p = data.pue();
        NumberAxis y = new NumberAxis();
        y.setLabel("PUE");
        y.setForceZeroInRange(false);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        style(chart, "pueChart", "PUE (facility power / IT power)");
        chart.setLegendVisible(false);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("PUE");
        addIfNumber(
                s,
                "cooling, design day",
                p.designCoolingOnly(),
                "thermal pueDesign: IT + cooling power on the design day, over IT");
        addIfNumber(
                s, "cooling, annual", p.annualCoolingOnly(), "thermal pueAnnual: with the annual mean cooling power");
        addIfNumber(s, "cooling + losses", p.withLosses(), "power pue: IT + electrical losses + cooling, over IT");
        chart.getData().add(s);
        double top = s.getData().stream()
                .mapToDouble(d -> d.getYValue().doubleValue())
                .max()
                .orElse(1.5);
        y.setAutoRanging(false);
        y.setLowerBound(1.0);
        y.setUpperBound(Math.ceil((top + 0.02) * 20) / 20);
        y.setTickUnit(Math.max(0.01, (y.getUpperBound() - 1.0) / 5));
        return orNoData(chart, s.getData().isEmpty(), "no thermal or power analysis in this validation");
    }

    /** Month abbreviations of the monthly PUE chart's axis. */
    static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /**
     * The thermal report's monthly PUE as a line, each month labelled with its mean dry bulb
     * ("Jul\n31 °C") so the curve explains itself; the annual figure in the title.
     */
    private Node monthlyPue() {
        NumberAxis y = new NumberAxis();
        y.setLabel("PUE (cooling only)");
        y.setForceZeroInRange(false);
        CategoryAxis x = new CategoryAxis();
        x.setLabel("month, mean dry bulb");
        LineChart<String, Number> chart = new LineChart<>(x, y);
        style(chart, "monthlyPueChart", "Monthly PUE");
        chart.setPrefWidth(MONTHLY_WIDTH);
        chart.setMinWidth(MONTHLY_WIDTH);
        chart.setLegendVisible(false);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("PUE");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartData.MonthPue m : data.pueMonthly()) {
            String month = m.month() >= 1 && m.month() <= 12 ? MONTHS.get(m.month() - 1) : "#" + m.month();
            String category = Double.isNaN(m.meanDryBulbC())
                    ? month
                    : String.format(Locale.ROOT, "%s\n%.0f \u00b0C", month, m.meanDryBulbC());
            s.getData()
                    .add(point(
                            category,
                            m.pue(),
                            String.format(
                                    Locale.ROOT,
                                    "%s: PUE %.4f at a mean dry bulb of %.1f \u00b0C",
                                    month,
                                    m.pue(),
                                    m.meanDryBulbC())));
            lo = Math.min(lo, m.pue());
            hi = Math.max(hi, m.pue());
        }
        chart.getData().add(s);
        if (!s.getData().isEmpty()) {
            // a tight range: PUEs differ in the third decimal, and a range from 1.0 would flatten them
            double pad = Math.max(0.002, (hi - lo) * 0.15);
            y.setAutoRanging(false);
            y.setLowerBound(Math.floor((lo - pad) * 1000) / 1000);
            y.setUpperBound(Math.ceil((hi + pad) * 1000) / 1000);
            y.setTickUnit(Math.max(0.001, Math.round((y.getUpperBound() - y.getLowerBound()) / 5 * 1000) / 1000.0));
            if (!Double.isNaN(data.pue().annualCoolingOnly())) {
                chart.setTitle(String.format(
                        Locale.ROOT, "Monthly PUE (annual %.3f)", data.pue().annualCoolingOnly()));
            }
        }
        return orNoData(chart, s.getData().isEmpty(), "no monthly PUE in the thermal report");
    }

    private Node coolingPower() {
        BarChart<String, Number> chart = barChart("coolingPowerChart", "Cooling power by consumer (design day)", "kW");
        chart.setLegendVisible(false);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("Cooling power");
        for (Map.Entry<String, Double> e : data.coolingPowerKw().entrySet()) {
            s.getData()
                    .add(point(
                            e.getKey(),
                            e.getValue(),
                            String.format(Locale.ROOT, "%s: %,.1f kW", e.getKey(), e.getValue())));
        }
        chart.getData().add(s);
        return orNoData(chart, s.getData().isEmpty(), "no thermal analysis in this validation");
    }

    private Node latency(String id, String title, boolean ttft) {
        BarChart<String, Number> chart = barChart(id, title + " by percentile", "ms");
        List<String> sloNotes = new ArrayList<>();
        for (ChartData.Serving d : data.serving()) {
            double[] values = ttft ? d.ttftMs() : d.itlMs();
            double slo = ttft ? d.ttftSloMs() : d.itlSloMs();
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(d.id());
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    s.getData()
                            .add(point(
                                    ChartData.PERCENTILES.get(i),
                                    values[i],
                                    String.format(
                                            Locale.ROOT,
                                            "%s %s: %.1f ms",
                                            d.id(),
                                            ChartData.PERCENTILES.get(i),
                                            values[i])));
                }
            }
            if (!Double.isNaN(slo)) {
                s.getData().add(point("SLO", slo, String.format(Locale.ROOT, "%s objective: %.0f ms", d.id(), slo)));
                sloNotes.add(String.format(Locale.ROOT, "%s %.0f ms", d.id(), slo));
            }
            chart.getData().add(s);
        }
        if (!sloNotes.isEmpty()) {
            chart.setTitle(title + " (SLO: " + String.join(", ", sloNotes) + ")");
        }
        return orNoData(chart, data.serving().isEmpty(), "no serving analysis in this validation");
    }

    /**
     * Tokens/s against offered load: from the serving report's load sweep when it has one
     * (served, goodput and offered tokens/s, the first saturated point marked), else one dot per
     * deployment at its operating point.
     */
    private Node throughput() {
        if (data.loadSweep().isEmpty()) {
            return operatingPoints();
        }
        NumberAxis x = new NumberAxis();
        x.setLabel("offered load, requests/s");
        NumberAxis y = new NumberAxis();
        y.setLabel("tokens/s (thousands)");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        style(chart, "throughputChart", "Tokens/s against offered load");
        chart.setPrefWidth(MONTHLY_WIDTH);
        chart.setMinWidth(MONTHLY_WIDTH);
        XYChart.Series<Number, Number> served = new XYChart.Series<>();
        served.setName("served");
        XYChart.Series<Number, Number> goodput = new XYChart.Series<>();
        goodput.setName("goodput (within SLO)");
        XYChart.Series<Number, Number> offered = new XYChart.Series<>();
        offered.setName("offered");
        for (ChartData.SweepPoint p : data.loadSweep()) {
            served.getData()
                    .add(xy(
                            p.offeredRps(),
                            p.tokensPerSecond() / 1000,
                            String.format(
                                    Locale.ROOT,
                                    "%.2f\u00d7 the traffic: %,.0f req/s offered%nserved %,.0f tokens/s of %,.0f offered%n"
                                            + "TTFT p99 %.0f ms, ITL p99 %.1f ms%s",
                                    p.loadFraction(),
                                    p.offeredRps(),
                                    p.tokensPerSecond(),
                                    p.offeredTokensPerSecond(),
                                    p.ttftP99Ms(),
                                    p.itlP99Ms(),
                                    p.overloaded() ? "\noverloaded: the queue grows" : "")));
            if (!Double.isNaN(p.goodputTokensPerSecond())) {
                goodput.getData()
                        .add(xy(
                                p.offeredRps(),
                                p.goodputTokensPerSecond() / 1000,
                                String.format(
                                        Locale.ROOT,
                                        "goodput %,.0f tokens/s (%.0f %% of requests within the SLOs)",
                                        p.goodputTokensPerSecond(),
                                        100 * p.sloAttainment())));
            }
            if (!Double.isNaN(p.offeredTokensPerSecond())) {
                offered.getData()
                        .add(xy(
                                p.offeredRps(),
                                p.offeredTokensPerSecond() / 1000,
                                String.format(Locale.ROOT, "offered %,.0f tokens/s", p.offeredTokensPerSecond())));
            }
        }
        chart.getData().add(served);
        chart.getData().add(goodput);
        chart.getData().add(offered);
        styleWhenShown(offered.nodeProperty(), "-fx-stroke-dash-array: 6 5; -fx-stroke-width: 1.5;");
        int sat = data.saturationIndex();
        if (sat >= 0) {
            ChartData.SweepPoint p = data.loadSweep().get(sat);
            XYChart.Series<Number, Number> mark = new XYChart.Series<>();
            mark.setName("saturates (" + times(p.loadFraction()) + "\u00d7)");
            mark.getData()
                    .add(xy(
                            p.offeredRps(),
                            p.tokensPerSecond() / 1000,
                            String.format(
                                    Locale.ROOT,
                                    "first point serving %.0f %% less than offered: %,.0f of %,.0f tokens/s",
                                    100 * ChartData.SATURATED_SHORTFALL,
                                    p.tokensPerSecond(),
                                    p.offeredTokensPerSecond())));
            chart.getData().add(mark);
            styleWhenShown(
                    mark.getData().get(0).nodeProperty(),
                    "-fx-background-color: #d62728, white; -fx-background-insets: 0, 3; -fx-background-radius: 9;"
                            + " -fx-padding: 9;");
            chart.setTitle(String.format(
                    Locale.ROOT, "Tokens/s against offered load (saturates near %,.0f req/s)", p.offeredRps()));
        } else {
            chart.setTitle(String.format(
                    Locale.ROOT,
                    "Tokens/s against offered load (keeps up at %s\u00d7)",
                    times(data.loadSweep().get(data.loadSweep().size() - 1).loadFraction())));
        }
        chart.getStyleClass().add("load-sweep");
        return chart;
    }

    /** A load fraction without trailing zeros: 2, 1.5, 0.25. */
    static String times(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction).replaceAll("\\.?0+$", "");
    }

    /** Without a sweep: one dot per deployment at the offered load it was emulated at. */
    private Node operatingPoints() {
        NumberAxis x = new NumberAxis();
        x.setLabel("offered load, requests/s");
        NumberAxis y = new NumberAxis();
        y.setLabel("tokens/s (thousands)");
        ScatterChart<Number, Number> chart = new ScatterChart<>(x, y);
        style(chart, "throughputChart", "Tokens/s against offered load");
        for (ChartData.Serving d : data.serving()) {
            if (Double.isNaN(d.offeredRps()) || Double.isNaN(d.tokensPerSecond())) {
                continue;
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(d.id() + (d.sloMet() ? " (SLO met)" : " (SLO missed)"));
            s.getData()
                    .add(xy(
                            d.offeredRps(),
                            d.tokensPerSecond() / 1000,
                            String.format(
                                    Locale.ROOT,
                                    "%s (%s): %,.0f req/s offered, %,.0f tokens/s",
                                    d.id(),
                                    d.model(),
                                    d.offeredRps(),
                                    d.tokensPerSecond())));
            chart.getData().add(s);
        }
        if (data.loadSweepSkipped() != null) {
            chart.setTitle("Tokens/s against offered load (no sweep: " + data.loadSweepSkipped() + ")");
        }
        return orNoData(chart, chart.getData().isEmpty(), "no serving analysis in this validation");
    }

    /** Sets {@code style} on the node a chart makes for a series or point, now or once it exists. */
    private static void styleWhenShown(javafx.beans.value.ObservableValue<Node> node, String style) {
        if (node.getValue() != null) {
            node.getValue().setStyle(style);
        }
        node.addListener((o, was, n) -> {
            if (n != null) {
                n.setStyle(style);
            }
        });
    }

    private static XYChart.Data<Number, Number> xy(double x, double y, String tip) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        tooltip(d, tip);
        return d;
    }

    private static BarChart<String, Number> barChart(String id, String title, String unit) {
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        style(chart, id, title);
        return chart;
    }

    private static void style(XYChart<?, ?> chart, String id, String title) {
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setPrefWidth(CHART_WIDTH);
        chart.setMinWidth(CHART_WIDTH);
        chart.setMinHeight(160);
        HBox.setHgrow(chart, Priority.ALWAYS);
    }

    private static XYChart.Data<String, Number> point(String category, double value, String tip) {
        XYChart.Data<String, Number> d = new XYChart.Data<>(category, value);
        tooltip(d, tip);
        return d;
    }

    private static void addIfNumber(XYChart.Series<String, Number> s, String category, double value, String tip) {
        if (!Double.isNaN(value)) {
            s.getData().add(point(category, value, String.format(Locale.ROOT, "%.3f - %s", value, tip)));
        }
    }

    /** Tooltips go on the bar or dot once the chart has made its node. */
    private static <X, Y> void tooltip(XYChart.Data<X, Y> d, String text) {
        d.nodeProperty().addListener((o, was, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
    }

    private static Node orNoData(XYChart<?, ?> chart, boolean empty, String why) {
        if (!empty) {
            return chart;
        }
        Label note = new Label("No data: " + why + ".");
        note.setId(chart.getId() + "NoData");
        VBox box = new VBox(4, new Label(chart.getTitle()), note);
        box.setPrefWidth(CHART_WIDTH);
        box.setPadding(new Insets(8));
        return box;
    }
}
