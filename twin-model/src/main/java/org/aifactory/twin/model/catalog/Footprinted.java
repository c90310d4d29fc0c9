package org.aifactory.twin.model.catalog;

/** A catalog entry that occupies floor: its width (x), depth (y) and height, metres. */
public interface Footprinted extends CatalogEntry {
    double widthM();

    double depthM();

    double heightM();
}
