package org.aifactory.twin.ui;

import java.nio.file.Path;
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
        selectedId.set(null);
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
        selectedId.set(null);
        failedId.set(null);
        results.set(null);
        loaded.set(facility);
        select(select);
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

    /** Selects an element by id; an id the facility does not have (or null) clears the selection. */
    public void select(String id) {
        LoadedFacility f = loaded.get();
        boolean known = id != null && f != null && f.elements().find(id).isPresent();
        selectedId.set(known ? id : null);
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
