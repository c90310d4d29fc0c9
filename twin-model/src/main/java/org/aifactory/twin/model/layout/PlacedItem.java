package org.aifactory.twin.model.layout;

/**
 * Something that occupies floor: a rack, CDU, air handler, power or heat-rejection unit, with its
 * catalog footprint. Coordinates are those of its hall ({@code hallId}), or of the site's yard
 * when {@code hallId} is null.
 *
 * @param kind "rack", "cdu", "air-handler", "power" or "heat-rejection"
 * @param path JSON pointer of the element, for problem reports
 */
public record PlacedItem(
        String id,
        String kind,
        String type,
        String hallId,
        double xM,
        double yM,
        double rotationDeg,
        double widthM,
        double depthM,
        double heightM,
        String path) {

    /** Corners of the footprint as {x0, y0, x1, y1, x2, y2, x3, y3}, counter-clockwise. */
    public double[] corners() {
        double r = Math.toRadians(rotationDeg);
        double c = Math.cos(r);
        double s = Math.sin(r);
        double hw = widthM / 2;
        double hd = depthM / 2;
        double[] local = {-hw, -hd, hw, -hd, hw, hd, -hw, hd};
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            double lx = local[2 * i];
            double ly = local[2 * i + 1];
            out[2 * i] = xM + lx * c - ly * s;
            out[2 * i + 1] = yM + lx * s + ly * c;
        }
        return out;
    }

    /** Axis-aligned bounds of {@code corners} (of a footprint) as {minX, minY, maxX, maxY}. */
    public static double[] bounds(double[] corners) {
        double[] c = corners;
        return new double[] {
            Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6])),
            Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7])),
            Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6])),
            Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7]))
        };
    }
}
