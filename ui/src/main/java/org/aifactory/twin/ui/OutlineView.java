package org.aifactory.twin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FacilityWaterLoop;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RedundancyGroup;
import org.aifactory.twin.model.Row;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.SwitchInstance;
import org.aifactory.twin.model.TrafficProfile;

/**
 * The outline ({@code #outline}): Site > Halls > Rows > Racks, then Power, Cooling, Network and
 * Workload. Children are made on first expansion. Its selection (several lines: Ctrl+click adds or
 * takes out one, Shift+click a range) follows the shared {@link DesignerState} and drives it: every
 * selected element's line is selected, the primary one focused and scrolled into view. A guard
 * keeps the two directions from feeding each other.
 */
public final class OutlineView {
    private final TreeView<OutlineEntry> tree = new TreeView<>();
    private final DesignerState state;
    private boolean syncing;
    /** A line is opening or closing: the tree's own selection changes are not the user's. */
    private boolean branchChanging;

    public OutlineView(DesignerState state) {
        this.state = state;
        tree.setId("outline");
        tree.setShowRoot(true);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<OutlineEntry>>)
                c -> fromTree());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> fromTree());
        state.selectionStateProperty().addListener((o, was, now) -> fromState());
        state.loadedProperty().addListener((o, was, now) -> {
            TreeItem<OutlineEntry> root = now == null ? null : root(now.elements());
            if (root != null) {
                // Opening or closing a line makes the tree move its own selection (a closed line's selected
                // children give way to it): that is no choice of the user's, so it must not change the
                // designer's selection. These handlers run before the tree's (an exact event type goes first).
                root.addEventHandler(TreeItem.<OutlineEntry>branchCollapsedEvent(), e -> branchChanging());
                root.addEventHandler(TreeItem.<OutlineEntry>branchExpandedEvent(), e -> branchChanging());
            }
            tree.setRoot(root);
        });
    }

    /** While the tree reacts to a line opening or closing, its selection is not the user's: ignore it, then show the designer's again. */
    private void branchChanging() {
        if (branchChanging) {
            return;
        }
        branchChanging = true;
        javafx.application.Platform.runLater(() -> {
            branchChanging = false;
            fromState();
        });
    }

    public TreeView<OutlineEntry> view() {
        return tree;
    }

    /** The tree's lines became the selection: the line last clicked is the primary one. */
    private void fromTree() {
        if (syncing || branchChanging) {
            return;
        }
        syncing = true;
        try {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            // A copy that may hold nulls: the tree's list does while it changes.
            for (TreeItem<OutlineEntry> item :
                    new ArrayList<>(tree.getSelectionModel().getSelectedItems())) {
                String id = item == null ? null : item.getValue().elementId();
                if (id != null) {
                    ids.add(id);
                }
            }
            TreeItem<OutlineEntry> focused = tree.getSelectionModel().getSelectedItem();
            String primary = focused == null ? null : focused.getValue().elementId();
            state.selectAll(ids, primary);
        } finally {
            syncing = false;
        }
    }

    private void fromState() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            reveal(state.selection(), state.selectedId());
        } finally {
            syncing = false;
        }
    }

    /**
     * Up to this many selected elements get their lines opened (ancestors expanded); of a larger
     * selection (Select all on a campus) only the lines already in sight are selected, plus the
     * primary one, as opening thousands of lines takes seconds [E: measured ~3.5 s for 8,000 racks].
     */
    static final int MAX_OPENED_LINES = 1_000;

    /**
     * Selects the lines of {@code ids} (expanding their ancestors) and scrolls the primary one into
     * view; an empty list clears the selection.
     */
    void reveal(List<String> ids, String primaryId) {
        MultipleSelectionModel<TreeItem<OutlineEntry>> model = tree.getSelectionModel();
        // While the selection changes, the primary id may still be the old one: only one of ids counts.
        TreeItem<OutlineEntry> primaryItem =
                primaryId != null && ids.contains(primaryId) ? find(primaryId, true) : null;
        boolean open = ids.size() <= MAX_OPENED_LINES;
        List<TreeItem<OutlineEntry>> others = new ArrayList<>();
        for (String id : ids) {
            TreeItem<OutlineEntry> item = id.equals(primaryId) ? null : find(id, open);
            if (item != null) {
                others.add(item);
            }
        }
        // Rows only after every ancestor is expanded; the primary line last, so it is the focused one.
        List<Integer> rows = new ArrayList<>(others.size() + 1);
        others.forEach(i -> rows.add(tree.getRow(i)));
        int primaryRow = primaryItem == null ? -1 : tree.getRow(primaryItem);
        if (primaryRow >= 0) {
            rows.add(primaryRow);
        }
        rows.removeIf(r -> r < 0);
        model.clearSelection();
        if (rows.isEmpty()) {
            return;
        }
        int[] rest = new int[rows.size() - 1];
        for (int k = 1; k < rows.size(); k++) {
            rest[k - 1] = rows.get(k);
        }
        model.selectIndices(rows.get(0), rest);
        int shown = primaryRow >= 0 ? primaryRow : rows.get(rows.size() - 1);
        tree.getFocusModel().focus(shown);
        tree.scrollTo(Math.max(0, shown - 3));
    }

    /** The tree item of an element, expanding its ancestors; null if the outline does not show it. */
    public TreeItem<OutlineEntry> find(String id) {
        return find(id, true);
    }

    /** Like {@link #find(String)}; without {@code expand}, null unless every ancestor is already expanded. */
    private TreeItem<OutlineEntry> find(String id, boolean expand) {
        TreeItem<OutlineEntry> item = tree.getRoot();
        LoadedFacility f = state.loaded().orElse(null);
        if (item == null || f == null) {
            return null;
        }
        ElementIndex.Element element = f.elements().find(id).orElse(null);
        if (element == null) {
            return null;
        }
        for (String key : element.outlinePath()) {
            if (!expand && !item.isExpanded()) {
                return null;
            }
            item.setExpanded(true);
            TreeItem<OutlineEntry> next = null;
            for (TreeItem<OutlineEntry> child : item.getChildren()) {
                if (key.equals(child.getValue().key())) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            item = next;
        }
        return item;
    }

    // ---- building the tree ------------------------------------------------------------------

    static TreeItem<OutlineEntry> root(ElementIndex index) {
        Facility f = index.facility();
        List<TreeItem<OutlineEntry>> top = new ArrayList<>();
        top.add(group(ElementIndex.HALLS, "Halls", f.halls(), h -> hall(h, index)));
        if (!index.otherRacks().isEmpty()) {
            top.add(group(ElementIndex.OTHER_RACKS, "Racks outside halls", index.otherRacks(), OutlineView::rack));
        }
        top.add(branch(
                OutlineEntry.group(
                        ElementIndex.POWER, count("Power", f.power().nodes().size())),
                true,
                () -> {
                    List<TreeItem<OutlineEntry>> items = new ArrayList<>();
                    f.power().nodes().forEach(n -> items.add(leaf(n.id(), detail(n))));
                    items.add(group(
                            ElementIndex.REDUNDANCY_GROUPS,
                            "Redundancy groups",
                            f.power().redundancyGroups(),
                            g -> leaf(g.id(), detail(g))));
                    return items;
                }));
        top.add(branch(
                OutlineEntry.group(ElementIndex.COOLING, "Cooling"),
                true,
                () -> List.of(
                        group(ElementIndex.CDUS, "CDUs", f.cooling().cdus(), c -> leaf(c.id(), detail(c))),
                        group(ElementIndex.LOOPS, "Loops", f.cooling().loops(), l -> leaf(l.id(), detail(l))),
                        group(
                                ElementIndex.FACILITY_LOOPS,
                                "Facility loops",
                                f.cooling().facilityLoops(),
                                l -> leaf(l.id(), detail(l))),
                        group(
                                ElementIndex.HEAT_REJECTION,
                                "Heat rejection",
                                f.cooling().heatRejection(),
                                h -> leaf(h.id(), detail(h))),
                        group(
                                ElementIndex.AIR_HANDLERS,
                                "Air handlers",
                                f.cooling().airHandlers(),
                                a -> leaf(a.id(), detail(a))))));
        top.add(group(ElementIndex.NETWORK, "Network", f.network().fabrics(), OutlineView::fabric));
        top.add(branch(
                OutlineEntry.group(ElementIndex.WORKLOAD, "Workload"),
                true,
                () -> List.of(
                        group(
                                ElementIndex.DEPLOYMENTS,
                                "Deployments",
                                f.workload().deployments(),
                                d -> leaf(d.id(), detail(d))),
                        group(ElementIndex.TRAFFIC, "Traffic", f.workload().traffic(), t -> leaf(t.id(), detail(t))),
                        group(ElementIndex.SLOS, "SLOs", f.workload().slos(), s -> leaf(s.id(), detail(s))))));
        TreeItem<OutlineEntry> root = new TreeItem<>(
                new OutlineEntry(ElementIndex.SITE_ID, "Site: " + f.site().name(), ElementIndex.SITE_ID));
        root.getChildren().setAll(top);
        root.setExpanded(true);
        return root;
    }

    private static TreeItem<OutlineEntry> hall(Hall h, ElementIndex index) {
        List<Row> rows = index.rowsOf(h.id());
        List<Rack> rowless = index.rowlessRacksOf(h.id());
        String label = String.format(
                Locale.ROOT,
                "%s - %s (%s x %s m)",
                h.id(),
                h.name(),
                PropertyRows.text(h.widthM()),
                PropertyRows.text(h.depthM()));
        return branch(OutlineEntry.element(h.id(), label), !rows.isEmpty() || !rowless.isEmpty(), () -> {
            List<TreeItem<OutlineEntry>> items = new ArrayList<>();
            for (Row r : rows) {
                List<Rack> racks = index.racksOfRow(r.id());
                String rowLabel = String.format(Locale.ROOT, "%s - %s (%d racks)", r.id(), r.name(), racks.size());
                items.add(branch(
                        OutlineEntry.element(r.id(), rowLabel), !racks.isEmpty(), () -> map(racks, OutlineView::rack)));
            }
            rowless.forEach(r -> items.add(rack(r)));
            return items;
        });
    }

    private static TreeItem<OutlineEntry> rack(Rack r) {
        return leaf(r.id(), r.id() + " (" + r.type() + ")");
    }

    private static TreeItem<OutlineEntry> fabric(Fabric f) {
        String label = String.format(
                Locale.ROOT,
                "%s (%s, %d switches)",
                f.id(),
                f.kind(),
                f.switches().size());
        return branch(
                OutlineEntry.element(f.id(), label),
                !f.switches().isEmpty(),
                () -> map(f.switches(), s -> leaf(s.id(), detail(s))));
    }

    private static String detail(Object element) {
        if (element instanceof PowerNode n) {
            return n.id() + " (" + n.kind() + ")";
        } else if (element instanceof RedundancyGroup g) {
            return g.id() + " (" + g.scheme() + ", " + g.members().size() + " members)";
        } else if (element instanceof Cdu c) {
            return c.id() + " (" + c.type() + ")";
        } else if (element instanceof CoolingLoop l) {
            return l.id() + " (" + l.fluid() + ", " + PropertyRows.text(l.supplyTemperatureC()) + " °C)";
        } else if (element instanceof FacilityWaterLoop l) {
            return l.id() + " (" + l.fluid() + ", " + PropertyRows.text(l.supplyTemperatureC()) + " °C)";
        } else if (element instanceof HeatRejectionUnit h) {
            return h.id() + " (" + h.type() + ")";
        } else if (element instanceof AirHandler a) {
            return a.id() + " (" + a.type() + ")";
        } else if (element instanceof SwitchInstance s) {
            return s.id() + " (" + s.type() + ", tier " + s.tier() + ")";
        } else if (element instanceof Deployment d) {
            return d.id() + " (" + d.model() + ", " + d.gpus() + " GPUs)";
        } else if (element instanceof TrafficProfile t) {
            return t.id() + " (for " + t.deployment() + ")";
        } else if (element instanceof Slo s) {
            return s.id() + " (for " + s.deployment() + ")";
        }
        return String.valueOf(element);
    }

    private static <T> TreeItem<OutlineEntry> group(
            String key, String label, List<T> members, Function<T, TreeItem<OutlineEntry>> item) {
        return branch(
                OutlineEntry.group(key, count(label, members.size())), !members.isEmpty(), () -> map(members, item));
    }

    private static String count(String label, int n) {
        return String.format(Locale.ROOT, "%s (%,d)", label, n);
    }

    private static <T> List<TreeItem<OutlineEntry>> map(List<T> members, Function<T, TreeItem<OutlineEntry>> item) {
        List<TreeItem<OutlineEntry>> items = new ArrayList<>(members.size());
        members.forEach(m -> items.add(item.apply(m)));
        return items;
    }

    private static TreeItem<OutlineEntry> branch(
            OutlineEntry entry, boolean hasChildren, Supplier<List<TreeItem<OutlineEntry>>> children) {
        return new LazyTreeItem(entry, hasChildren, children);
    }

    private static TreeItem<OutlineEntry> leaf(String id, String label) {
        return new LazyTreeItem(OutlineEntry.element(id, label));
    }
}
