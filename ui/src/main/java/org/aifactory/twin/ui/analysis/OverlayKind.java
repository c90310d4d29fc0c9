package org.aifactory.twin.ui.analysis;

import java.util.Locale;
import java.util.Optional;

/** What the 3D view colours items by. */
public enum OverlayKind {
    NONE("None"),
    POWER("Power"),
    THERMAL("Thermal"),
    N1("N-1"),
    NETWORK("Network");

    private final String label;

    OverlayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The overlay named {@code name} ("power", "n-1", "N1"...), case-insensitively. */
    public static Optional<OverlayKind> parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (OverlayKind k : values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(key)
                    || k.label.toLowerCase(Locale.ROOT).replace("-", "").equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
