package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The outline with a selection larger than {@link OutlineView#MAX_OPENED_LINES}: a campus of
 * 1,200 GPU racks. Selecting all of them opens no collapsed lines (only the primary one's), so
 * the selected lines are those already in sight plus the primary one; a small selection still
 * opens every line.
 */
@ExtendWith(ApplicationExtension.class)
class OutlineLargeSelectionTest {
    private final DesignerState state = new DesignerState();
    private OutlineView outline;
    private Facility campus;

    @Start
    void start(Stage stage) {
        campus = new FacilityGenerator(CatalogIo.builtIn()).campus(1_200);
        outline = new OutlineView(state);
        stage.setScene(new Scene(outline.view(), 400, 600));
        stage.show();
        state.setLoaded(FacilityLoadTask.prepare(campus, "campus", null, System.nanoTime()));
    }

    private int selectedLines() {
        return FxTesting.fx(() -> (int) outline.view().getSelectionModel().getSelectedItems().stream()
                .filter(i -> i != null && i.getValue().elementId() != null)
                .count());
    }

    @Test
    void aHugeSelectionSelectsTheLinesInSightAndThePrimaryOneASmallOneEveryLine() {
        List<String> racks = campus.racks().stream().map(Rack::id).toList();
        assertThat(racks.size()).isGreaterThan(OutlineView.MAX_OPENED_LINES);

        // A small selection across two halls: every line opened and selected.
        List<String> few = List.of(racks.get(0), racks.get(racks.size() - 1), racks.get(racks.size() / 2));
        FxTesting.fx(() -> {
            state.selectAll(few);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedLines()).isEqualTo(3);

        // All racks: the primary (first) one's line plus those under already open parents, not all of them.
        FxTesting.fx(() -> {
            state.select(null);
            state.selectAll(racks);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int lines = selectedLines();
        assertThat(lines).isGreaterThanOrEqualTo(1).isLessThan(racks.size());
        TreeItem<OutlineEntry> focused =
                FxTesting.fx(() -> outline.view().getSelectionModel().getSelectedItem());
        assertThat(focused.getValue().elementId()).isEqualTo(racks.get(0));
        // Every selected line stands for a selected rack: nothing else got selected on the way.
        assertThat(FxTesting.fx(() -> outline.view().getSelectionModel().getSelectedItems().stream()
                        .allMatch(i -> racks.contains(i.getValue().elementId()))))
                .isTrue();
        assertThat(state.selection()).hasSize(racks.size());
    }
}
