package org.aifactory.twin.ui.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.ui.analysis.AnalysisResults;

/**
 * The sizing view for sales engineers: pick a catalog model, a traffic level and SLOs; Size asks
 * the {@link SizingAdvisor} (the serving emulator's sizing mode) off the FX thread, with progress
 * and Cancel, and shows "N racks, X MW IT, Y CDUs"; Lay out as rows hands the laid-out facility
 * to the designer to edit. A window of its own next to the designer. FX thread only.
 */
public final class SizingView {
    private final Stage stage = new Stage();
    private final Optional<SizingAdvisor> advisor;
    private final Consumer<SizingTask.Answer> onLayout;
    private final ChoiceBox<LlmType> model = new ChoiceBox<>();
    private final ChoiceBox<Precision> precision = new ChoiceBox<>();
    private final ChoiceBox<RackType> rack = new ChoiceBox<>();
    private final ChoiceBox<ServingMode> mode = new ChoiceBox<>();
    private final TextField tensor = field("sizingTp");
    private final TextField rps = field("sizingRps");
    private final TextField input = field("sizingInput");
    private final TextField output = field("sizingOutput");
    private final TextField ttft = field("sizingTtft");
    private final TextField itl = field("sizingItl");
    private final Button run = new Button("Size");
    private final Button cancel = new Button("Cancel");
    private final Button layout = new Button("Lay out as rows");
    private final ProgressBar progress = new ProgressBar();
    private final Label message = new Label();
    private final Label answerLabel = new Label("-");
    private final Label detail = new Label();
    private final Label pools = new Label();
    private SizingTask task;
    private SizingTask.Answer answer;

    /**
     * @param advisor the sizing service; empty when no serving module is installed (Size is then disabled)
     * @param onLayout receives a feasible answer's laid-out facility when the user asks for it
     */
    public SizingView(
            Window owner, CatalogIndex catalog, Optional<SizingAdvisor> advisor, Consumer<SizingTask.Answer> onLayout) {
        this.advisor = advisor;
        this.onLayout = onLayout;
        stage.initOwner(owner);
        stage.setTitle("Sizing: racks, power and cooling for a workload");
        model.setId("sizingModel");
        model.getItems().setAll(catalog.modelTypes());
        model.setConverter(converter(m -> m.name() == null ? m.id() : m.name() + " (" + m.id() + ")"));
        rack.setId("sizingRack");
        rack.getItems()
                .setAll(catalog.rackTypes().stream().filter(r -> r.gpus() > 0).toList());
        rack.setConverter(converter(r -> r.name() == null ? r.id() : r.name() + " (" + r.id() + ")"));
        precision.setId("sizingPrecision");
        precision.getItems().setAll(Precision.values());
        mode.setId("sizingMode");
        mode.getItems().setAll(ServingMode.values());
        mode.setConverter(converter(m ->
                m == ServingMode.DISAGGREGATED ? "disaggregated (prefill + decode pools)" : "aggregated (one pool)"));
        set(SizingQuestion.defaults());

        GridPane form = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Model"), model);
        form.addRow(row++, new Label("Precision"), precision);
        form.addRow(row++, new Label("Rack type"), rack);
        form.addRow(row++, new Label("Serving"), mode);
        form.addRow(row++, new Label("Tensor parallelism (GPUs per replica)"), tensor);
        form.addRow(row++, new Label("Traffic, requests/s"), rps);
        form.addRow(row++, new Label("Input tokens per request (mean)"), input);
        form.addRow(row++, new Label("Output tokens per request (mean)"), output);
        form.addRow(row++, new Label("TTFT SLO at p99, ms"), ttft);
        form.addRow(row++, new Label("Inter-token latency SLO at p99, ms"), itl);

        run.setId("sizingRun");
        run.setDefaultButton(true);
        run.setOnAction(e -> size());
        cancel.setId("sizingCancel");
        cancel.setOnAction(e -> cancel());
        layout.setId("sizingLayout");
        layout.setOnAction(e -> layOut());
        progress.setId("sizingProgress");
        progress.setPrefWidth(160);
        message.setId("sizingMessage");
        message.setWrapText(true);
        answerLabel.setId("sizingAnswer");
        answerLabel.setFont(Font.font(null, FontWeight.BOLD, 20));
        answerLabel.setWrapText(true);
        detail.setId("sizingDetail");
        detail.setWrapText(true);
        // Room for three lines of detail, so the window need not grow when an answer arrives.
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setPrefHeight(84);
        pools.setId("sizingPools");
        pools.setWrapText(true);
        pools.setMinHeight(Region.USE_PREF_SIZE);
        pools.setFont(Font.font(null, FontWeight.BOLD, 14));
        idle();
        if (advisor.isEmpty()) {
            run.setDisable(true);
            message.setText("No sizing service is installed (the serving module is not on the class path).");
        } else {
            message.setText("Answers come from the " + advisor.get().name() + "; a size takes a few seconds.");
        }
        HBox buttons = new HBox(8, run, cancel, progress);
        VBox root = new VBox(10, form, buttons, message, answerLabel, pools, detail, layout);
        root.setPadding(new Insets(12));
        root.setPrefWidth(640);
        stage.setScene(new Scene(root));
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        return f;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Fills the form from {@code q} (ids not in the catalog leave the choice as it is). */
    public void set(SizingQuestion q) {
        model.getItems().stream()
                .filter(m -> m.id().equals(q.modelId()))
                .findFirst()
                .ifPresent(model::setValue);
        rack.getItems().stream()
                .filter(r -> r.id().equals(q.rackTypeId()))
                .findFirst()
                .ifPresent(rack::setValue);
        precision.setValue(q.precision());
        mode.setValue(q.mode() == null ? ServingMode.AGGREGATED : q.mode());
        tensor.setText(q.tensorParallelism());
        rps.setText(q.requestsPerSecond());
        input.setText(q.inputTokens());
        output.setText(q.outputTokens());
        ttft.setText(q.ttftMs());
        itl.setText(q.itlMs());
    }

    /** The form as typed. */
    public SizingQuestion question() {
        return new SizingQuestion(
                model.getValue() == null ? null : model.getValue().id(),
                precision.getValue(),
                rack.getValue() == null ? null : rack.getValue().id(),
                tensor.getText(),
                rps.getText(),
                input.getText(),
                output.getText(),
                ttft.getText(),
                itl.getText(),
                mode.getValue());
    }

    /** Size: checks the form, then starts the advisor in the background. Returns the task, or null if the form is wrong. */
    public SizingTask size() {
        if (advisor.isEmpty()) {
            return null;
        }
        SizingAdvisor.Request request;
        try {
            request = question().toRequest();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return null;
        }
        cancel();
        SizingTask t = new SizingTask(advisor.get(), request, SizingView::powerAndCooling);
        task = t;
        answer = null;
        answerLabel.setText("...");
        detail.setText("");
        pools.setText("");
        running(t);
        t.setOnSucceeded(e -> {
            if (t == task) {
                task = null;
                idle();
                show(t.getValue());
            }
        });
        t.setOnFailed(e -> {
            if (t == task) {
                task = null;
                idle();
                Throwable x = t.getException();
                answerLabel.setText("Sizing failed");
                message.setText(x == null || x.getMessage() == null ? String.valueOf(x) : x.getMessage());
                System.getLogger(SizingView.class.getName()).log(System.Logger.Level.WARNING, "Sizing failed", x);
            }
        });
        Thread worker = new Thread(t, "sizing");
        worker.setDaemon(true);
        worker.start();
        return t;
    }

    /**
     * The thermal and power analyses on the class path (power reads the cooling power thermal
     * finds), on {@code layout}: enough for its facility power, without the serving and network runs.
     */
    static AnalysisResults powerAndCooling(Facility layout) {
        List<FacilityAnalysis> found = new ArrayList<>();
        ServiceLoader.load(FacilityAnalysis.class).forEach(a -> {
            if (a.name().equals(AnalysisResults.POWER) || a.name().equals(AnalysisResults.THERMAL)) {
                found.add(a);
            }
        });
        return AnalysisResults.of(new AnalysisPipeline(found).run(layout));
    }

    /** Stops waiting for the running sizing, if any, and throws its answer away. */
    public void cancel() {
        SizingTask t = task;
        if (t == null) {
            return;
        }
        task = null;
        t.cancel();
        idle();
        answerLabel.setText("-");
        message.setText("Sizing cancelled");
    }

    private void running(SizingTask t) {
        progress.progressProperty().bind(t.progressProperty());
        message.textProperty().bind(t.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        run.setDisable(true);
        layout.setDisable(true);
    }

    private void idle() {
        progress.progressProperty().unbind();
        message.textProperty().unbind();
        progress.setVisible(false);
        cancel.setVisible(false);
        run.setDisable(advisor.isEmpty());
        layout.setDisable(answer == null || answer.layout() == null);
    }

    private void show(SizingTask.Answer a) {
        answer = a;
        answerLabel.setText(a.summary());
        SizingAdvisor.Proposal p = a.proposal();
        pools.setText(p.feasible() && p.disaggregated() ? poolsText(p) : "");
        if (!pools.getText().isEmpty() && stage.isShowing()) {
            stage.sizeToScene(); // room for the pools' line, so Lay out as rows stays in view
        }
        if (p.feasible()) {
            String facility = Double.isNaN(a.facilityPowerKw())
                    ? "no power analysis installed"
                    : String.format(
                            Locale.ROOT,
                            "%.2f MW facility power: the power analysis of the layout, with its network racks,"
                                    + " electrical losses and cooling",
                            a.facilityPowerKw() / 1000);
            detail.setText(String.format(
                    Locale.ROOT,
                    "%d replicas of %d GPUs (%d GPUs) serve %,.0f tokens/s; TTFT %.0f ms and inter-token latency %.1f ms at p%.0f"
                            + " (%d emulations). %.2f MW IT in the GPU racks (their typical power); %s. One CDU per 8 racks.",
                    p.replicas(),
                    a.request().tensorParallelism(),
                    p.gpus(),
                    p.tokensPerSecond(),
                    p.ttftAtSloPercentileMs(),
                    p.itlAtSloPercentileMs(),
                    SizingQuestion.SLO_PERCENTILE,
                    p.emulations(),
                    p.itPowerMw(),
                    facility));
            message.setText("Lay out as rows opens the racks, power and cooling as a new facility to edit.");
        } else {
            detail.setText("");
            message.setText(
                    "Relax the SLOs, lower the traffic, or pick another rack type, precision or tensor parallelism.");
        }
        idle();
    }

    /** "Prefill: 6 replicas on 1 rack; decode: 5 replicas on 1 rack" (each pool on racks of its own), and the total. */
    static String poolsText(SizingAdvisor.Proposal p) {
        String shared = p.prefillRacks() + p.decodeRacks() > p.racks()
                ? String.format(Locale.ROOT, " (%d in all: the pools share one)", p.racks())
                : "";
        return String.format(
                Locale.ROOT,
                "Prefill: %d replica%s on %d rack%s; decode: %d replica%s on %d rack%s%s",
                p.prefillReplicas(),
                p.prefillReplicas() == 1 ? "" : "s",
                p.prefillRacks(),
                p.prefillRacks() == 1 ? "" : "s",
                p.decodeReplicas(),
                p.decodeReplicas() == 1 ? "" : "s",
                p.decodeRacks(),
                p.decodeRacks() == 1 ? "" : "s",
                shared);
    }

    private void layOut() {
        if (answer != null && answer.layout() != null) {
            onLayout.accept(answer);
        }
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The last answer; null before one (or after Cancel). */
    public SizingTask.Answer answer() {
        return answer;
    }

    /** True while a sizing runs. */
    public boolean isRunning() {
        return task != null;
    }
}
