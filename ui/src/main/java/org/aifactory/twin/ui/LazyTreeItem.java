package org.aifactory.twin.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item that makes its children the first time they are asked for (when it is expanded),
 * so an outline of 8,000 racks opens at once.
 */
final class LazyTreeItem extends TreeItem<OutlineEntry> {
    private final boolean leaf;
    private Supplier<List<TreeItem<OutlineEntry>>> loader;

    /** A leaf. */
    LazyTreeItem(OutlineEntry entry) {
        super(entry);
        this.leaf = true;
    }

    /** A branch whose children {@code loader} makes; {@code hasChildren} false makes it a leaf from the start. */
    LazyTreeItem(OutlineEntry entry, boolean hasChildren, Supplier<List<TreeItem<OutlineEntry>>> loader) {
        super(entry);
        this.leaf = !hasChildren;
        this.loader = hasChildren ? loader : null;
    }

    @Override
    public boolean isLeaf() {
        return leaf;
    }

    @Override
    public ObservableList<TreeItem<OutlineEntry>> getChildren() {
        if (loader != null) {
            Supplier<List<TreeItem<OutlineEntry>>> make = loader;
            loader = null;
            super.getChildren().setAll(make.get());
        }
        return super.getChildren();
    }

    /** Whether the children have been made yet. */
    boolean isLoaded() {
        return loader == null;
    }
}
