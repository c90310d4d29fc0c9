package org.aifactory.twin.ui.scene;

/**
 * Fixed camera directions. {@code yawDeg} turns the camera about the vertical axis (positive:
 * towards the site's -x side); {@code pitchDeg} tilts it down (-90: straight down).
 */
public enum CameraPreset {
    ISO("Iso", 35, -35),
    TOP("Top", 0, -90),
    FRONT("Front", 0, -12);

    private final String label;
    private final double yawDeg;
    private final double pitchDeg;

    CameraPreset(String label, double yawDeg, double pitchDeg) {
        this.label = label;
        this.yawDeg = yawDeg;
        this.pitchDeg = pitchDeg;
    }

    public String label() {
        return label;
    }

    public double yawDeg() {
        return yawDeg;
    }

    /**
     * The yaw for content of this extent. Iso turns less for long, narrow sites (a campus of halls
     * side by side), so their long side runs across the screen instead of into the distance.
     */
    public double yawDegFor(SceneModel.Extent content) {
        if (this != ISO) {
            return yawDeg;
        }
        double longSide = Math.max(content.width(), content.depth());
        double shortSide = Math.max(1, Math.min(content.width(), content.depth()));
        double elongation = longSide / shortSide;
        double yawAcross = elongation <= 2 ? yawDeg : Math.max(MIN_ISO_YAW_DEG, yawDeg * 2 / elongation);
        // Long along z: look along x instead, so that z runs across the screen.
        return content.width() >= content.depth() ? yawAcross : 90 - yawAcross;
    }

    /** The least turn iso keeps, so boxes still show a side. */
    static final double MIN_ISO_YAW_DEG = 12;

    public double pitchDeg() {
        return pitchDeg;
    }
}
