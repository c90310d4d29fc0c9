package org.aifactory.twin.ui.scene;

import javafx.geometry.Point3D;

/**
 * Where a drawn box stands in the 3D world, in metres: scene x = site x, scene z = site y, and
 * scene y points down (the floor is y = 0, the top of the box is y = -(baseM + heightM)).
 *
 * @param centreX footprint centre along site x, m
 * @param centreZ footprint centre along site y, m
 * @param rotationDeg turn about the vertical axis, degrees, as in the model's placement
 * @param baseM height of the box's underside above the floor, m: 0 for what stands on the floor,
 *     more for what hangs overhead (a busway)
 */
public record ItemGeometry(
        String id,
        double centreX,
        double centreZ,
        double widthM,
        double depthM,
        double heightM,
        double rotationDeg,
        double baseM) {

    /** A box standing on the floor. */
    public ItemGeometry(
            String id,
            double centreX,
            double centreZ,
            double widthM,
            double depthM,
            double heightM,
            double rotationDeg) {
        this(id, centreX, centreZ, widthM, depthM, heightM, rotationDeg, 0);
    }

    /**
     * A point on the top face, {@code u} widths and {@code v} depths away from its centre in the
     * item's own axes ({@code (0, 0)} is the centre, {@code (0.5, 0.5)} a corner).
     */
    public Point3D topPoint(double u, double v) {
        double r = Math.toRadians(rotationDeg);
        double lx = u * widthM;
        double ly = v * depthM;
        return new Point3D(
                centreX + lx * Math.cos(r) - ly * Math.sin(r),
                -(baseM + heightM),
                centreZ + lx * Math.sin(r) + ly * Math.cos(r));
    }

    public Point3D topCentre() {
        return topPoint(0, 0);
    }
}
