package org.aifactory.twin.ui.scene;

import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The 2D colour legend over the 3D view: one line per category, with the count drawn. */
public final class LegendView extends VBox {

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

    /** Lists the categories drawn, with their counts, and the selection colour. */
    public void show(Map<ItemCategory, Integer> counts) {
        getChildren().clear();
        for (ItemCategory c : ItemCategory.values()) {
            Integer n = counts.get(c);
            if (n != null && n > 0) {
                getChildren().add(line(c.colour(), c.label() + "  " + String.format(Locale.ROOT, "%,d", n)));
            }
        }
        getChildren().add(line(ItemCategory.HIGHLIGHT, "Selected"));
    }

    private static HBox line(Color colour, String text) {
        Rectangle swatch = new Rectangle(12, 12, colour);
        swatch.setStroke(colour.darker());
        HBox line = new HBox(6, swatch, new Label(text));
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
