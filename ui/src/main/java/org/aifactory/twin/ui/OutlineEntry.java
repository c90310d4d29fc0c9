package org.aifactory.twin.ui;

/**
 * One line of the outline.
 *
 * @param key unique among its siblings: a group key ("#halls") or the element's id
 * @param elementId the element it stands for, or null for a group
 */
public record OutlineEntry(String key, String label, String elementId) {

    static OutlineEntry group(String key, String label) {
        return new OutlineEntry(key, label, null);
    }

    static OutlineEntry element(String id, String label) {
        return new OutlineEntry(id, label, id);
    }

    /** The text a tree cell shows. */
    @Override
    public String toString() {
        return label;
    }
}
