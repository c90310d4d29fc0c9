package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.stage.Stage;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The application started without a file opens the default sample. */
@ExtendWith(ApplicationExtension.class)
class DesignerAppTest {
    private DesignerApp app;

    @Start
    void start(Stage stage) {
        FxTesting.require3d();
        app = new DesignerApp();
        app.start(stage);
    }

    @Test
    void withoutAFileItOpensTheDefaultSample() throws Exception {
        DesignerWindow window = app.window();
        FxTesting.awaitLoaded(window, 60);
        assertThat(FxTesting.fx(() -> window.stage().getTitle()))
                .isEqualTo("AI-factory twin - " + Samples.DEFAULT.fileName());
        List<String> expected =
                Samples.DEFAULT.load().racks().stream().map(Rack::id).toList();
        assertThat(FxTesting.fx(window::drawnRackIds)).containsExactlyElementsOf(expected);
        assertThat(FxTesting.fx(() -> window.stage().getWidth())).isEqualTo(DesignerWindow.DEFAULT_WIDTH);
    }
}
