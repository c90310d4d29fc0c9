package org.aifactory.twin.ui;

import java.nio.file.Path;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.ui.scene.SceneModel;

/**
 * A facility ready to show: the model plus everything derived from it off the FX thread.
 *
 * @param name what the window calls it (file name, or the sample's name)
 * @param file where it was read from or last saved to; null if never saved (e.g. a bundled sample)
 * @param loadMillis wall time of reading, validating and preparing the 3D arrays, ms
 */
public record LoadedFacility(
        Facility facility,
        String name,
        Path file,
        CatalogIndex catalog,
        ElementIndex elements,
        SceneModel scene,
        int gpuCount,
        long loadMillis) {

    /** "su-8-racks.json - 10 racks, 576 GPUs - loaded in 123 ms". */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s - %,d racks, %,d GPUs - loaded in %,d ms",
                name,
                facility.racks().size(),
                gpuCount,
                loadMillis);
    }
}
