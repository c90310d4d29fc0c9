package org.aifactory.twin.ui.scene;

import javafx.scene.SubScene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse input for an {@link OrbitCamera}: left-drag orbits, right-, middle- or shift-left-drag
 * pans, the wheel zooms towards the target.
 */
public final class CameraController {
    /** Degrees of orbit per pixel dragged. */
    static final double ORBIT_DEG_PER_PIXEL = 0.3;
    /** Zoom factor per wheel notch (JavaFX reports 40 px of deltaY per notch on Linux and Windows). */
    static final double ZOOM_PER_NOTCH = 1.15;

    static final double PIXELS_PER_NOTCH = 40;

    private final OrbitCamera camera;
    private final SubScene view;
    private double lastX;
    private double lastY;

    private CameraController(OrbitCamera camera, SubScene view) {
        this.camera = camera;
        this.view = view;
    }

    public static CameraController attach(OrbitCamera camera, SubScene view) {
        CameraController c = new CameraController(camera, view);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, c::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, c::dragged);
        view.addEventHandler(ScrollEvent.SCROLL, c::scrolled);
        return c;
    }

    private void pressed(MouseEvent e) {
        lastX = e.getSceneX();
        lastY = e.getSceneY();
    }

    private void dragged(MouseEvent e) {
        double dx = e.getSceneX() - lastX;
        double dy = e.getSceneY() - lastY;
        lastX = e.getSceneX();
        lastY = e.getSceneY();
        boolean pan = e.getButton() == MouseButton.SECONDARY
                || e.getButton() == MouseButton.MIDDLE
                || e.isSecondaryButtonDown()
                || e.isMiddleButtonDown()
                || e.isShiftDown();
        if (pan) {
            double h = Math.max(1, view.getHeight());
            camera.pan(dx / h, dy / h);
        } else if (e.isPrimaryButtonDown()) {
            camera.orbit(dx * ORBIT_DEG_PER_PIXEL, -dy * ORBIT_DEG_PER_PIXEL);
        }
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            camera.zoom(Math.pow(ZOOM_PER_NOTCH, -e.getDeltaY() / PIXELS_PER_NOTCH));
            e.consume();
        }
    }
}
