package org.aifactory.twin.ui.scene;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Point3D;
import javafx.scene.PerspectiveCamera;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;

/**
 * A {@link PerspectiveCamera} on an orbit rig: it looks at {@code target} from {@code distance}
 * metres away, turned by yaw about the vertical and tilted by pitch (see {@link CameraPreset}).
 */
public final class OrbitCamera {
    /** Vertical field of view, degrees. */
    static final double FIELD_OF_VIEW_DEG = 35;
    /** Room left between framed content and the edges of its screen region, px. */
    static final double FRAME_PADDING_PX = 18;

    static final double MIN_PITCH_DEG = -90;
    static final double MAX_PITCH_DEG = -2;
    static final double MIN_DISTANCE_M = 1;

    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Translate targetShift = new Translate();
    private final Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(-35, Rotate.X_AXIS);
    private final Translate back = new Translate(0, 0, -100);
    /** Size of the framed scene, m: bounds zoom and the far clip plane. */
    private double sceneSizeM = 100;
    /** True from {@link #frame} until the user moves the camera. */
    private boolean framed;

    public OrbitCamera() {
        camera.setFieldOfView(FIELD_OF_VIEW_DEG);
        camera.setVerticalFieldOfView(true);
        camera.getTransforms().setAll(targetShift, yaw, pitch, back);
        updateClip();
    }

    public PerspectiveCamera camera() {
        return camera;
    }

    public double yawDeg() {
        return yaw.getAngle();
    }

    public double pitchDeg() {
        return pitch.getAngle();
    }

    public double distanceM() {
        return -back.getZ();
    }

    /** The distance, as an observable: minus it, m. */
    public javafx.beans.value.ObservableDoubleValue negativeDistanceProperty() {
        return back.zProperty();
    }

    /** The vertical field of view, degrees. */
    public double fieldOfViewDeg() {
        return FIELD_OF_VIEW_DEG;
    }

    public Point3D target() {
        return new Point3D(targetShift.getX(), targetShift.getY(), targetShift.getZ());
    }

    /** Whether the camera still shows what {@link #frame} fitted (the user has not moved it since). */
    public boolean isFramed() {
        return framed;
    }

    public void setAngles(double yawDeg, double pitchDeg) {
        framed = false;
        yaw.setAngle(yawDeg);
        pitch.setAngle(Math.max(MIN_PITCH_DEG, Math.min(MAX_PITCH_DEG, pitchDeg)));
    }

    /** Turns the camera about the target by the given angles, degrees. */
    public void orbit(double dYawDeg, double dPitchDeg) {
        setAngles(yaw.getAngle() + dYawDeg, pitch.getAngle() + dPitchDeg);
    }

    /** Moves the target in the screen plane by a share of the view height (1 = one view height). */
    public void pan(double rightShare, double downShare) {
        framed = false;
        double viewHeight = 2 * distanceM() * Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG / 2));
        Transform turn = turn();
        Point3D right = turn.deltaTransform(1, 0, 0);
        Point3D down = turn.deltaTransform(0, 1, 0);
        Point3D shift = right.multiply(rightShare * viewHeight).add(down.multiply(downShare * viewHeight));
        setTarget(target().subtract(shift));
    }

    /** Multiplies the distance by {@code factor} (below 1 zooms in). */
    public void zoom(double factor) {
        framed = false;
        setDistance(distanceM() * factor);
    }

    private void setTarget(Point3D t) {
        targetShift.setX(t.getX());
        targetShift.setY(t.getY());
        targetShift.setZ(t.getZ());
    }

    private void setDistance(double d) {
        back.setZ(-Math.max(MIN_DISTANCE_M, Math.min(d, 20 * sceneSizeM + 100)));
        updateClip();
    }

    /** Near plane scales with the distance (depth precision); far plane reaches past the whole scene. */
    private void updateClip() {
        double d = distanceM();
        camera.setNearClip(Math.max(0.05, d * 0.01));
        camera.setFarClip(d + 4 * sceneSizeM + 100);
    }

    private Transform turn() {
        return yaw.createConcatenation(pitch);
    }

    /**
     * Points the camera at {@code points} (x, y, z after each other) from the current direction,
     * at the distance where all of them just fit a viewport of {@code viewWidth} x
     * {@code viewHeight} px, centred. {@code keepClear} offers alternative screen margins to keep
     * free (e.g. left of or below an overlay); the one that lets the content appear largest wins.
     * {@code sceneSizeM} bounds zoom-out and the far clip plane.
     */
    public void frame(float[] points, double sceneSizeM, double viewWidth, double viewHeight, List<Insets> keepClear) {
        if (points.length < 3 || viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        this.sceneSizeM = Math.max(1, sceneSizeM);
        Fit best = null;
        for (Insets clear : keepClear.isEmpty() ? List.of(Insets.EMPTY) : keepClear) {
            Fit fit = fit(points, viewWidth, viewHeight, clear);
            if (fit != null && (best == null || fit.distance < best.distance)) {
                best = fit;
            }
        }
        if (best == null) {
            best = fit(points, viewWidth, viewHeight, Insets.EMPTY);
        }
        setTarget(best.target);
        setDistance(best.distance);
        framed = true;
    }

    /**
     * Like {@link #frame}, for a part of the scene (a selection): the camera is not marked framed,
     * so resizing the view does not jump back to the whole facility.
     */
    public void focus(float[] points, double sceneSizeM, double viewWidth, double viewHeight, List<Insets> keepClear) {
        frame(points, sceneSizeM, viewWidth, viewHeight, keepClear);
        framed = false;
    }

    /** Where the camera looks from and how far away, to fit points into a screen region. */
    private record Fit(Point3D target, double distance) {}

    /**
     * Fits the points into the part of the view inside {@code clear} plus padding: an off-axis
     * frustum whose screen-space tangents span [cx - halfW, cx + halfW] across and likewise down.
     * Returns null if the region is too small to use.
     */
    private Fit fit(float[] points, double viewWidth, double viewHeight, Insets clear) {
        double left = clear.getLeft() + FRAME_PADDING_PX;
        double right = clear.getRight() + FRAME_PADDING_PX;
        double top = clear.getTop() + FRAME_PADDING_PX;
        double bottom = clear.getBottom() + FRAME_PADDING_PX;
        if (viewWidth - left - right < viewWidth / 4 || viewHeight - top - bottom < viewHeight / 4) {
            return null;
        }
        // Screen position = centre + (x / z) * pxPerTan, with the vertical field of view fixed.
        double pxPerTan = (viewHeight / 2) / Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG / 2));
        double cx = (left - right) / 2 / pxPerTan;
        double cy = (top - bottom) / 2 / pxPerTan;
        double halfW = (viewWidth - left - right) / 2 / pxPerTan;
        double halfH = (viewHeight - top - bottom) / 2 / pxPerTan;
        Transform turn = turn();
        Point3D r = turn.deltaTransform(1, 0, 0);
        Point3D dn = turn.deltaTransform(0, 1, 0);
        Point3D fw = turn.deltaTransform(0, 0, 1);
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i + 2 < points.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], points[i + a]);
                hi[a] = Math.max(hi[a], points[i + a]);
            }
        }
        Point3D target = new Point3D((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
        double d = 0;
        // Perspective makes near things look larger: fit, move the target so the projected points
        // are centred in the region, fit again. A few rounds settle to well under a pixel; the
        // last fit alone guarantees that every point is inside.
        for (int round = 0; round < 5; round++) {
            d = fitDistance(points, target, r, dn, fw, cx, cy, halfW, halfH);
            double minU = Double.POSITIVE_INFINITY;
            double maxU = Double.NEGATIVE_INFINITY;
            double minV = Double.POSITIVE_INFINITY;
            double maxV = Double.NEGATIVE_INFINITY;
            for (int i = 0; i + 2 < points.length; i += 3) {
                double vx = points[i] - target.getX();
                double vy = points[i + 1] - target.getY();
                double vz = points[i + 2] - target.getZ();
                double z = d + dot(fw, vx, vy, vz);
                double u = dot(r, vx, vy, vz) / z;
                double v = dot(dn, vx, vy, vz) / z;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            target =
                    target.add(r.multiply(((minU + maxU) / 2 - cx) * d)).add(dn.multiply(((minV + maxV) / 2 - cy) * d));
        }
        d = fitDistance(points, target, r, dn, fw, cx, cy, halfW, halfH);
        return new Fit(target, d);
    }

    private static double dot(Point3D a, double x, double y, double z) {
        return a.getX() * x + a.getY() * y + a.getZ() * z;
    }

    /**
     * The least distance at which every point lies inside the off-axis frustum: for a point at
     * screen-plane offset x and depth d + f, x / (d + f) must stay within [cx - halfW, cx + halfW].
     */
    private static double fitDistance(
            float[] points,
            Point3D target,
            Point3D r,
            Point3D dn,
            Point3D fw,
            double cx,
            double cy,
            double halfW,
            double halfH) {
        double d = MIN_DISTANCE_M;
        for (int i = 0; i + 2 < points.length; i += 3) {
            double vx = points[i] - target.getX();
            double vy = points[i + 1] - target.getY();
            double vz = points[i + 2] - target.getZ();
            double f = dot(fw, vx, vy, vz);
            double x = dot(r, vx, vy, vz);
            double y = dot(dn, vx, vy, vz);
            d = Math.max(d, x / (halfW + cx) - f);
            d = Math.max(d, -x / (halfW - cx) - f);
            d = Math.max(d, y / (halfH + cy) - f);
            d = Math.max(d, -y / (halfH - cy) - f);
        }
        return d;
    }
}
