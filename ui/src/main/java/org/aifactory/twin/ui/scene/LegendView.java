package org.aifactory.twin.ui.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * The 2D colour legend over the 3D view: one line per category with the count drawn, or, with an
 * overlay on, its colour scales (with ticks and units) and swatches.
 */
public final class LegendView extends VBox {
    /** Length of a colour ramp in the legend, px. */
    static final double RAMP_WIDTH_PX = 220;

    static final double RAMP_HEIGHT_PX = 12;

    private boolean showsSelection = true;

    public LegendView() {
        setId("legend");
        setSpacing(2);
        setPadding(new Insets(6, 9, 6, 9));
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMouseTransparent(true);
        setStyle("-fx-font-size: 11px; -fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 4;"
                + " -fx-border-color: rgba(0,0,0,0.15); -fx-border-radius: 4;");
        show(Map.of());
    }

    /** Whether the legend explains the selection colour (not in pictures without a selection). Call before {@code show}. */
    public void setShowsSelection(boolean shows) {
        showsSelection = shows;
    }

    /** Lists the categories drawn, with their counts, and the selection colour. */
    public void show(Map<ItemCategory, Integer> counts) {
        getChildren().clear();
        for (ItemCategory c : ItemCategory.values()) {
            Integer n = counts.get(c);
            if (n != null && n > 0) {
                getChildren().add(line(c.colour(), c.label() + "  " + String.format(Locale.ROOT, "%,d", n)));
            }
        }
        if (showsSelection) {
            getChildren().add(line(ItemCategory.HIGHLIGHT, "Selected"));
        }
    }

    /** Explains an overlay: its title, each colour ramp with ticks and unit, its swatches and note. */
    public void show(SceneColouring colouring) {
        getChildren().clear();
        Label title = new Label(colouring.title());
        title.setId("legendTitle");
        title.setStyle("-fx-font-weight: bold;");
        getChildren().add(title);
        for (ColourScale scale : colouring.scales()) {
            getChildren().add(ramp(scale));
        }
        for (SceneColouring.Swatch s : colouring.swatches()) {
            getChildren().add(line(s.colour(), s.label()));
        }
        if (showsSelection) {
            getChildren().add(line(ItemCategory.HIGHLIGHT, "Selected"));
        }
        if (colouring.note() != null && !colouring.note().isBlank()) {
            Label note = new Label(colouring.note());
            note.setId("legendNote");
            note.setWrapText(true);
            note.setMaxWidth(RAMP_WIDTH_PX + 20);
            note.setStyle("-fx-font-style: italic;");
            getChildren().add(note);
        }
    }

    /** Title with unit, a gradient bar, and each stop's value under its place on the bar. */
    private static VBox ramp(ColourScale scale) {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < scale.values().length; i++) {
            stops.add(new Stop(scale.position(i), scale.colours()[i]));
        }
        Rectangle bar = new Rectangle(
                RAMP_WIDTH_PX, RAMP_HEIGHT_PX, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.setStroke(Color.gray(0.45));
        Pane ticks = new Pane();
        ticks.setPrefSize(RAMP_WIDTH_PX + 20, 14);
        ticks.setMinHeight(14);
        for (int i = 0; i < scale.values().length; i++) {
            Label tick = new Label(scale.tick(i));
            tick.setStyle("-fx-font-size: 10px;");
            // Centred under its stop: the labels are laid out once their width is known.
            double x = scale.position(i) * RAMP_WIDTH_PX;
            tick.widthProperty().addListener((o, was, now) -> tick.setLayoutX(x - now.doubleValue() / 2 + 10));
            tick.setLayoutX(x + 10 - 6);
            ticks.getChildren().add(tick);
        }
        HBox barLine = new HBox(bar);
        barLine.setPadding(new Insets(0, 10, 0, 10));
        Label title = new Label(scale.title() + " (" + scale.unit() + ")");
        VBox box = new VBox(1, title, barLine, ticks);
        box.setPadding(new Insets(2, 0, 2, 0));
        return box;
    }

    private static HBox line(Color colour, String text) {
        Rectangle swatch = new Rectangle(12, 12, colour);
        swatch.setStroke(colour.darker());
        HBox line = new HBox(6, swatch, new Label(text));
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
