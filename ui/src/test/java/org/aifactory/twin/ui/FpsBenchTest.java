package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code bench --fps}'s engine reports what it measured: the window size it asked for (not the
 * default the window sizes itself to first), the 3D view inside it, and both frame counts. No
 * speed is asserted (speed is measured by the bench, never by a test).
 */
@ExtendWith(ApplicationExtension.class)
class FpsBenchTest {

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
    }

    @Test
    void measuresTheAskedWindowSizeAndTheWindowAlone() throws Exception {
        FpsBench.Result r = FpsBench.run(Samples.SCALABLE_UNIT.load(), "su", 1200, 800, 0.3, 0.5, 0.5);
        assertThat(r.widthPx()).isEqualTo(1200);
        assertThat(r.heightPx()).isEqualTo(800);
        // The 3D view is the middle of the window, between the outline and the properties.
        assertThat(r.view3dWidthPx()).isBetween(100, 1199);
        assertThat(r.view3dHeightPx()).isBetween(100, 799);
        assertThat(r.racks()).isEqualTo(Samples.SCALABLE_UNIT.load().racks().size());
        // Frames were counted in both phases (how many is the bench's business).
        assertThat(r.fps()).isPositive();
        assertThat(r.windowOnlyFps()).isPositive();
        assertThat(r.measuredS()).isGreaterThanOrEqualTo(0.5);
    }
}
