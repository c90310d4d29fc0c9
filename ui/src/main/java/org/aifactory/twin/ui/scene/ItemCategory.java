package org.aifactory.twin.ui.scene;

import java.util.Locale;
import javafx.scene.paint.Color;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.layout.PlacedItem;

/** What colour a placed item gets in the 3D view, and the legend line that explains it. */
public enum ItemCategory {
    GB200("GB200 NVL72", Color.web("#43a047")),
    GB300("GB300 NVL72", Color.web("#00897b")),
    VERA_RUBIN("Vera Rubin NVL72", Color.web("#8e44ad")),
    OTHER_GPU("Other GPU rack", Color.web("#9ccc65")),
    NETWORK("Network rack", Color.web("#1e63d6")),
    STORAGE("Storage rack", Color.web("#fb8c00")),
    CPU("CPU rack", Color.web("#8d8d8d")),
    CDU("CDU", Color.web("#29c5e6")),
    AIR_HANDLER("Air handler", Color.web("#b0c4de")),
    POWER("Power equipment", Color.web("#ffb300")),
    HEAT_REJECTION("Dry cooler / chiller / tower", Color.web("#5f7385"));

    /** The colour of the selected item: brighter than any category colour. */
    public static final Color HIGHLIGHT = Color.web("#ffff3c");

    private final String label;
    private final Color colour;

    ItemCategory(String label, Color colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public Color colour() {
        return colour;
    }

    /** The category of a placed item; unknown rack types count as "other GPU" only if they hold GPUs. */
    public static ItemCategory of(PlacedItem item, CatalogIndex catalog) {
        switch (item.kind()) {
            case "rack":
                return catalog.rack(item.type()).map(ItemCategory::ofRack).orElse(CPU);
            case "cdu":
                return CDU;
            case "air-handler":
                return AIR_HANDLER;
            case "power":
                return POWER;
            case "heat-rejection":
                return HEAT_REJECTION;
            default:
                return CPU;
        }
    }

    static ItemCategory ofRack(RackType type) {
        switch (type.kind()) {
            case NETWORK:
                return NETWORK;
            case STORAGE:
                return STORAGE;
            case CPU:
                return CPU;
            case GPU:
            default:
                // By GPU first (the catalog's own statement), then by the rack id's family prefix.
                String key = ((type.gpu() == null ? "" : type.gpu()) + " " + type.id()).toLowerCase(Locale.ROOT);
                if (key.contains("gb200")) {
                    return GB200;
                }
                if (key.contains("b300") || key.contains("gb300")) {
                    return GB300;
                }
                if (key.contains("rubin") || key.startsWith("vr-") || key.contains(" vr-")) {
                    return VERA_RUBIN;
                }
                return OTHER_GPU;
        }
    }

    /** The colour as 0xAARRGGBB, opaque. */
    public int argb() {
        return toArgb(colour);
    }

    static int toArgb(Color c) {
        return 0xff000000
                | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
