package org.aifactory.twin.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.aifactory.twin.model.catalog.Catalog;

/** Reads the built-in catalog ({@code catalog.json} on the class path), once. */
public final class CatalogIo {
    static final String RESOURCE = "/org/aifactory/twin/model/catalog/catalog.json";

    private CatalogIo() {}

    private static final class Holder {
        static final Catalog BUILT_IN = load();
    }

    public static Catalog builtIn() {
        return Holder.BUILT_IN;
    }

    private static Catalog load() {
        try (InputStream in = CatalogIo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog missing from the class path: " + RESOURCE);
            }
            return TwinJson.mapper().readValue(in, Catalog.class);
        } catch (IOException e) {
            // The catalog ships inside the jar: failing to read it is a build defect, not a user error.
            throw new UncheckedIOException("cannot read the built-in catalog " + RESOURCE, e);
        }
    }
}
