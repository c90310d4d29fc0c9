package org.aifactory.twin.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.aifactory.twin.ui.analysis.OverlayKind;

/**
 * What the designer shows and which element is selected: one selection shared by the outline,
 * the 3D view and the properties panel. FX thread only.
 */
public final class DesignerState {
    private final ReadOnlyObjectWrapper<LoadedFacility> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId");
    private final ReadOnlyObjectWrapper<List<String>> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", List.of());
    /** The selection and its primary element as one value, set once both have their new values. */
    public record Selection(List<String> ids, String primaryId) {
        static final Selection NONE = new Selection(List.of(), null);
    }

    private final ReadOnlyObjectWrapper<Selection> selectionState =
            new ReadOnlyObjectWrapper<>(this, "selectionState", Selection.NONE);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<AnalysisResults> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ObjectProperty<OverlayKind> overlay = new SimpleObjectProperty<>(this, "overlay", OverlayKind.NONE);
    private final ReadOnlyStringWrapper failedId = new ReadOnlyStringWrapper(this, "failedId");

    public ReadOnlyObjectProperty<LoadedFacility> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public Optional<LoadedFacility> loaded() {
        return Optional.ofNullable(loaded.get());
    }

    /** Shows another facility; the selection is cleared first, so listeners never see a stale id. */
    void setLoaded(LoadedFacility facility) {
        clearSelection();
        failedId.set(null);
        results.set(null);
        name.set(facility == null ? null : facility.name());
        file.set(facility == null ? null : facility.file());
        loaded.set(facility);
    }

    /**
     * Shows the same facility after an edit: analysis results are stale and go; the selection
     * stays (re-announced, so every view shows its new state) if the element still exists.
     */
    void replaceFacility(LoadedFacility facility, String select) {
        replaceFacility(facility, select == null ? List.of() : List.of(select));
    }

    /** Like {@link #replaceFacility(LoadedFacility, String)}, keeping several selected elements; the first is the primary one. */
    void replaceFacility(LoadedFacility facility, List<String> select) {
        clearSelection();
        failedId.set(null);
        results.set(null);
        loaded.set(facility);
        selectAll(select);
    }

    /** What the window calls the open facility: its file name, or the sample's name. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The file the open facility was read from or last saved to; null if it has none yet. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The open facility now lives in {@code target} (after Save As). */
    void savedTo(Path target) {
        file.set(target);
        name.set(target.getFileName().toString());
    }

    /** The id of the selected element ({@link ElementIndex#SITE_ID} for the site), or null. */
    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public String selectedId() {
        return selectedId.get();
    }

    /**
     * Every selected element, in the order they were selected; the primary one
     * ({@link #selectedId()}, shown in the properties and the outline) among them. Never null.
     */
    public ReadOnlyObjectProperty<List<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public List<String> selection() {
        return selection.get();
    }

    /**
     * The selection with its primary element, changed once per selection change, after both parts
     * have their new values: for views that show both (one redraw, not one for each part).
     */
    public ReadOnlyObjectProperty<Selection> selectionStateProperty() {
        return selectionState.getReadOnlyProperty();
    }

    private void clearSelection() {
        selection.set(List.of());
        selectedId.set(null);
        selectionState.set(Selection.NONE);
    }

    private boolean known(String id) {
        LoadedFacility f = loaded.get();
        return id != null && f != null && f.elements().find(id).isPresent();
    }

    /** Selects exactly the known ones of {@code ids}; the first of them becomes the primary one. */
    public void selectAll(Collection<String> ids) {
        List<String> keep = new ArrayList<>(
                new LinkedHashSet<>(ids.stream().filter(this::known).toList()));
        selection.set(List.copyOf(keep));
        setPrimary(keep.isEmpty() ? null : keep.get(0));
    }

    /**
     * Selects exactly the known ones of {@code ids}, with {@code primaryId} as the primary one if
     * it is among them (else the first): the outline, where the line last clicked leads.
     */
    public void selectAll(Collection<String> ids, String primaryId) {
        List<String> keep = new ArrayList<>(
                new LinkedHashSet<>(ids.stream().filter(this::known).toList()));
        selection.set(List.copyOf(keep));
        setPrimary(keep.isEmpty() ? null : keep.contains(primaryId) ? primaryId : keep.get(0));
    }

    /**
     * Shift-click: adds {@code id} to the selection (making it the primary one), or takes it out
     * if it was in (the last remaining one becomes primary).
     */
    public void toggle(String id) {
        if (!known(id)) {
            return;
        }
        List<String> next = new ArrayList<>(selection.get());
        if (next.remove(id)) {
            selection.set(List.copyOf(next));
            setPrimary(next.isEmpty() ? null : next.get(next.size() - 1));
        } else {
            next.add(id);
            selection.set(List.copyOf(next));
            setPrimary(id);
        }
    }

    /** Selects an element by id; an id the facility does not have (or null) clears the selection. */
    public void select(String id) {
        boolean known = known(id);
        selection.set(known ? List.of(id) : List.of());
        setPrimary(known ? id : null);
    }

    private void setPrimary(String id) {
        boolean known = id != null;
        selectedId.set(id);
        selectionState.set(new Selection(selection.get(), id));
        // The N-1 overlay shows the last selected element whose failure an analysis studied.
        AnalysisResults r = results.get();
        if (known && r != null && r.failure(id).isPresent()) {
            failedId.set(id);
        }
    }

    /** What the analyses said about the open facility; null until validated (and after another opens). */
    public ReadOnlyObjectProperty<AnalysisResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public AnalysisResults results() {
        return results.get();
    }

    /** Takes a validation's results for the open facility. */
    void setResults(AnalysisResults newResults) {
        results.set(newResults);
        String selected = selectedId.get();
        failedId.set(newResults != null && newResults.failure(selected).isPresent() ? selected : null);
    }

    /** What the 3D view colours items by. */
    public ObjectProperty<OverlayKind> overlayProperty() {
        return overlay;
    }

    /** The element whose failure the N-1 overlay shows: the last selected one an N-1 study covers; null for none. */
    public ReadOnlyStringProperty failedIdProperty() {
        return failedId.getReadOnlyProperty();
    }

    public Optional<ElementIndex.Element> selectedElement() {
        return loaded().flatMap(f -> f.elements().find(selectedId.get()));
    }
}
