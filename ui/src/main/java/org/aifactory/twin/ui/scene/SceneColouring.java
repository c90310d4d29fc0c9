package org.aifactory.twin.ui.scene;

import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Colours for the drawn items instead of their category colours (an analysis overlay), with the
 * legend that explains them. Items not in {@code colours} are drawn in {@code otherColour}.
 *
 * @param title the legend's heading, e.g. "Thermal"
 * @param colours the colour of each coloured item, by id
 * @param otherColour the colour of every other drawn item
 * @param scales the colour ramps used, each shown with its ticks and unit
 * @param swatches single-colour legend lines (no data, failed, unpowered...)
 * @param note a line of explanation or a hint ("Select a power component"); null for none
 */
public record SceneColouring(
        String title,
        Map<String, Color> colours,
        Color otherColour,
        List<ColourScale> scales,
        List<Swatch> swatches,
        String note) {

    /** One legend line: a colour and what it means. */
    public record Swatch(Color colour, String label) {}

    public SceneColouring {
        colours = Map.copyOf(colours);
        scales = List.copyOf(scales);
        swatches = List.copyOf(swatches);
    }
}
