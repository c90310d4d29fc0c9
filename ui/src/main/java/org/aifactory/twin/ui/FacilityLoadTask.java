package org.aifactory.twin.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.concurrent.Task;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.ui.scene.SceneModel;

/**
 * Reads (or takes) a facility and prepares it for display, off the FX thread: validation by the
 * reader, the element index for outline and properties, and the 3D mesh arrays. A file with
 * problems fails the task with the reader's {@code FacilityLoadException}.
 */
public final class FacilityLoadTask extends Task<LoadedFacility> {
    private final String name;
    private final Path file;
    private final Callable<Facility> source;
    private final boolean unsaved;

    private FacilityLoadTask(String name, Path file, Callable<Facility> source, boolean unsaved) {
        this.name = name;
        this.file = file;
        this.source = source;
        this.unsaved = unsaved;
        updateTitle(name);
    }

    private FacilityLoadTask(String name, Path file, Callable<Facility> source) {
        this(name, file, source, false);
    }

    /**
     * Reads an autosave recovery file; the facility shows as {@code name} from {@code file} (null
     * if it had none) with unsaved changes, so the next Save writes it where it belongs.
     */
    public static FacilityLoadTask recovering(Path recoveryFile, String name, Path file) {
        return new FacilityLoadTask(
                name, file, () -> FacilityReader.withBuiltInCatalog().read(recoveryFile), true);
    }

    /** Prepares a facility made in the designer (a sizing layout): it shows with unsaved changes. */
    public static FacilityLoadTask unsaved(String name, Callable<Facility> source) {
        return new FacilityLoadTask(name, null, source, true);
    }

    /** True if the facility shows with unsaved changes (recovered from an autosave, or made in the designer). */
    public boolean unsaved() {
        return unsaved;
    }

    /** Reads and validates {@code file}. */
    public static FacilityLoadTask reading(Path file) {
        return new FacilityLoadTask(
                file.getFileName().toString(),
                file,
                () -> FacilityReader.withBuiltInCatalog().read(file));
    }

    /** Prepares a facility that is not (yet) in a file, e.g. a bundled sample or a generated one. */
    public static FacilityLoadTask of(String name, Callable<Facility> source) {
        return new FacilityLoadTask(name, null, source);
    }

    @Override
    protected LoadedFacility call() throws Exception {
        long start = System.nanoTime();
        updateProgress(0, 3);
        updateMessage("Reading " + name + "...");
        Facility facility = source.call();
        updateProgress(1, 3);
        updateMessage("Indexing " + String.format("%,d", facility.racks().size()) + " racks...");
        return prepare(facility, name, file, start);
    }

    /** Derives what the window shows from {@code facility}, on the calling thread; {@code start} from {@link System#nanoTime()}. */
    static LoadedFacility prepare(Facility facility, String name, Path file, long start) {
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), facility.catalog());
        ElementIndex elements = new ElementIndex(facility);
        int gpus = 0;
        for (Rack r : facility.racks()) {
            gpus += catalog.rack(r.type()).map(RackType::gpus).orElse(0);
        }
        SceneModel scene = SceneModel.build(facility, catalog);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new LoadedFacility(facility, name, file, catalog, elements, scene, gpus, millis);
    }
}
