package org.aifactory.twin.ui;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SubScene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.Footprinted;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.model.io.Problem;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.aifactory.twin.ui.analysis.OverlayKind;
import org.aifactory.twin.ui.analysis.Overlays;
import org.aifactory.twin.ui.charts.ChartsView;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.files.Autosaver;
import org.aifactory.twin.ui.files.NewFacility;
import org.aifactory.twin.ui.files.RecentFiles;
import org.aifactory.twin.ui.files.Recovery;
import org.aifactory.twin.ui.files.UserFiles;
import org.aifactory.twin.ui.plan.PlanView;
import org.aifactory.twin.ui.scene.CameraPreset;
import org.aifactory.twin.ui.scene.Facility3DView;
import org.aifactory.twin.ui.scene.SceneColouring;
import org.aifactory.twin.ui.sizing.SizingLayout;
import org.aifactory.twin.ui.sizing.SizingTask;
import org.aifactory.twin.ui.sizing.SizingView;

/**
 * The designer window: menu and camera toolbar on top, outline left, 3D view centre, properties
 * right, findings under the 3D view, status bottom. Loads run in a {@link FacilityLoadTask} and
 * validation in a {@link ValidationTask}, both off the FX thread; the window stays usable
 * meanwhile. Analysis results colour the 3D view through the overlay chosen in the toolbar. Construct it on the FX thread with the stage it takes over.
 */
public final class DesignerWindow {
    public static final String TITLE_PREFIX = "AI-factory twin - ";
    public static final double DEFAULT_WIDTH = 1600;
    public static final double DEFAULT_HEIGHT = 1000;
    /** A load error lists at most this many problems, then "and N more". */
    static final int MAX_PROBLEMS_SHOWN = 50;

    private static final System.Logger LOG = System.getLogger(DesignerWindow.class.getName());

    private final Stage stage;
    private final DesignerState state = new DesignerState();
    private final Facility3DView view3d = new Facility3DView();
    private final OutlineView outline = new OutlineView(state);
    private final PropertiesView properties = new PropertiesView(state);
    private final StatusBar statusBar = new StatusBar();
    private final FindingsView findings = new FindingsView();
    private final ChartsView charts = new ChartsView();
    private final TabPane results = new TabPane();
    private SplitPane centreSplit;
    private final PlanView plan = new PlanView();
    private final TabPane views = new TabPane();
    private final ChoiceBox<OverlayKind> overlayChoice = new ChoiceBox<>();
    private final ReadOnlyBooleanWrapper validating = new ReadOnlyBooleanWrapper(this, "validating");
    private ValidationTask validationTask;
    private final BorderPane root = new BorderPane();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private FacilityLoadTask currentTask;
    private long lastDrawMillis = -1;
    private DesignerDocument document;
    private final ListView<Footprinted> palette = new ListView<>();
    private final FloorGestures gestures;
    private final SelectionActions selectionActions = new SelectionActions(this);
    private static final javafx.scene.input.KeyCombination SELECT_ALL =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+A");
    private final ConnectActions connectActions = new ConnectActions(this);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    private final RecentFiles recentFiles;
    private final Recovery recovery;
    private final Autosaver autosaver;
    private final Menu openRecent = new Menu("Open Recent");

    /**
     * The designer with its files under {@link UserFiles#fromEnvironment()}, autosaving every minute
     * (or as {@code -Dtwin.autosaveSeconds} says).
     */
    public DesignerWindow(Stage stage) {
        this(stage, UserFiles.fromEnvironment(), Autosaver.intervalFromEnvironment());
    }

    /**
     * @param userFiles where the recent-files list and the autosave recovery file live
     * @param autosaveInterval how often unsaved edits are autosaved to the recovery file; null for never
     */
    public DesignerWindow(Stage stage, UserFiles userFiles, Duration autosaveInterval) {
        this.stage = stage;
        this.recentFiles = new RecentFiles(userFiles.recentFilesList());
        this.recovery = new Recovery(userFiles);
        this.autosaver = new Autosaver(recovery, autosaveInterval, this::unsaved);
        root.setTop(new VBox(menuBar(), toolBar()));
        outline.view().setPrefWidth(310);
        // Ctrl+A in the outline means what it means everywhere else (every placed item), not "every line".
        outline.view().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SELECT_ALL.match(e)) {
                e.consume();
                selectionActions.selectAll();
            }
        });
        SplitPane left = new SplitPane(outline.view(), paletteView());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        left.setPrefWidth(310);
        root.setLeft(left);
        SplitPane centre = new SplitPane(viewTabs(), resultsTabs());
        centreSplit = centre;
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(centre.getItems().get(1), false);
        root.setCenter(centre);
        properties.view().setPrefWidth(400);
        properties.setEditing(propertyEditing());
        root.setRight(properties.node());
        root.setBottom(statusBar.view());
        view3d.setOnPick(id -> state.select(id.orElse(null)));
        view3d.setOnExtendPick(state::toggle);
        state.selectionProperty().addListener((o, was, now) -> view3d.highlight(now));
        findings.setOnActivate(f -> focusOn(f.element()));
        state.resultsProperty().addListener((o, was, now) -> {
            findings.show(now);
            charts.show(now);
            repaintOverlay();
        });
        state.overlayProperty().addListener((o, was, now) -> {
            if (now != OverlayKind.NONE && state.results() == null && !isValidating()) {
                validate();
            }
            repaintOverlay();
        });
        state.failedIdProperty().addListener((o, was, now) -> repaintOverlay());
        state.nameProperty().addListener((o, was, now) -> updateTitle());
        dirty.addListener((o, was, now) -> updateTitle());
        stage.setTitle(TITLE_PREFIX.substring(0, TITLE_PREFIX.length() - 3));
        gestures = new FloorGestures(view3d, state, () -> document, this::report);
        gestures.setOnDisarm(() -> palette.getSelectionModel().clearSelection());
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        // Plain keys act on the selection only when no text field is taking them.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::editKey);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        // Closed after Save or Discard (close button or File > Quit): a clean exit leaves no recovery file.
        stage.setOnHidden(e -> autosaver.stopAndDiscard());
        stage.sizeToScene();
        refreshRecentMenu();
        autosaver.start();
    }

    /** Takes over {@code stage}, shows it and starts preparing {@code facility} (known as {@code name}). */
    public static DesignerWindow showOn(Stage stage, Facility facility, String name) {
        DesignerWindow w = new DesignerWindow(stage);
        w.open(name, () -> facility);
        stage.show();
        return w;
    }

    /** Takes over {@code stage}, shows it and starts loading {@code file}. */
    public static DesignerWindow showOn(Stage stage, Path file) {
        DesignerWindow w = new DesignerWindow(stage);
        w.open(file);
        stage.show();
        return w;
    }

    // ---- menus and toolbar ----------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem newFacility = item("New", "Shortcut+N", this::newWithConfirmation);
        newFacility.setId("menuNew");
        openRecent.setId("menuOpenRecent");
        MenuItem open = item("Open...", "Shortcut+O", this::openWithChooser);
        MenuItem save = item("Save", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save As...", "Shortcut+Shift+S", this::saveAs);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (confirmDiscard()) {
                stage.close();
            }
        });
        open.setId("menuOpen");
        save.setId("menuSave");
        saveAs.setId("menuSaveAs");
        quit.setId("menuQuit");
        save.disableProperty().bind(state.loadedProperty().isNull());
        saveAs.disableProperty().bind(state.loadedProperty().isNull());
        MenuItem exportView = item("Export View as PNG...", "Shortcut+E", this::exportViewWithChooser);
        exportView.setId("menuExportView");
        exportView.disableProperty().bind(state.loadedProperty().isNull());
        MenuItem exportReport = item("Export Validation Report...", "Shortcut+Shift+E", this::exportReportWithChooser);
        exportReport.setId("menuExportReport");
        exportReport.disableProperty().bind(state.resultsProperty().isNull());
        Menu file = new Menu(
                "File",
                null,
                newFacility,
                open,
                openRecent,
                save,
                saveAs,
                new SeparatorMenuItem(),
                exportView,
                exportReport,
                new SeparatorMenuItem(),
                quit);
        MenuItem validate = item("Validate", "F5", this::validate);
        validate.setId("menuValidate");
        validate.disableProperty().bind(state.loadedProperty().isNull().or(loading));
        MenuItem sizing = item("Size for a Workload...", "Shortcut+K", this::openSizing);
        sizing.setId("menuSizing");
        Menu analysis = new Menu("Analysis", null, validate, sizing);
        MenuItem undo = item("Undo", "Shortcut+Z", this::undo);
        undo.setId("menuUndo");
        undo.disableProperty().bind(canUndo.not());
        MenuItem redo = item("Redo", "Shortcut+Y", this::redo);
        redo.setId("menuRedo");
        redo.disableProperty().bind(canRedo.not());
        MenuItem delete = new MenuItem("Delete selected (Delete)");
        delete.setId("menuDelete");
        delete.setOnAction(e -> deleteSelected());
        MenuItem rotate = new MenuItem("Rotate selected 90\u00b0 (R)");
        rotate.setId("menuRotate");
        rotate.setOnAction(e -> rotateSelected());
        MenuItem addRow = new MenuItem("Add row of N racks...");
        addRow.setId("menuAddRow");
        addRow.setOnAction(e -> addRowWithDialog());
        addRow.disableProperty().bind(state.loadedProperty().isNull());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem());
        edit.getItems().addAll(selectionActions.menuItems());
        edit.getItems().addAll(connectActions.menuItems());
        edit.getItems().addAll(delete, rotate, new SeparatorMenuItem(), addRow);
        javafx.scene.control.CheckMenuItem cables =
                new javafx.scene.control.CheckMenuItem("Cable trays (network fabrics)");
        cables.setId("menuCables");
        cables.selectedProperty().addListener((o, was, now) -> view3d.setCablesShown(now));
        Menu view = new Menu("View", null, cables);
        return new MenuBar(file, edit, view, analysis);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        List<Node> buttons = new ArrayList<>();
        for (CameraPreset p : CameraPreset.values()) {
            Button b = new Button(p.label());
            b.setId("camera" + p.label());
            b.setTooltip(new Tooltip(p.label() + " view of the whole facility"));
            b.setOnAction(e -> view3d.preset(p));
            buttons.add(b);
        }
        Button frame = new Button("Frame all");
        frame.setId("frameAll");
        frame.setTooltip(new Tooltip("Fit the whole facility into the view, keeping the direction"));
        frame.setOnAction(e -> view3d.frameAll());
        buttons.add(frame);
        buttons.add(new Separator(Orientation.VERTICAL));
        Button validate = new Button("Validate");
        validate.setId("validate");
        validate.setTooltip(new Tooltip("Run every analysis (thermal, power, ...) and list the findings (F5)"));
        validate.setOnAction(e -> validate());
        validate.disableProperty().bind(state.loadedProperty().isNull().or(loading));
        buttons.add(connectActions.toolbarButton());
        buttons.add(new Separator(Orientation.VERTICAL));
        buttons.add(validate);
        overlayChoice.setId("overlay");
        overlayChoice.getItems().setAll(OverlayKind.NONE, OverlayKind.POWER, OverlayKind.THERMAL, OverlayKind.N1);
        overlayChoice.valueProperty().bindBidirectional(state.overlayProperty());
        overlayChoice.setTooltip(
                new Tooltip("Colour the 3D view by an analysis result: power utilisation, coolant return"
                        + " temperature and CDU load, or what fails with the selected power component or CDU (N-1)"));
        Label overlayLabel = new Label("Overlay:");
        buttons.add(overlayLabel);
        buttons.add(overlayChoice);
        ToolBar bar = new ToolBar();
        bar.getItems().addAll(buttons);
        return bar;
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Starts loading {@code file} in the background; the current facility stays until it is ready. */
    public FacilityLoadTask open(Path file) {
        return start(FacilityLoadTask.reading(file));
    }

    /** Starts preparing a facility that is not in a file (a sample, a generated campus). */
    public FacilityLoadTask open(String name, Callable<Facility> source) {
        return start(FacilityLoadTask.of(name, source));
    }

    private FacilityLoadTask start(FacilityLoadTask task) {
        if (currentTask != null) {
            currentTask.cancel();
        }
        cancelValidation();
        currentTask = task;
        loading.set(true);
        statusBar.showProgress(task);
        task.setOnSucceeded(e -> {
            if (task == currentTask) {
                show(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (task == currentTask) {
                finishLoading();
                reportLoadFailure(task.getTitle(), task.getException());
            }
        });
        Thread worker = new Thread(task, "facility-loader");
        worker.setDaemon(true);
        worker.start();
        return task;
    }

    private void show(LoadedFacility f) {
        long start = System.nanoTime();
        gestures.arm(null);
        DesignerDocument doc = new DesignerDocument(f.facility(), CatalogIo.builtIn());
        document = doc;
        doc.addListener(() -> documentChanged(doc));
        if (currentTask != null && currentTask.unsaved()) {
            doc.markUnsaved();
        } else if (f.file() != null) {
            rememberRecent(f.file());
        }
        state.setLoaded(f);
        palette.getItems().setAll(PaletteEntries.of(f.catalog()));
        documentChanged(doc);
        view3d.colour(overlayColouring());
        view3d.show(f.scene());
        statusBar.setText(f.summary());
        // Drawing finishes on the render thread: count until the second pulse after the new
        // content went in (a pulse waits for the previous frame), and only then report done.
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                lastDrawMillis = (System.nanoTime() - start) / 1_000_000;
                statusBar.setText(f.summary() + String.format(Locale.ROOT, ", drawn in %,d ms", lastDrawMillis));
                LOG.log(
                        Level.INFO,
                        () -> String.format(
                                Locale.ROOT,
                                "Opened %s: %,d racks, %,d drawn items; load %,d ms, draw %,d ms",
                                f.name(),
                                f.facility().racks().size(),
                                f.scene().racks().size() + f.scene().equipment().size(),
                                f.loadMillis(),
                                lastDrawMillis));
                if (currentTask == null || currentTask.getValue() == f) {
                    finishLoading();
                }
            }
        }.start();
    }

    private void finishLoading() {
        currentTask = null;
        statusBar.showProgress(null);
        loading.set(false);
    }

    private void reportLoadFailure(String name, Throwable error) {
        List<String> lines = new ArrayList<>();
        String header;
        if (error instanceof FacilityLoadException e) {
            List<Problem> problems = e.problems();
            header = String.format(
                    Locale.ROOT,
                    "Cannot open %s: %d problem%s",
                    name,
                    problems.size(),
                    problems.size() == 1 ? "" : "s");
            problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> lines.add(p.toString()));
            if (problems.size() > MAX_PROBLEMS_SHOWN) {
                lines.add(String.format(Locale.ROOT, "and %d more", problems.size() - MAX_PROBLEMS_SHOWN));
            }
        } else {
            header = "Cannot open " + name;
            lines.add(error == null ? "unknown error" : messageOf(error));
        }
        statusBar.setText(header);
        LOG.log(Level.WARNING, () -> header + "\n" + String.join("\n", lines));
        showError("Open failed", header, String.join("\n", lines));
    }

    private static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private void showError(String title, String header, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea text = new TextArea(details);
        text.setId("errorDetails");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(Math.min(20, Math.max(3, (int) details.lines().count() + 1)));
        alert.getDialogPane().setContent(text);
        alert.setResizable(true);
        // Not showAndWait: no nested event loop, so the window keeps drawing and tests can find the dialog.
        alert.show();
    }

    /** File > Open...: asks for a *.json file and loads it. */
    public void openWithChooser() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open facility");
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    // ---- validation and overlays -------------------------------------------------------------

    /**
     * Validate (F5): runs every analysis on the open facility in the background, with progress
     * and Cancel in the status bar. Returns the task, or null if nothing is open or a file is loading.
     */
    public ValidationTask validate() {
        LoadedFacility f = state.loaded().orElse(null);
        if (f == null || isLoading()) {
            return null;
        }
        return startValidation(new ValidationTask(f.name(), f.facility(), f.file()));
    }

    /** Starts {@code task} (built for the open facility) as the window's validation; tests pass slow ones. */
    ValidationTask startValidation(ValidationTask task) {
        cancelValidation();
        validationTask = task;
        validating.set(true);
        findings.showRunning();
        statusBar.showProgress(task, this::cancelValidation);
        task.setOnSucceeded(e -> {
            if (task == validationTask) {
                endValidation();
                AnalysisResults results = task.getValue();
                state.setResults(results);
                statusBar.setText(String.format(
                        Locale.ROOT,
                        "Validated %s: %d finding%s",
                        state.nameProperty().get(),
                        results.findings().size(),
                        results.findings().size() == 1 ? "" : "s"));
            }
        });
        task.setOnFailed(e -> {
            if (task == validationTask) {
                endValidation();
                findings.show(state.results());
                String header = "Validation failed";
                statusBar.setText(header + ": " + messageOf(task.getException()));
                LOG.log(Level.WARNING, header, task.getException());
                showError(header, header, messageOf(task.getException()));
            }
        });
        Thread worker = new Thread(task, "validation");
        worker.setDaemon(true);
        worker.start();
        return task;
    }

    /** Stops waiting for the running validation, if any, and throws its result away. */
    public void cancelValidation() {
        ValidationTask task = validationTask;
        if (task == null) {
            return;
        }
        endValidation();
        task.cancel();
        findings.show(state.results());
        statusBar.setText("Validation cancelled");
    }

    private void endValidation() {
        validationTask = null;
        validating.set(false);
        statusBar.showProgress(null);
    }

    /** True while a validation runs. */
    public ReadOnlyBooleanProperty validatingProperty() {
        return validating.getReadOnlyProperty();
    }

    public boolean isValidating() {
        return validating.get();
    }

    /** Selects an element, highlights it and points the camera at it (or at what stands for it on the floor). */
    public void focusOn(String elementId) {
        LoadedFacility f = state.loaded().orElse(null);
        if (elementId == null || f == null) {
            return;
        }
        state.select(elementId);
        view3d.focus(FocusTargets.of(elementId, f.elements()));
    }

    private void repaintOverlay() {
        view3d.colour(overlayColouring());
    }

    private SceneColouring overlayColouring() {
        LoadedFacility f = state.loaded().orElse(null);
        OverlayKind kind = state.overlayProperty().get();
        if (f == null || kind == null) {
            return null;
        }
        return Overlays.colouring(
                kind, f.facility(), state.results(), state.failedIdProperty().get());
    }

    // ---- export ------------------------------------------------------------------------------

    private void exportViewWithChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the 3D view as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images (*.png)", "*.png"));
        chooser.setInitialFileName(baseName() + "-view.png");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            exportViewTo(chosen.toPath());
        }
    }

    /**
     * Writes what the centre shows now as a PNG: the 3D view with its legend, or the 2D plan when
     * its tab is chosen. A failure is shown to the user and returns false.
     */
    public boolean exportViewTo(Path target) {
        try {
            Node shown = views.getSelectionModel().getSelectedIndex() == 1 ? plan.view() : view3d.node();
            PngWriter.write(shown.snapshot(null, null), target);
        } catch (IOException | RuntimeException e) {
            reportExportFailure(target, e);
            return false;
        }
        statusBar.setText("Exported the view to " + target);
        return true;
    }

    private void exportReportWithChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the validation report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON (*.json)", "*.json"));
        chooser.setInitialFileName(baseName() + "-report.json");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            exportReportTo(chosen.toPath());
        }
    }

    /**
     * Writes the last validation's findings and every analysis report as JSON, in the shape of
     * {@code twin validate --json} ({@code facility} holds the name only). Returns false if there
     * is nothing to write or writing failed (shown to the user).
     */
    public boolean exportReportTo(Path target) {
        AnalysisResults results = state.results();
        if (results == null) {
            return false;
        }
        try {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put(
                    "facility",
                    Map.of("name", String.valueOf(state.nameProperty().get())));
            report.put("findings", results.findings());
            report.put("analyses", results.reports());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                TwinJson.prettyWriter().writeValue(tmp.toFile(), report);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            reportExportFailure(target, e);
            return false;
        }
        statusBar.setText("Exported the validation report to " + target);
        return true;
    }

    private String baseName() {
        String name = state.nameProperty().get();
        return name == null ? "facility" : name.replaceFirst("\\.json$", "");
    }

    private void reportExportFailure(Path target, Exception e) {
        String header = "Cannot export to " + target;
        statusBar.setText(header);
        LOG.log(Level.WARNING, () -> header + ": " + messageOf(e));
        showError("Export failed", header, messageOf(e));
    }

    // ---- saving -----------------------------------------------------------------------------

    /** File > Save: writes to the current file, or asks for one if there is none yet. */
    public boolean save() {
        Path file = state.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    /** File > Save As...: asks for a file and writes to it. */
    public boolean saveAs() {
        if (state.loaded().isEmpty()) {
            return false;
        }
        FileChooser chooser = chooser("Save facility as");
        String name = state.nameProperty().get();
        chooser.setInitialFileName(name != null && name.endsWith(".json") ? name : "facility.json");
        File chosen = chooser.showSaveDialog(stage);
        return chosen != null && saveTo(chosen.toPath());
    }

    /**
     * Writes the open facility to {@code target} (atomically) and makes it the current file.
     * A failure is shown to the user and returns false.
     */
    public boolean saveTo(Path target) {
        LoadedFacility f = state.loaded().orElse(null);
        if (f == null) {
            return false;
        }
        try {
            FacilityWriter.write(f.facility(), target);
        } catch (IOException | RuntimeException e) {
            String header = "Cannot save to " + target;
            statusBar.setText(header);
            LOG.log(Level.WARNING, () -> header + ": " + messageOf(e));
            showError("Save failed", header, messageOf(e));
            return false;
        }
        state.savedTo(target);
        if (document != null && document.facility() == f.facility()) {
            document.markSaved();
        }
        rememberRecent(target);
        if (!isDirty()) {
            autosaver.discard();
        }
        statusBar.setText("Saved " + target);
        return true;
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Facility files (*.json)", "*.json"));
        Path file = state.fileProperty().get();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    // ---- 3D view and 2D plan ------------------------------------------------------------------

    /** The 3D view and the 2D plan share the centre as two tabs; both follow the open facility and the selection. */
    private Node viewTabs() {
        Tab view3dTab = new Tab("3D", view3d.node());
        view3dTab.setId("view3dTab");
        Tab planTab = new Tab("Plan", plan.view());
        planTab.setId("planTab");
        views.getTabs().setAll(view3dTab, planTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("views");
        planEditing = new PlanEditing(plan, state, () -> document, this::report);
        // The plan is drawn only while its tab shows: a campus of 8,000 racks need not be laid out twice per edit.
        state.loadedProperty().addListener((o, was, now) -> refreshPlan());
        planTab.selectedProperty().addListener((o, was, now) -> refreshPlan());
        return views;
    }

    private LoadedFacility planShows;
    private PlanEditing planEditing;

    private void refreshPlan() {
        LoadedFacility now = state.loaded().orElse(null);
        if (views.getSelectionModel().getSelectedIndex() != 1 || now == planShows) {
            return;
        }
        boolean refit = planShows == null || now == null || !Objects.equals(planShows.name(), now.name());
        planShows = now;
        plan.show(now == null ? null : now.facility(), now == null ? null : now.catalog(), refit);
        planEditing.showSelection();
    }

    /** Shows the 2D plan (true) or the 3D view (false) in the centre. */
    public void showPlan(boolean show) {
        views.getSelectionModel().select(show ? 1 : 0);
    }

    public PlanView plan() {
        return plan;
    }

    // ---- results: findings and charts ----------------------------------------------------------

    /** Findings and charts share the space under the 3D view; the charts tab makes room for itself. */
    private Node resultsTabs() {
        Tab findingsTab = new Tab("Findings", findings.view());
        findingsTab.setId("findingsTab");
        Tab chartsTab = new Tab("Charts", charts.view());
        chartsTab.setId("chartsTab");
        results.getTabs().setAll(findingsTab, chartsTab);
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        results.setId("results");
        double[] findingsDivider = {0.74};
        results.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (centreSplit == null) {
                return;
            }
            if (now == chartsTab) {
                findingsDivider[0] = centreSplit.getDividerPositions()[0];
                centreSplit.setDividerPositions(Math.min(findingsDivider[0], 0.52));
            } else {
                centreSplit.setDividerPositions(findingsDivider[0]);
            }
        });
        return results;
    }

    /** Shows the charts tab (or the findings tab) under the 3D view. */
    public void showCharts(boolean show) {
        results.getSelectionModel().select(show ? 1 : 0);
    }

    public ChartsView charts() {
        return charts;
    }

    // ---- sizing -------------------------------------------------------------------------------

    private SizingView sizingView;

    /** Analysis > Size for a Workload...: the sizing view (one per window), in front. */
    public SizingView openSizing() {
        if (sizingView == null) {
            sizingView = new SizingView(
                    stage,
                    new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY),
                    SizingAdvisor.discover(),
                    this::layOutSizing);
        }
        sizingView.show();
        return sizingView;
    }

    /** Opens a sizing answer's layout as a new facility with unsaved changes (asks first about the open one's). */
    private void layOutSizing(SizingTask.Answer answer) {
        if (!confirmDiscard()) {
            return;
        }
        stage.toFront();
        start(FacilityLoadTask.unsaved(SizingLayout.fileName(answer.request(), answer.proposal()), answer::layout));
    }

    // ---- files and safety: new, recent files, autosave and recovery ----------------------------

    /** File > New: an empty hall (asks first if there are unsaved changes). */
    private void newWithConfirmation() {
        if (confirmDiscard()) {
            newFacility();
        }
    }

    /** Starts a new, empty facility (one empty hall, see {@link NewFacility}) that is in no file yet. */
    public FacilityLoadTask newFacility() {
        return open(NewFacility.NAME, NewFacility::create);
    }

    private void rememberRecent(Path file) {
        try {
            recentFiles.add(file);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Cannot update the recent-files list: " + messageOf(e));
        }
        refreshRecentMenu();
    }

    private void refreshRecentMenu() {
        List<MenuItem> items = new ArrayList<>();
        List<Path> files = recentFiles.list();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            Path dir = p.getParent();
            MenuItem item = new MenuItem(String.format(
                    Locale.ROOT, "%d  %s%s", i + 1, p.getFileName(), dir == null ? "" : "  (" + dir + ")"));
            item.setId("recent-" + i);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openRecent(p));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(no recent files)");
            none.setDisable(true);
            items.add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setId("recentClear");
            clear.setOnAction(e -> {
                recentFiles.clear();
                refreshRecentMenu();
            });
            items.add(new SeparatorMenuItem());
            items.add(clear);
        }
        openRecent.getItems().setAll(items);
    }

    /** File > Open Recent > file: asks about unsaved changes, then opens it; a file that is gone leaves the list. */
    public void openRecent(Path file) {
        if (!confirmDiscard()) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            recentFiles.remove(file);
            refreshRecentMenu();
            statusBar.setText("Cannot open " + file + ": it no longer exists");
            showError(
                    "Open failed",
                    "Cannot open " + file.getFileName(),
                    file + " no longer exists; it was taken off the recent files.");
            return;
        }
        open(file);
    }

    /** The files File > Open Recent lists, newest first. */
    public List<Path> recentFiles() {
        return recentFiles.list();
    }

    private Autosaver.Unsaved unsaved() {
        DesignerDocument doc = document;
        if (doc == null || !doc.isDirty()) {
            return null;
        }
        return new Autosaver.Unsaved(
                doc.facility(), state.nameProperty().get(), state.fileProperty().get());
    }

    /** The autosave (for tests: {@code autosaver().saveNow()} instead of waiting for the timer). */
    public Autosaver autosaver() {
        return autosaver;
    }

    /**
     * If the last session did not exit cleanly and left an autosave, asks whether to recover it
     * (Recover / Discard). Recovering opens it as the facility it was (same name and file) with
     * unsaved changes; discarding deletes it. Returns the load task when recovering, else null.
     */
    public FacilityLoadTask offerRecovery() {
        Optional<Recovery.Snapshot> found;
        try {
            found = recovery.find();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Cannot read the recovery file: " + messageOf(e));
            return null;
        }
        if (found.isEmpty()) {
            return null;
        }
        Recovery.Snapshot snap = found.get();
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                .format(snap.savedAt().atZone(ZoneId.systemDefault()));
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                String.format(
                        Locale.ROOT,
                        "The designer did not close normally. Unsaved changes to %s were autosaved at %s%s.%n%n"
                                + "Recover opens them (still unsaved; Save writes them%s). Discard deletes them.",
                        snap.name(),
                        when,
                        snap.originalFile() == null ? "" : " (from " + snap.originalFile() + ")",
                        snap.originalFile() == null
                                ? " to a file you choose"
                                : " over " + snap.originalFile().getFileName()),
                recover,
                discard);
        alert.initOwner(stage);
        alert.setTitle("Recover unsaved changes");
        alert.setHeaderText("Recover unsaved changes to " + snap.name() + "?");
        alert.getDialogPane().setPrefWidth(620);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == recover) {
            statusBar.setText("Recovering " + snap.name() + " from the autosave");
            return start(FacilityLoadTask.recovering(snap.file(), snap.name(), snap.originalFile()));
        }
        autosaver.discard();
        statusBar.setText("Discarded the autosaved changes to " + snap.name());
        return null;
    }

    // ---- editing ------------------------------------------------------------------------------

    private Node paletteView() {
        palette.setId("palette");
        palette.setPlaceholder(new Label("Open a facility to see its catalog."));
        palette.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Footprinted t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : PaletteEntries.label(t));
            }
        });
        palette.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            gestures.arm(now == null ? null : now.id());
            if (now != null) {
                statusBar.setText("Click the floor to place a " + now.id() + " (Esc cancels)"
                        + (now instanceof RackType ? "" : "; outside the halls it goes into the yard"));
            }
        });
        Label title = new Label("Palette: choose a rack or equipment type, then click the floor");
        title.setWrapText(true);
        VBox box = new VBox(4, title, palette);
        VBox.setVgrow(palette, Priority.ALWAYS);
        return box;
    }

    private PropertiesView.Editing propertyEditing() {
        return new PropertiesView.Editing() {
            @Override
            public List<String> editableFields(String elementId) {
                return document == null ? List.of() : document.editableFields(elementId);
            }

            @Override
            public EditResult check(String elementId, String field, String text) {
                return document == null
                        ? new EditResult(false, "Nothing is open", List.of())
                        : document.checkProperty(elementId, field, text);
            }

            @Override
            public EditResult apply(String elementId, String field, String text) {
                if (document == null) {
                    return new EditResult(false, "Nothing is open", List.of());
                }
                EditResult r = document.setProperty(elementId, field, text);
                report(r);
                return r;
            }
        };
    }

    /** After every edit, undo or redo: shows the document's facility (3D, outline, properties) and its dirty state. */
    private void documentChanged(DesignerDocument doc) {
        if (doc != document) {
            return;
        }
        dirty.set(doc.isDirty());
        canUndo.set(doc.canUndo());
        canRedo.set(doc.canRedo());
        LoadedFacility current = state.loaded().orElse(null);
        if (current == null || current.facility() == doc.facility()) {
            return;
        }
        cancelValidation();
        LoadedFacility next =
                FacilityLoadTask.prepare(doc.facility(), current.name(), current.file(), System.nanoTime());
        List<String> keep = state.selection();
        view3d.replace(next.scene());
        state.replaceFacility(next, keep);
        statusBar.setText(next.summary().replaceFirst(" - loaded in .*", ""));
    }

    /** Shows what an edit did or why it was refused, and selects what it created or moved. */
    void report(EditResult r) {
        if (r.applied() && !r.affectedIds().isEmpty()) {
            state.selectAll(r.affectedIds());
        }
        statusBar.setText(r.message());
        if (!r.applied()) {
            LOG.log(Level.INFO, r.message());
        }
    }

    private void updateTitle() {
        String name = state.nameProperty().get();
        stage.setTitle(TITLE_PREFIX + (dirty.get() ? "*" : "") + (name == null ? "" : name));
    }

    private void editKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl
                || stage.getScene().getFocusOwner() instanceof TextInputControl
                || e.isShortcutDown()
                || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            deleteSelected();
            e.consume();
        } else if (e.getCode() == KeyCode.R) {
            rotateSelected();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && gestures.armed() != null) {
            palette.getSelectionModel().clearSelection();
            gestures.arm(null);
            statusBar.setText("Placing cancelled");
            e.consume();
        }
    }

    /** Edit > Undo (Ctrl+Z). */
    public boolean undo() {
        boolean done = document != null && document.undo();
        statusBar.setText(done ? "Undone" : "Nothing to undo");
        return done;
    }

    /** Edit > Redo (Ctrl+Y). */
    public boolean redo() {
        boolean done = document != null && document.redo();
        statusBar.setText(done ? "Redone" : "Nothing to redo");
        return done;
    }

    /** Deletes every selected rack and piece of equipment in one step (Delete key); the result says why not if it cannot. */
    public EditResult deleteSelected() {
        List<String> ids = document == null ? List.of() : document.placedIds(state.selection());
        if (ids.isEmpty()) {
            EditResult r = new EditResult(false, "Select a rack or piece of equipment to delete it", List.of());
            report(r);
            return r;
        }
        EditResult r = document.deleteItems(ids);
        report(r);
        return r;
    }

    /** Turns every selected rack and piece of equipment a quarter turn about its own centre (R key). */
    public EditResult rotateSelected() {
        List<String> ids = document == null ? List.of() : document.placedIds(state.selection());
        if (ids.isEmpty()) {
            EditResult r = new EditResult(false, "Select a rack or piece of equipment to rotate it", List.of());
            report(r);
            return r;
        }
        EditResult r = document.rotateItems(ids);
        report(r);
        return r;
    }

    /** Adds a new row of {@code count} racks of {@code rackType}, the first centred at ({@code xM}, {@code yM}) of {@code hallId}. */
    public EditResult addRow(String rackType, String hallId, double xM, double yM, int count) {
        if (document == null) {
            return new EditResult(false, "Nothing is open", List.of());
        }
        EditResult r = document.addRow(rackType, hallId, xM, yM, count);
        report(r);
        return r;
    }

    private void addRowWithDialog() {
        if (document == null) {
            return;
        }
        Facility f = document.facility();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Add row of N racks");
        dialog.setHeaderText("Racks side by side along the hall's width; the first one centred at (x, y).");
        ChoiceBox<String> type = new ChoiceBox<>();
        palette.getItems().stream()
                .filter(t -> t instanceof RackType)
                .forEach(t -> type.getItems().add(t.id()));
        Footprinted chosen = palette.getSelectionModel().getSelectedItem();
        type.setValue(
                chosen instanceof RackType
                        ? chosen.id()
                        : type.getItems().isEmpty() ? null : type.getItems().get(0));
        ChoiceBox<String> hall = new ChoiceBox<>();
        f.halls().forEach(h -> hall.getItems().add(h.id()));
        hall.setValue(hall.getItems().isEmpty() ? null : hall.getItems().get(0));
        TextField count = new TextField("8");
        TextField x = new TextField("1.2");
        TextField y = new TextField("1.2");
        count.setId("addRowCount");
        x.setId("addRowX");
        y.setId("addRowY");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Rack type"), type);
        grid.addRow(1, new Label("Hall"), hall);
        grid.addRow(2, new Label("Number of racks"), count);
        grid.addRow(3, new Label("x of the first rack, m"), x);
        grid.addRow(4, new Label("y of the row, m"), y);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK || type.getValue() == null || hall.getValue() == null) {
            return;
        }
        try {
            EditResult r = addRow(
                    type.getValue(),
                    hall.getValue(),
                    Double.parseDouble(x.getText().strip()),
                    Double.parseDouble(y.getText().strip()),
                    Integer.parseInt(count.getText().strip()));
            if (!r.applied()) {
                showError("Add row refused", "The row was not added", r.message());
            }
        } catch (NumberFormatException e) {
            showError("Add row refused", "The row was not added", "Not a number: " + messageOf(e));
        }
    }

    /**
     * Asks what to do with unsaved changes (Save / Discard / Cancel); true if the window may
     * close or open another facility.
     */
    public boolean confirmDiscard() {
        if (!isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Save the changes to " + state.nameProperty().get() + "?",
                saveButton,
                discard,
                ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("The facility has unsaved changes");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() != saveButton || save();
    }

    /** True while the facility has edits that are not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The editing model of the open facility; null before one is open. */
    public DesignerDocument document() {
        return document;
    }

    public ListView<Footprinted> palette() {
        return palette;
    }

    // ---- for the application and for tests ----------------------------------------------------

    public Stage stage() {
        return stage;
    }

    public DesignerState state() {
        return state;
    }

    public OutlineView outline() {
        return outline;
    }

    public PropertiesView properties() {
        return properties;
    }

    public FindingsView findings() {
        return findings;
    }

    /** Connect feeds and cooling loops of the selected racks (the Edit menu's). */
    ConnectActions connectActions() {
        return connectActions;
    }

    /** Copy, paste, select all and align on the selection (the Edit menu's). */
    SelectionActions selectionActions() {
        return selectionActions;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public Facility3DView view3d() {
        return view3d;
    }

    public SubScene subScene() {
        return view3d.subScene();
    }

    /** The root of the 3D world: {@code world3d().localToScreen(point)} gives a point's screen position. */
    public Node world3d() {
        return view3d.world();
    }

    /** True from the start of a load until the loaded facility has been drawn (or the load failed). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** The open facility, if any. */
    public Optional<Facility> facility() {
        return state.loaded().map(LoadedFacility::facility);
    }

    public ReadOnlyStringProperty selectedIdProperty() {
        return state.selectedIdProperty();
    }

    public String selectedId() {
        return state.selectedId();
    }

    public void select(String id) {
        state.select(id);
    }

    /** Ids of the racks drawn in 3D, in drawing order. */
    public List<String> drawnRackIds() {
        return view3d.rackIds();
    }

    /**
     * A point on the top face of a drawn rack (or other item), in {@link #world3d()} coordinates:
     * {@code u} widths and {@code v} depths from its centre.
     */
    public Optional<Point3D> topPoint(String id, double u, double v) {
        return view3d.topPoint(id, u, v);
    }

    /** Wall time from putting the last loaded facility in to its second frame, ms; -1 before. */
    public long lastDrawMillis() {
        return lastDrawMillis;
    }
}
