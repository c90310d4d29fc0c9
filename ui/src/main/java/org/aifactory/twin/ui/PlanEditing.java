package org.aifactory.twin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import org.aifactory.twin.ui.edit.DesignerDocument;
import org.aifactory.twin.ui.edit.EditResult;
import org.aifactory.twin.ui.plan.PlanView;

/**
 * Connects the 2D plan to the shared selection and the document, as {@link FloorGestures} does
 * for the 3D view: the same selection rules (click, Shift+click, rubber band) and the same
 * document edits ({@link DesignerDocument#moveItems}, {@link DesignerDocument#nudgeItems}), so a
 * move the 3D view refuses is refused here with the same message. Each edit is one undo step.
 * FX thread only.
 */
final class PlanEditing implements PlanView.Actions {
    private final PlanView plan;
    private final DesignerState state;
    private final Supplier<DesignerDocument> document;
    private final Consumer<EditResult> report;

    PlanEditing(PlanView plan, DesignerState state, Supplier<DesignerDocument> document, Consumer<EditResult> report) {
        this.plan = plan;
        this.state = state;
        this.document = document;
        this.report = report;
        plan.setActions(this);
        state.selectionStateProperty().addListener((o, was, now) -> showSelection());
    }

    /** Draws the shared selection on the plan. */
    void showSelection() {
        plan.highlight(state.selection(), state.selectedId());
    }

    @Override
    public void pick(String id) {
        state.select(id);
    }

    @Override
    public void toggle(String id) {
        state.toggle(id);
    }

    @Override
    public void band(List<String> ids, boolean adds) {
        java.util.Set<String> next = new java.util.LinkedHashSet<>(adds ? state.selection() : List.of());
        next.addAll(ids);
        state.selectAll(new ArrayList<>(next));
        report.accept(new EditResult(
                false,
                String.format(Locale.ROOT, "Selected %,d item%s", next.size(), next.size() == 1 ? "" : "s"),
                List.of()));
    }

    @Override
    public boolean movable(String id) {
        DesignerDocument doc = document.get();
        return doc != null && doc.isPlaced(id);
    }

    @Override
    public Optional<Point2D> snap(String leadId, String hallId, double xM, double yM) {
        DesignerDocument doc = document.get();
        return doc == null
                ? Optional.empty()
                : doc.snapItem(leadId, hallId, xM, yM).map(s -> new Point2D(s.xM(), s.yM()));
    }

    @Override
    public void move(List<String> ids, String hallId, double xM, double yM) {
        DesignerDocument doc = document.get();
        if (doc != null) {
            report.accept(doc.moveItems(ids, hallId, xM, yM));
        }
    }

    @Override
    public void nudge(double dxM, double dyM, boolean joinPrevious) {
        DesignerDocument doc = document.get();
        if (doc != null) {
            report.accept(doc.nudgeItems(state.selection(), dxM, dyM, joinPrevious));
        }
    }

    @Override
    public boolean connectsFrom(String id) {
        DesignerDocument doc = document.get();
        return doc != null && doc.rackIds(state.selection()).contains(id);
    }

    @Override
    public void connect(String targetId) {
        DesignerDocument doc = document.get();
        if (doc == null) {
            return;
        }
        report.accept(ConnectGesture.connect(doc, doc.rackIds(state.selection()), targetId));
    }
}
