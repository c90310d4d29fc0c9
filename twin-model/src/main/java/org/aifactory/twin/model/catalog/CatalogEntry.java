package org.aifactory.twin.model.catalog;

/** Every catalog entry has an id, a name and the source of its figures ("[E]" marks a guess). */
public interface CatalogEntry {
    String id();

    String name();

    String source();
}
