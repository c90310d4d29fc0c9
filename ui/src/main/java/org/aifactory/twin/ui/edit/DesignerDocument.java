package org.aifactory.twin.ui.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.Row;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.PowerEquipmentType;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.Problem;
import org.aifactory.twin.model.layout.FacilityLayout;
import org.aifactory.twin.model.layout.PlacedItem;
import org.aifactory.twin.model.validation.FacilityValidator;

/**
 * The facility being edited, FX-free: the current {@link Facility} value, a dirty flag, and undo
 * and redo stacks of whole-facility snapshots (the model is immutable, so a snapshot is just a
 * reference and consecutive snapshots share almost everything).
 *
 * <p>Every operation builds the edited facility, validates it with {@link FacilityValidator} and
 * refuses it (with the first new problem as the message) if it has any problem the current one
 * did not have: an edit never stores an overlap, a rack outside its hall or a negative power.
 * Problems already present before the edit do not block it, so a file with problems can still be
 * repaired step by step.
 *
 * <p>Moves snap to a {@value #GRID_M} m floor grid [E: the common 600 mm raised-floor tile and
 * rack width] and, within {@value #ROW_SNAP_M} m of a row's line, onto that line and onto the
 * row's own rack pitch.
 */
public final class DesignerDocument {
    /** Floor grid pitch, m [E]: a 600 mm floor tile, also the width of most racks. */
    public static final double GRID_M = 0.6;
    /** A moved rack closer than this to a row's line goes onto the line, m [E]: two tiles. */
    public static final double ROW_SNAP_M = 1.2;
    /** The undo stack forgets the oldest edits beyond this many. */
    public static final int MAX_UNDO = 200;
    /** Two numbers closer than this are the same position, m. */
    static final double EPSILON_M = 1e-6;

    private final Catalog builtIn;
    private final FacilityValidator validator;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Facility facility;
    private Facility saved;
    private Set<String> knownProblems;

    private record Edit(String label, Facility before, Facility after) {}

    public DesignerDocument(Facility facility, Catalog builtIn) {
        this.facility = facility;
        this.saved = facility;
        this.builtIn = builtIn;
        this.validator = new FacilityValidator(builtIn);
    }

    // ---- state -------------------------------------------------------------------------------

    public Facility facility() {
        return facility;
    }

    public CatalogIndex catalog() {
        return new CatalogIndex(builtIn, facility.catalog());
    }

    /** True when the facility differs from the one last opened or saved. */
    public boolean isDirty() {
        return facility != saved;
    }

    /** The current facility is now what the file holds. */
    public void markSaved() {
        saved = facility;
        fire();
    }

    /** The facility is not in any file yet (recovered from an autosave): dirty until saved. */
    public void markUnsaved() {
        saved = null;
        fire();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What Undo would undo ("Move rack r1"), or empty. */
    public Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(Edit::label);
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(Edit::label);
    }

    /** Called (on the caller's thread) after every change of facility, dirty flag or stacks. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    public boolean undo() {
        Edit e = undo.poll();
        if (e == null) {
            return false;
        }
        redo.push(e);
        setFacility(e.before());
        return true;
    }

    public boolean redo() {
        Edit e = redo.poll();
        if (e == null) {
            return false;
        }
        undo.push(e);
        setFacility(e.after());
        return true;
    }

    private void setFacility(Facility f) {
        facility = f;
        knownProblems = null;
        fire();
    }

    // ---- the edit pipeline -------------------------------------------------------------------

    /** Validates {@code edited}; stores it as one undoable edit unless it brings a new problem. */
    private EditResult commit(String label, Facility edited, List<String> ids) {
        Optional<Problem> problem = newProblem(edited);
        if (problem.isPresent()) {
            return EditResult.refused(label + " refused: " + describe(problem.get()));
        }
        undo.push(new Edit(label, facility, edited));
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        setFacility(edited);
        return EditResult.done(label, ids);
    }

    private Optional<Problem> newProblem(Facility edited) {
        if (knownProblems == null) {
            knownProblems = keys(validator.validate(facility));
        }
        return validator.validate(edited).stream()
                .filter(p -> !knownProblems.contains(key(p)))
                .findFirst();
    }

    private static Set<String> keys(List<Problem> problems) {
        Set<String> keys = new HashSet<>();
        problems.forEach(p -> keys.add(key(p)));
        return keys;
    }

    /** Paths hold list indexes, which deletes shift: compare problems by element and message. */
    private static String key(Problem p) {
        return p.element() + "\u0000" + p.message();
    }

    private static String describe(Problem p) {
        return p.element() == null ? p.message() : p.message() + " (" + p.element() + ")";
    }

    // ---- racks -------------------------------------------------------------------------------

    public Optional<Rack> rack(String id) {
        return facility.racks().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Moves the racks {@code ids} together so that the first one's centre lands on the snapped
     * ({@code xM}, {@code yM}) of {@code hallId}; the others keep their offsets from it.
     */
    public EditResult moveRacks(List<String> ids, String hallId, double xM, double yM) {
        List<Rack> moving =
                ids.stream().map(this::rack).flatMap(Optional::stream).toList();
        if (moving.isEmpty()) {
            return EditResult.refused("Move refused: no rack selected");
        }
        Rack lead = moving.get(0);
        Snap snap = snap(hallId, xM, yM, lead);
        double dx = snap.xM() - lead.placement().xM();
        double dy = snap.yM() - lead.placement().yM();
        boolean sameHall = hallId.equals(lead.placement().hallId());
        if (sameHall && Math.abs(dx) < EPSILON_M && Math.abs(dy) < EPSILON_M) {
            return EditResult.refused("Nothing to move: the rack is already there");
        }
        Set<String> idSet = new HashSet<>(ids);
        Facility edited = facility.withRacks(facility.racks().stream()
                .map(r -> {
                    if (!idSet.contains(r.id())) {
                        return r;
                    }
                    Placement p = r.placement();
                    String rowId = r == lead && snap.rowId() != null ? snap.rowId() : sameHall ? r.rowId() : null;
                    return new Rack(
                            r.id(),
                            r.type(),
                            rowId,
                            new Placement(hallId, p.xM() + dx, p.yM() + dy, p.rotationDeg()),
                            r.feeds(),
                            r.coolingLoopId(),
                            r.powerKw());
                })
                .toList());
        String label = moving.size() == 1 ? "Move rack " + lead.id() : "Move " + moving.size() + " racks";
        return commit(label, edited, moving.stream().map(Rack::id).toList());
    }

    /** Turns each rack a quarter turn (90° clockwise seen from above) about its own centre. */
    public EditResult rotateRacks(Collection<String> ids) {
        Set<String> idSet = new HashSet<>(ids);
        List<String> done = new ArrayList<>();
        Facility edited = facility.withRacks(facility.racks().stream()
                .map(r -> {
                    if (!idSet.contains(r.id())) {
                        return r;
                    }
                    done.add(r.id());
                    Placement p = r.placement();
                    return r.withPlacement(new Placement(p.hallId(), p.xM(), p.yM(), (p.rotationDeg() + 90) % 360));
                })
                .toList());
        if (done.isEmpty()) {
            return EditResult.refused("Rotate refused: no rack selected");
        }
        return commit(
                done.size() == 1 ? "Rotate rack " + done.get(0) : "Rotate " + done.size() + " racks", edited, done);
    }

    /** Deletes racks; refused if something (a network link, a cooling record...) still refers to one. */
    public EditResult deleteRacks(Collection<String> ids) {
        Set<String> idSet = new HashSet<>(ids);
        List<Rack> kept =
                facility.racks().stream().filter(r -> !idSet.contains(r.id())).toList();
        int deleted = facility.racks().size() - kept.size();
        if (deleted == 0) {
            return EditResult.refused("Delete refused: no rack selected");
        }
        String label = deleted == 1 ? "Delete rack " + ids.iterator().next() : "Delete " + deleted + " racks";
        return commit(label, facility.withRacks(kept), List.of());
    }

    /** Adds one rack of catalog type {@code typeId} at the snapped point of {@code hallId}. */
    public EditResult addRack(String typeId, String hallId, double xM, double yM) {
        Optional<RackType> type = catalog().rack(typeId);
        if (type.isEmpty()) {
            return EditResult.refused("Add refused: rack type '" + typeId + "' is not in the catalog");
        }
        Snap snap = snap(hallId, xM, yM, null);
        String id = freshId(typeId + "-", 1);
        Rack rack = new Rack(
                id,
                typeId,
                snap.rowId(),
                new Placement(hallId, snap.xM(), snap.yM(), snap.rotationDeg()),
                List.of(),
                null,
                null);
        List<Rack> racks = new ArrayList<>(facility.racks());
        racks.add(rack);
        return commit("Add rack " + id, facility.withRacks(racks), List.of(id));
    }

    /**
     * Adds a new row of {@code count} racks of {@code typeId}, side by side along the hall's x
     * axis, the first centred on the snapped ({@code xM}, {@code yM}).
     */
    public EditResult addRow(String typeId, String hallId, double xM, double yM, int count) {
        Optional<RackType> type = catalog().rack(typeId);
        if (type.isEmpty()) {
            return EditResult.refused("Add row refused: rack type '" + typeId + "' is not in the catalog");
        }
        if (count < 1 || count > 500) {
            return EditResult.refused("Add row refused: the number of racks (" + count + ") must be between 1 and 500");
        }
        double x0 = snapToGrid(xM, 0);
        double y0 = snapToGrid(yM, 0);
        String rowId = freshId(hallId + "-row-", 1);
        Row row = new Row(rowId, hallId, "Row " + rowId.substring(rowId.lastIndexOf('-') + 1));
        List<Rack> racks = new ArrayList<>(facility.racks());
        List<String> ids = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String id = freshId(rowId + "-rack-", i + 1, taken);
            taken.add(id);
            ids.add(id);
            racks.add(new Rack(
                    id,
                    typeId,
                    rowId,
                    new Placement(hallId, x0 + i * type.get().widthM(), y0, 0),
                    List.of(),
                    null,
                    null));
        }
        List<Row> rows = new ArrayList<>(facility.rows());
        rows.add(row);
        Facility f = facility;
        Facility edited = new Facility(
                f.formatVersion(),
                f.site(),
                f.halls(),
                rows,
                racks,
                f.power(),
                f.cooling(),
                f.network(),
                f.workload(),
                f.catalog());
        return commit(String.format(Locale.ROOT, "Add row %s of %d racks", rowId, count), edited, ids);
    }

    private String freshId(String prefix, int from) {
        return freshId(prefix, from, Set.of());
    }

    private String freshId(String prefix, int from, Set<String> alsoTaken) {
        Set<String> used = new HashSet<>(alsoTaken);
        facility.racks().forEach(r -> used.add(r.id()));
        facility.rows().forEach(r -> used.add(r.id()));
        facility.halls().forEach(h -> used.add(h.id()));
        facility.power().nodes().forEach(n -> used.add(n.id()));
        facility.cooling().cdus().forEach(c -> used.add(c.id()));
        facility.cooling().loops().forEach(l -> used.add(l.id()));
        facility.cooling().facilityLoops().forEach(l -> used.add(l.id()));
        facility.cooling().heatRejection().forEach(h -> used.add(h.id()));
        facility.cooling().airHandlers().forEach(a -> used.add(a.id()));
        for (int n = from; ; n++) {
            String id = String.format(Locale.ROOT, "%s%02d", prefix, n);
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    // ---- any placed element: racks and equipment ----------------------------------------------

    /** Whether {@code id} is a placed element (rack, CDU, power node, heat-rejection unit, air handler) with a position. */
    public boolean isPlaced(String id) {
        return Elements.find(facility, id).map(Elements::placement).isPresent();
    }

    /** The placed ones among {@code ids}, in order, without repeats. */
    public List<String> placedIds(Collection<String> ids) {
        return new ArrayList<>(
                new LinkedHashSet<>(ids.stream().filter(this::isPlaced).toList()));
    }

    /**
     * Moves the elements {@code ids} together so that the first one's centre lands on the snapped
     * ({@code xM}, {@code yM}) of {@code hallId} (null: the yard, in site coordinates); the others
     * keep their offsets from it. A rack leading the move joins the row whose line it snaps to.
     */
    public EditResult moveItems(List<String> ids, String hallId, double xM, double yM) {
        List<Record> moving = placedIds(ids).stream()
                .map(id -> Elements.find(facility, id).orElseThrow())
                .toList();
        if (moving.isEmpty()) {
            return EditResult.refused("Move refused: nothing placed is selected");
        }
        // Coordinates are per hall (or the yard): one shift cannot move items of several places together.
        Set<String> places = new java.util.TreeSet<>();
        moving.forEach(e -> places.add(
                Elements.placement(e).hallId() == null
                        ? "the yard"
                        : Elements.placement(e).hallId()));
        if (places.size() > 1) {
            return EditResult.refused("Move refused: the selection spans " + String.join(" and ", places)
                    + "; move the items of each separately");
        }
        Record lead = moving.get(0);
        Placement lp = Elements.placement(lead);
        Snap snap = leadSnap(lead, hallId, xM, yM);
        double dx = snap.xM() - lp.xM();
        double dy = snap.yM() - lp.yM();
        boolean sameHall = java.util.Objects.equals(hallId, lp.hallId());
        if (sameHall && Math.abs(dx) < EPSILON_M && Math.abs(dy) < EPSILON_M) {
            return EditResult.refused("Nothing to move: it is already there");
        }
        Set<String> idSet = new HashSet<>();
        moving.forEach(e -> idSet.add(Elements.id(e)));
        String leadRow = snap.rowId();
        Facility edited = Elements.map(facility, e -> {
            if (!idSet.contains(Elements.id(e))) {
                return e;
            }
            Placement p = Elements.placement(e);
            Placement to = new Placement(hallId, round(p.xM() + dx), round(p.yM() + dy), p.rotationDeg());
            if (e instanceof Rack r) {
                String rowId = r == lead && leadRow != null ? leadRow : sameHall ? r.rowId() : null;
                return new Rack(r.id(), r.type(), rowId, to, r.feeds(), r.coolingLoopId(), r.powerKw());
            }
            return Elements.moved(e, to);
        });
        String label = moving.size() == 1
                ? "Move " + Elements.kind(lead) + " " + Elements.id(lead)
                : "Move " + moving.size() + " items";
        return commit(label, edited, moving.stream().map(Elements::id).toList());
    }

    /**
     * Moves the placed elements {@code ids} by ({@code dxM}, {@code dyM}), each in its own hall
     * (or the yard), without snapping: the plan's arrow keys (one grid step, or 0.1 m with Shift).
     * Racks keep their rows. Refused, like every move, if the result brings a new problem (an
     * overlap, an item leaving its hall).
     */
    public EditResult nudgeItems(Collection<String> ids, double dxM, double dyM) {
        return nudgeItems(ids, dxM, dyM, false);
    }

    /**
     * {@link #nudgeItems(Collection, double, double)}; with {@code joinPrevious} (an arrow key held
     * down) the step joins the previous nudge of the same items into one undoable edit, as long as
     * that nudge is still the last edit, so one Undo takes back the whole run.
     */
    public EditResult nudgeItems(Collection<String> ids, double dxM, double dyM, boolean joinPrevious) {
        List<String> targets = placedIds(ids);
        if (targets.isEmpty()) {
            return EditResult.refused("Move refused: nothing placed is selected");
        }
        if (Math.abs(dxM) < EPSILON_M && Math.abs(dyM) < EPSILON_M) {
            return EditResult.refused("Nothing to move: the step is zero");
        }
        Set<String> idSet = new HashSet<>(targets);
        Facility edited = Elements.map(facility, e -> {
            if (!idSet.contains(Elements.id(e))) {
                return e;
            }
            Placement p = Elements.placement(e);
            return Elements.moved(
                    e, new Placement(p.hallId(), round(p.xM() + dxM), round(p.yM() + dyM), p.rotationDeg()));
        });
        boolean joins = joinPrevious
                && lastNudge != null
                && undo.peek() == lastNudge.edit()
                && lastNudge.ids().equals(idSet);
        double totalDx = joins ? lastNudge.dxM() + dxM : dxM;
        double totalDy = joins ? lastNudge.dyM() + dyM : dyM;
        String what = targets.size() == 1 ? targets.get(0) : targets.size() + " items";
        String label = String.format(Locale.ROOT, "Move %s by (%s, %s) m", what, metres(totalDx), metres(totalDy));
        Edit joined = joins ? undo.pop() : null;
        EditResult result = commit(label, edited, targets);
        if (!result.applied()) {
            if (joined != null) {
                undo.push(joined);
            }
            return result;
        }
        if (joined != null) {
            // One edit from before the first step of the run to after this one.
            Edit run = new Edit(label, joined.before(), undo.pop().after());
            undo.push(run);
            lastNudge = new Nudge(run, idSet, totalDx, totalDy);
        } else {
            lastNudge = new Nudge(undo.peek(), idSet, totalDx, totalDy);
        }
        return result;
    }

    /** The last nudge's edit, the items it moved and its total step, for joining a held arrow key's steps. */
    private record Nudge(Edit edit, Set<String> ids, double dxM, double dyM) {}

    private Nudge lastNudge;

    private static String metres(double m) {
        return java.math.BigDecimal.valueOf(round(m)).stripTrailingZeros().toPlainString();
    }

    /**
     * Where placed element {@code id} lands if {@link #moveItems} leads with it to ({@code xM},
     * {@code yM}) of {@code hallId} (null: the yard): a rack in a hall snaps onto a row line or the
     * grid, anything else onto the grid. Empty if {@code id} is not placed. For previews while dragging.
     */
    public Optional<Snap> snapItem(String id, String hallId, double xM, double yM) {
        return Elements.find(facility, id)
                .filter(e -> Elements.placement(e) != null)
                .map(e -> leadSnap(e, hallId, xM, yM));
    }

    private Snap leadSnap(Record lead, String hallId, double xM, double yM) {
        double rotationDeg = Elements.placement(lead).rotationDeg();
        if (hallId == null) {
            return new Snap(snapToGrid(xM, 0), snapToGrid(yM, 0), rotationDeg, null);
        }
        if (lead instanceof Rack r) {
            return snap(hallId, xM, yM, r);
        }
        return new Snap(snapToGrid(xM, 0), snapToGrid(yM, 0), rotationDeg, null);
    }

    /**
     * Turns the placed elements a quarter turn (90° clockwise seen from above, +x towards +y):
     * one element about its own centre, several together about the centre of their positions
     * (so a row stays a row, now running the other way). Elements in different halls turn each
     * about its own centre.
     */
    public EditResult rotateItems(Collection<String> ids) {
        List<String> targets = placedIds(ids);
        if (targets.isEmpty()) {
            return EditResult.refused("Rotate refused: nothing placed is selected");
        }
        Set<String> idSet = new HashSet<>(targets);
        Set<String> halls = new HashSet<>();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (String id : targets) {
            Placement p = Elements.find(facility, id).map(Elements::placement).orElseThrow();
            halls.add(String.valueOf(p.hallId()));
            minX = Math.min(minX, p.xM());
            maxX = Math.max(maxX, p.xM());
            minY = Math.min(minY, p.yM());
            maxY = Math.max(maxY, p.yM());
        }
        boolean together = halls.size() == 1;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        Facility edited = Elements.map(facility, e -> {
            if (!idSet.contains(Elements.id(e))) {
                return e;
            }
            Placement p = Elements.placement(e);
            double x = together ? round(cx - (p.yM() - cy)) : p.xM();
            double y = together ? round(cy + (p.xM() - cx)) : p.yM();
            return Elements.moved(e, new Placement(p.hallId(), x, y, (p.rotationDeg() + 90) % 360));
        });
        return commit(
                targets.size() == 1 ? "Rotate " + targets.get(0) : "Rotate " + targets.size() + " items",
                edited,
                targets);
    }

    /** Rounds away binary noise, as positions are shown and saved: to a micrometre. */
    private static double round(double m) {
        return Math.round(m * 1e6) / 1e6;
    }

    /**
     * Deletes the placed elements {@code ids} in one step; refused if something left behind (a
     * feed, a cooling loop, a network link...) still refers to one of them.
     */
    public EditResult deleteItems(Collection<String> ids) {
        List<String> targets = placedIds(ids);
        if (targets.isEmpty()) {
            return EditResult.refused("Delete refused: nothing placed is selected");
        }
        Set<String> idSet = new HashSet<>(targets);
        Facility edited = Elements.map(facility, e -> idSet.contains(Elements.id(e)) ? null : e);
        String label = targets.size() == 1 ? "Delete " + targets.get(0) : "Delete " + targets.size() + " items";
        return commit(label, edited, List.of());
    }

    /**
     * Adds one element of catalog type {@code typeId} (a rack, CDU, power equipment,
     * heat-rejection unit or air handler type) at the snapped point of {@code hallId}, or of the
     * yard (site coordinates) when {@code hallId} is null. Racks stand in halls only. A new
     * power node is fed from the nearest node that can feed its kind (see {@link #UPSTREAM});
     * a CDU and a heat-rejection unit join the first facility water loop.
     */
    public EditResult addItem(String typeId, String hallId, double xM, double yM) {
        CatalogIndex cat = catalog();
        if (cat.rack(typeId).isPresent()) {
            if (hallId == null) {
                return EditResult.refused("Add refused: racks stand in a hall, not in the yard");
            }
            return addRack(typeId, hallId, xM, yM);
        }
        Placement at = new Placement(hallId, snapToGrid(xM, 0), snapToGrid(yM, 0), 0);
        String id = freshId(typeId + "-", 1);
        String firstLoop = facility.cooling().facilityLoops().isEmpty()
                ? null
                : facility.cooling().facilityLoops().get(0).id();
        Record item;
        if (cat.cdu(typeId).isPresent()) {
            item = new Cdu(id, typeId, at, null, firstLoop);
        } else if (cat.heatRejection(typeId).isPresent()) {
            if (firstLoop == null) {
                return EditResult.refused(
                        "Add refused: a heat-rejection unit serves a facility water loop, and this facility has none");
            }
            item = new HeatRejectionUnit(id, typeId, firstLoop, at);
        } else if (cat.airHandler(typeId).isPresent()) {
            item = new AirHandler(id, typeId, at);
        } else if (cat.powerEquipment(typeId).isPresent()) {
            PowerEquipmentType t = cat.powerEquipment(typeId).get();
            List<String> inputs = List.of();
            if (!t.kind().isSource()) {
                Optional<PowerNode> feeder = feederFor(t.kind(), at);
                if (feeder.isEmpty()) {
                    return EditResult.refused("Add refused: nothing can feed a new "
                            + t.kind().name().toLowerCase(Locale.ROOT)
                            + " (it takes power from a "
                            + UPSTREAM.get(t.kind()).stream()
                                    .map(k -> k.name().toLowerCase(Locale.ROOT))
                                    .toList() + ")");
                }
                inputs = List.of(feeder.get().id());
            }
            item = new PowerNode(
                    id,
                    t.kind(),
                    null,
                    typeId,
                    at,
                    inputs,
                    t.ratingKw(),
                    t.voltageV(),
                    t.efficiency(),
                    t.noLoadLossKw(),
                    t.fullLoadLossKw(),
                    t.efficiencyCurve(),
                    null);
        } else {
            return EditResult.refused("Add refused: '" + typeId + "' is not a placeable catalog type");
        }
        String label = "Add " + Elements.kind(item) + " " + id;
        EditResult r = commit(label, Elements.add(facility, List.of(), List.of(item)), List.of(id));
        if (r.applied() && item instanceof PowerNode n && !n.inputs().isEmpty()) {
            return EditResult.done(label + ", fed from " + n.inputs().get(0), List.of(id));
        }
        return r;
    }

    /** Which kinds of node may feed a new node of a kind, most usual first [E: the usual chain utility > MV > transformer > LV > UPS > busway/PDU]. */
    static final Map<PowerNodeKind, List<PowerNodeKind>> UPSTREAM = Map.of(
            PowerNodeKind.MV_SWITCHGEAR, List.of(PowerNodeKind.UTILITY, PowerNodeKind.GENERATOR),
            PowerNodeKind.TRANSFORMER, List.of(PowerNodeKind.MV_SWITCHGEAR, PowerNodeKind.UTILITY),
            PowerNodeKind.LV_SWITCHGEAR, List.of(PowerNodeKind.TRANSFORMER),
            PowerNodeKind.UPS, List.of(PowerNodeKind.LV_SWITCHGEAR, PowerNodeKind.TRANSFORMER),
            PowerNodeKind.BUSWAY, List.of(PowerNodeKind.UPS, PowerNodeKind.LV_SWITCHGEAR),
            PowerNodeKind.PDU, List.of(PowerNodeKind.UPS, PowerNodeKind.LV_SWITCHGEAR));

    /** The nearest node (site distance; unplaced ones last) of the first upstream kind the facility has. */
    private Optional<PowerNode> feederFor(PowerNodeKind kind, Placement at) {
        for (PowerNodeKind k : UPSTREAM.getOrDefault(kind, List.of())) {
            Optional<PowerNode> best = facility.power().nodes().stream()
                    .filter(n -> n.kind() == k)
                    .min(java.util.Comparator.comparingDouble(n -> siteDistance(n.placement(), at)));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    private double siteDistance(Placement a, Placement b) {
        if (a == null || b == null) {
            return Double.MAX_VALUE;
        }
        double[] pa = site(a);
        double[] pb = site(b);
        return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
    }

    private double[] site(Placement p) {
        Optional<Hall> h = p.hallId() == null ? Optional.empty() : hall(p.hallId());
        return new double[] {
            p.xM() + h.map(Hall::originXM).orElse(0.0),
            p.yM() + h.map(Hall::originYM).orElse(0.0)
        };
    }

    // ---- copy and paste ------------------------------------------------------------------------

    /** What Copy took: the elements as they were then. */
    private List<Record> clipboard = List.of();
    /** Aisle left between a pasted group and where it was copied from, m [E: two 600 mm tiles, a common hot/cold aisle]. */
    public static final double PASTE_AISLE_M = 1.2;

    /** Copies the placed elements {@code ids}; returns how many. */
    public int copy(Collection<String> ids) {
        clipboard = placedIds(ids).stream()
                .map(id -> Elements.find(facility, id).orElseThrow())
                .toList();
        return clipboard.size();
    }

    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /**
     * Pastes the copied elements with fresh ids next to where they were copied from: one aisle
     * beyond them across the rows (+y, then -y), else beside them (+x, then -x), else twice as
     * far; the first spot where the paste brings no new problem wins. Racks that stood in a row
     * go into a new row each. Connections (feeds, cooling loop, a power node's inputs) are
     * kept. Pasting again pastes beyond the last paste.
     */
    public EditResult paste() {
        if (clipboard.isEmpty()) {
            return EditResult.refused("Paste refused: nothing copied");
        }
        Map<String, PlacedItem> footprints = footprints();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Record e : clipboard) {
            PlacedItem it = footprints.get(Elements.id(e));
            double[] c = it != null ? it.corners() : corners(Elements.placement(e));
            for (int k = 0; k < 4; k++) {
                minX = Math.min(minX, c[2 * k]);
                maxX = Math.max(maxX, c[2 * k]);
                minY = Math.min(minY, c[2 * k + 1]);
                maxY = Math.max(maxY, c[2 * k + 1]);
            }
        }
        double stepY = Math.ceil((maxY - minY + PASTE_AISLE_M) / GRID_M - 1e-9) * GRID_M;
        double stepX = Math.ceil((maxX - minX + GRID_M) / GRID_M - 1e-9) * GRID_M;
        double[][] offsets = {
            {0, stepY},
            {0, -stepY},
            {stepX, 0},
            {-stepX, 0},
            {0, 2 * stepY},
            {0, -2 * stepY},
            {2 * stepX, 0},
            {-2 * stepX, 0}
        };
        String firstProblem = null;
        for (double[] o : offsets) {
            Pasted p = pasted(o[0], o[1]);
            Optional<Problem> problem = newProblem(p.facility());
            if (problem.isEmpty()) {
                clipboard = p.elements();
                String label = String.format(
                        Locale.ROOT, "Paste %d item%s", p.ids().size(), p.ids().size() == 1 ? "" : "s");
                return commit(label, p.facility(), p.ids());
            }
            if (firstProblem == null) {
                firstProblem = describe(problem.get());
            }
        }
        return EditResult.refused("Paste refused: no free spot next to the copied items (" + firstProblem + ")");
    }

    private record Pasted(Facility facility, List<Record> elements, List<String> ids) {}

    private Pasted pasted(double dx, double dy) {
        Set<String> taken = new HashSet<>();
        Map<String, Row> newRows = new LinkedHashMap<>();
        Map<String, Integer> racksInRow = new HashMap<>();
        List<Record> added = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Record e : clipboard) {
            Placement p = Elements.placement(e);
            Placement to = new Placement(p.hallId(), p.xM() + dx, p.yM() + dy, p.rotationDeg());
            String id;
            Record copy;
            if (e instanceof Rack r && r.rowId() != null && p.hallId() != null) {
                Row row = newRows.computeIfAbsent(r.rowId(), old -> {
                    String rowId = freshId(p.hallId() + "-row-", 1, taken);
                    taken.add(rowId);
                    return new Row(rowId, p.hallId(), "Row " + rowId.substring(rowId.lastIndexOf('-') + 1));
                });
                int n = racksInRow.merge(row.id(), 1, Integer::sum);
                id = freshId(row.id() + "-rack-", n, taken);
                copy = new Rack(id, r.type(), row.id(), to, r.feeds(), r.coolingLoopId(), r.powerKw());
            } else {
                String old = Elements.id(e);
                String prefix = old.replaceFirst("\\d+$", "");
                id = freshId(prefix.equals(old) ? old + "-" : prefix, 1, taken);
                copy = Elements.copy(e, id, to);
                if (copy instanceof Rack r) {
                    copy = new Rack(r.id(), r.type(), null, to, r.feeds(), r.coolingLoopId(), r.powerKw());
                }
            }
            taken.add(id);
            ids.add(id);
            added.add(copy);
        }
        return new Pasted(Elements.add(facility, new ArrayList<>(newRows.values()), added), added, ids);
    }

    private static double[] corners(Placement p) {
        return new double[] {p.xM(), p.yM(), p.xM(), p.yM(), p.xM(), p.yM(), p.xM(), p.yM()};
    }

    private Map<String, PlacedItem> footprints() {
        Map<String, PlacedItem> out = new HashMap<>();
        FacilityLayout.items(facility, catalog()).forEach(it -> out.put(it.id(), it));
        return out;
    }

    // ---- align ---------------------------------------------------------------------------------

    /** How {@link #align} lines groups up along the rows' direction. */
    public enum Alignment {
        /** Every group's near (left, lowest x) end on the lowest one. */
        LEFT,
        /** Every group's centre on the primary (first selected) group's centre. */
        CENTRE,
        /** Every group's far (right) end on the highest one. */
        ENDS
    }

    /**
     * Lines up the selected elements along the rows' direction (hall x; hall y if every one is
     * turned a quarter): racks of one row move together as a group, other elements one by one.
     * All must stand in one hall (or all in the yard).
     */
    public EditResult align(List<String> ids, Alignment how) {
        List<Record> items = placedIds(ids).stream()
                .map(id -> Elements.find(facility, id).orElseThrow())
                .toList();
        if (items.size() < 2) {
            return EditResult.refused("Align refused: select at least two items");
        }
        Set<String> halls = new HashSet<>();
        items.forEach(e -> halls.add(String.valueOf(Elements.placement(e).hallId())));
        if (halls.size() > 1) {
            return EditResult.refused("Align refused: the selected items stand in different halls " + halls);
        }
        boolean alongY =
                items.stream().allMatch(e -> Math.round(Elements.placement(e).rotationDeg() / 90) % 2 != 0);
        Map<String, PlacedItem> footprints = footprints();
        Map<String, double[]> groups = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (Record e : items) {
            String group = e instanceof Rack r && r.rowId() != null ? "row:" + r.rowId() : "id:" + Elements.id(e);
            groupOf.put(Elements.id(e), group);
            double[] c = footprints.containsKey(Elements.id(e))
                    ? footprints.get(Elements.id(e)).corners()
                    : corners(Elements.placement(e));
            double[] range = groups.computeIfAbsent(
                    group, g -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            for (int k = 0; k < 4; k++) {
                double v = alongY ? c[2 * k + 1] : c[2 * k];
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
        if (groups.size() < 2) {
            return EditResult.refused("Align refused: the selection is one row; select items of two or more rows");
        }
        double target = switch (how) {
            case LEFT -> groups.values().stream().mapToDouble(r -> r[0]).min().orElseThrow();
            case ENDS -> groups.values().stream().mapToDouble(r -> r[1]).max().orElseThrow();
            case CENTRE -> {
                double[] first = groups.values().iterator().next();
                yield (first[0] + first[1]) / 2;
            }
        };
        Map<String, Double> shift = new HashMap<>();
        groups.forEach((g, r) -> shift.put(
                g,
                switch (how) {
                    case LEFT -> target - r[0];
                    case ENDS -> target - r[1];
                    case CENTRE -> target - (r[0] + r[1]) / 2;
                }));
        if (shift.values().stream().allMatch(d -> Math.abs(d) < EPSILON_M)) {
            return EditResult.refused("Nothing to align: the items are already aligned "
                    + how.name().toLowerCase(Locale.ROOT));
        }
        Facility edited = Elements.map(facility, e -> {
            String group = groupOf.get(Elements.id(e));
            if (group == null) {
                return e;
            }
            double d = Math.round(shift.get(group) * 1e6) / 1e6;
            Placement p = Elements.placement(e);
            return Elements.moved(
                    e,
                    new Placement(
                            p.hallId(), alongY ? p.xM() : p.xM() + d, alongY ? p.yM() + d : p.yM(), p.rotationDeg()));
        });
        return commit(
                String.format(
                        Locale.ROOT,
                        "Align %d items %s",
                        items.size(),
                        how.name().toLowerCase(Locale.ROOT)),
                edited,
                items.stream().map(Elements::id).toList());
    }

    // ---- snapping ------------------------------------------------------------------------------

    /** Where a snapped rack goes: centre, turn, and the row whose line it joined (null for none). */
    public record Snap(double xM, double yM, double rotationDeg, String rowId) {}

    /**
     * Snaps a rack centre: onto the line of the nearest row within {@link #ROW_SNAP_M} (and onto
     * that row's rack pitch along it), otherwise onto the {@link #GRID_M} grid.
     *
     * @param moving the rack being moved (left out of its row's line), or null for a new one
     */
    public Snap snap(String hallId, double xM, double yM, Rack moving) {
        double rotation = moving == null ? 0 : moving.placement().rotationDeg();
        Snap best = null;
        double bestDistance = ROW_SNAP_M;
        Map<String, List<Rack>> byRow = new HashMap<>();
        for (Rack r : facility.racks()) {
            if (r.rowId() != null && hallId.equals(r.placement().hallId()) && r != moving) {
                byRow.computeIfAbsent(r.rowId(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<Rack>> e : byRow.entrySet()) {
            Rack ref = e.getValue().get(0);
            boolean alongX = Math.round(ref.placement().rotationDeg() / 90) % 2 == 0;
            double line = alongX ? ref.placement().yM() : ref.placement().xM();
            double distance = Math.abs((alongX ? yM : xM) - line);
            if (distance <= bestDistance) {
                bestDistance = distance;
                // Along the row: the row's own pitch, phased on its first rack.
                double along = snapToGrid(
                        alongX ? xM : yM,
                        alongX ? ref.placement().xM() : ref.placement().yM());
                best = alongX
                        ? new Snap(along, line, ref.placement().rotationDeg(), e.getKey())
                        : new Snap(line, along, ref.placement().rotationDeg(), e.getKey());
            }
        }
        if (best != null) {
            return best;
        }
        return new Snap(snapToGrid(xM, 0), snapToGrid(yM, 0), rotation, null);
    }

    /** The nearest value of {@code phase + k * GRID_M}. */
    static double snapToGrid(double value, double phase) {
        double k = Math.round((value - phase) / GRID_M);
        // Round away binary noise (4.05 + 3 * 0.6 = 5.8500000000000005): positions stay readable.
        return Math.round((phase + k * GRID_M) * 1e6) / 1e6;
    }

    /** The hall {@code hallId}, if the facility has it. */
    public Optional<Hall> hall(String hallId) {
        return facility.halls().stream().filter(h -> h.id().equals(hallId)).findFirst();
    }

    // ---- connections: feeds and cooling loops -----------------------------------------------

    /** The busways and PDUs side {@code side} of the racks among {@code ids} could be fed from, nearest first. */
    public List<ConnectCandidate> feedCandidates(Collection<String> ids, FeedSide side) {
        return ConnectCandidate.feedSources(facility, rackIds(ids), side);
    }

    /** The secondary cooling loops the racks among {@code ids} could be cooled by, nearest CDU first. */
    public List<ConnectCandidate> coolingLoopCandidates(Collection<String> ids) {
        return ConnectCandidate.coolingLoops(facility, rackIds(ids));
    }

    /** Why {@code racks} cannot be fed from {@code sourceId}: none selected, or the source cannot feed racks. */
    private Optional<String> feedProblem(List<String> racks, String sourceId) {
        return racks.isEmpty() ? Optional.of("select one or more racks") : feedSourceProblem(sourceId);
    }

    /**
     * Feeds side {@code side} of every rack among {@code ids} from busway or PDU {@code sourceId}
     * (replacing that side's feed, or adding it), in one undoable step; the racks' other feeds stay.
     * Refused if no rack is selected, the source is not a busway or PDU of the power chain, or it
     * already feeds that side of every one.
     */
    public EditResult connectFeed(Collection<String> ids, FeedSide side, String sourceId) {
        String what = "Connect feed " + side;
        List<String> racks = rackIds(ids);
        Optional<String> bad = feedProblem(racks, sourceId);
        if (bad.isPresent()) {
            return EditResult.refused(what + " refused: " + bad.get());
        }
        Set<String> idSet = new HashSet<>(racks);
        List<String> changed = new ArrayList<>();
        Facility edited = facility.withRacks(facility.racks().stream()
                .map(r -> {
                    if (!idSet.contains(r.id())) {
                        return r;
                    }
                    List<RackFeed> feeds = new ArrayList<>(r.feeds());
                    int at = -1;
                    for (int i = 0; i < feeds.size(); i++) {
                        if (feeds.get(i).side() == side) {
                            at = i;
                        }
                    }
                    if (at >= 0 && feeds.get(at).source().equals(sourceId)) {
                        return r;
                    }
                    RackFeed feed = new RackFeed(side, sourceId);
                    if (at >= 0) {
                        feeds.set(at, feed);
                    } else {
                        feeds.add(feed);
                        feeds.sort(Comparator.comparing(RackFeed::side));
                    }
                    changed.add(r.id());
                    return r.withFeeds(feeds);
                })
                .toList());
        if (changed.isEmpty()) {
            return EditResult.refused("Nothing to connect: '" + sourceId + "' already feeds side " + side + " of "
                    + (racks.size() == 1 ? "rack " + racks.get(0) : "all " + racks.size() + " racks"));
        }
        String label =
                (changed.size() == 1 ? what + " of rack " + changed.get(0) : what + " of " + changed.size() + " racks")
                        + " to " + sourceId;
        return commit(label, edited, racks);
    }

    /**
     * Cools every rack among {@code ids} by the secondary loop {@code loopId}, in one undoable
     * step. Refused if no rack is selected, the facility has no such loop, or every rack is on it already.
     */
    public EditResult connectCoolingLoop(Collection<String> ids, String loopId) {
        String what = "Connect cooling loop";
        List<String> racks = rackIds(ids);
        if (racks.isEmpty()) {
            return EditResult.refused(what + " refused: select one or more racks");
        }
        if (loopId == null || loopId.isBlank()) {
            return EditResult.refused(what + " refused: choose a cooling loop");
        }
        if (facility.cooling().loops().stream().noneMatch(l -> l.id().equals(loopId))) {
            return EditResult.refused(
                    what + " refused: '" + loopId + "' is not a secondary cooling loop of the facility"
                            + (facility.cooling().loops().isEmpty() ? " (it has none)" : ""));
        }
        Set<String> idSet = new HashSet<>(racks);
        List<String> changed = new ArrayList<>();
        Facility edited = facility.withRacks(facility.racks().stream()
                .map(r -> {
                    if (!idSet.contains(r.id()) || loopId.equals(r.coolingLoopId())) {
                        return r;
                    }
                    changed.add(r.id());
                    return r.withCoolingLoopId(loopId);
                })
                .toList());
        if (changed.isEmpty()) {
            return EditResult.refused("Nothing to connect: "
                    + (racks.size() == 1 ? "rack " + racks.get(0) + " is" : "all " + racks.size() + " racks are")
                    + " on cooling loop '" + loopId + "' already");
        }
        String label = "Connect " + (changed.size() == 1 ? "rack " + changed.get(0) : changed.size() + " racks")
                + " to cooling loop " + loopId;
        return commit(label, edited, racks);
    }

    /**
     * Why racks cannot be fed from {@code sourceId} (the chooser's rule: only a busway or PDU of
     * the power chain feeds racks), or empty if they can.
     */
    private Optional<String> feedSourceProblem(String sourceId) {
        if (sourceId == null || sourceId.isBlank()) {
            return Optional.of("choose a busway or PDU to feed the racks from");
        }
        Optional<PowerNode> source = powerNode(sourceId);
        if (source.isEmpty()) {
            return Optional.of("'" + sourceId + "' is not a node of the power chain");
        }
        if (!source.get().kind().feedsRacks()) {
            return Optional.of("racks are fed from a busway or PDU, not from "
                    + source.get().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '" + sourceId + "'");
        }
        return Optional.empty();
    }

    /**
     * Feeds every rack among {@code ids} from busway or PDU {@code sourceId} on its first free
     * side (A, then B, then C), in one undoable step: what a drag from the racks onto the source
     * does. A rack that {@code sourceId} already feeds (on any side) is left as it is, so one
     * busway never takes two sides of a rack; a rack with all three sides taken is left out and
     * named in the message. Refused (nothing changes) if the source cannot feed racks (the
     * chooser's rule) or no rack gets a new feed.
     */
    public EditResult connectFeedToFirstFreeSide(Collection<String> ids, String sourceId) {
        String what = "Connect feed";
        List<String> racks = rackIds(ids);
        Optional<String> bad = feedProblem(racks, sourceId);
        if (bad.isPresent()) {
            return EditResult.refused(what + " refused: " + bad.get());
        }
        Set<String> idSet = new HashSet<>(racks);
        List<String> changed = new ArrayList<>();
        List<String> full = new ArrayList<>();
        Set<FeedSide> sidesUsed = new TreeSet<>();
        Facility edited = facility.withRacks(facility.racks().stream()
                .map(r -> {
                    if (!idSet.contains(r.id())
                            || r.feeds().stream().anyMatch(f -> f.source().equals(sourceId))) {
                        return r;
                    }
                    Set<FeedSide> taken = new HashSet<>();
                    r.feeds().forEach(f -> taken.add(f.side()));
                    Optional<FeedSide> free = Arrays.stream(FeedSide.values())
                            .filter(side -> !taken.contains(side))
                            .findFirst();
                    if (free.isEmpty()) {
                        full.add(r.id());
                        return r;
                    }
                    List<RackFeed> feeds = new ArrayList<>(r.feeds());
                    feeds.add(new RackFeed(free.get(), sourceId));
                    feeds.sort(Comparator.comparing(RackFeed::side));
                    changed.add(r.id());
                    sidesUsed.add(free.get());
                    return r.withFeeds(feeds);
                })
                .toList());
        if (changed.isEmpty()) {
            return EditResult.refused(
                    full.isEmpty()
                            ? "Nothing to connect: '" + sourceId + "' already feeds "
                                    + (racks.size() == 1 ? "rack " + racks.get(0) : "all " + racks.size() + " racks")
                            : what + " refused: feeds A, B and C of " + namedRacks(full)
                                    + " are all taken; disconnect one first (Edit > Disconnect)");
        }
        String sides = sidesUsed.stream().map(FeedSide::name).collect(Collectors.joining(", "));
        String label = (changed.size() == 1 ? "Connect rack " + changed.get(0) : "Connect " + changed.size() + " racks")
                + " to " + sourceId + " (feed " + sides + ")"
                + (full.isEmpty() ? "" : "; " + namedRacks(full) + " left out: feeds A, B and C all taken");
        return commit(label, edited, racks);
    }

    /** "rack r1" or "racks r1, r2, r3 and 4 more". */
    private static String namedRacks(List<String> ids) {
        if (ids.size() == 1) {
            return "rack " + ids.get(0);
        }
        String shown = String.join(", ", ids.subList(0, Math.min(3, ids.size())));
        return "racks " + shown + (ids.size() > 3 ? " and " + (ids.size() - 3) + " more" : "");
    }

    /**
     * Cools every rack among {@code ids} by the loop of CDU {@code cduId} (its first secondary
     * loop), in one undoable step: what a drag from the racks onto a CDU does. Refused if there
     * is no such CDU or it has no secondary loop.
     */
    public EditResult connectCoolingLoopOfCdu(Collection<String> ids, String cduId) {
        Optional<CoolingLoop> loop = facility.cooling().loops().stream()
                .filter(l -> l.cduId().equals(cduId))
                .findFirst();
        if (loop.isEmpty()) {
            boolean isCdu = facility.cooling().cdus().stream().anyMatch(c -> c.id().equals(cduId));
            return EditResult.refused("Connect cooling loop refused: "
                    + (isCdu
                            ? "CDU '" + cduId + "' drives no secondary loop; add one first"
                            : "'" + cduId + "' is not a CDU"));
        }
        return connectCoolingLoop(ids, loop.get().id());
    }

    /** The CDU standing at {@code id}: the CDU itself, or the in-rack CDU rack {@code id} hosts. */
    public Optional<String> cduAt(String id) {
        return facility.cooling().cdus().stream()
                .filter(c -> c.id().equals(id) || (c.placement() == null && id.equals(c.hostRackId())))
                .map(Cdu::id)
                .findFirst();
    }

    /**
     * Takes the feed on side {@code side} off every rack among {@code ids}, in one undoable step;
     * their other feeds and cooling loops stay. Refused if no rack is selected or none has a feed
     * on that side. A rack left without any feed is then reported unpowered by the power analysis.
     */
    public EditResult disconnectFeed(Collection<String> ids, FeedSide side) {
        return disconnect(
                "Disconnect feed " + side,
                ids,
                r -> r.feeds().stream().anyMatch(f -> f.side() == side),
                r -> r.withFeeds(
                        r.feeds().stream().filter(f -> f.side() != side).toList()),
                "has no feed on side " + side,
                "has a feed on side " + side);
    }

    /**
     * Takes every rack among {@code ids} off its cooling loop, in one undoable step. Refused if no
     * rack is selected or none is on a loop. A liquid-cooled rack left without a loop is then
     * reported by the thermal analysis (its liquid heat counted as air heat).
     */
    public EditResult disconnectCoolingLoop(Collection<String> ids) {
        return disconnect(
                "Disconnect cooling loop",
                ids,
                r -> r.coolingLoopId() != null,
                r -> r.withCoolingLoopId(null),
                "is not on a cooling loop",
                "is on a cooling loop");
    }

    /**
     * Applies {@code change} to every selected rack {@code connected} holds for, as one undoable
     * step {@code what}; refused, naming the reason, when no rack is selected or none is connected
     * ({@code oneIsNot}: "rack r1 ..."; {@code noneIs}: "none of the 3 racks ...").
     */
    private EditResult disconnect(
            String what,
            Collection<String> ids,
            java.util.function.Predicate<Rack> connected,
            java.util.function.UnaryOperator<Rack> change,
            String oneIsNot,
            String noneIs) {
        List<String> racks = rackIds(ids);
        if (racks.isEmpty()) {
            return EditResult.refused(what + " refused: select one or more racks");
        }
        Set<String> idSet = new HashSet<>(racks);
        List<String> changed = new ArrayList<>();
        Facility edited = facility.withRacks(facility.racks().stream()
                .map(r -> {
                    if (!idSet.contains(r.id()) || !connected.test(r)) {
                        return r;
                    }
                    changed.add(r.id());
                    return change.apply(r);
                })
                .toList());
        if (changed.isEmpty()) {
            return EditResult.refused("Nothing to disconnect: "
                    + (racks.size() == 1
                            ? "rack " + racks.get(0) + " " + oneIsNot
                            : "none of the " + racks.size() + " racks " + noneIs));
        }
        String label = what + " of " + (changed.size() == 1 ? "rack " + changed.get(0) : changed.size() + " racks");
        return commit(label, edited, racks);
    }

    // ---- property edits ----------------------------------------------------------------------

    /** The fields of element {@code id} that {@link #setProperty} can change, by their property-sheet names. */
    public List<String> editableFields(String id) {
        if (rack(id).isPresent()) {
            return RACK_FIELDS;
        }
        Optional<PowerNode> node = powerNode(id);
        if (node.isPresent()) {
            if (node.get().placement() == null) {
                return POWER_FIELDS;
            }
            List<String> fields = new ArrayList<>(POWER_FIELDS);
            fields.addAll(PLACEMENT_FIELDS);
            return List.copyOf(fields);
        }
        return isPlaced(id) ? PLACEMENT_FIELDS : List.of();
    }

    /** The position fields every placed element (CDU, power equipment, heat rejection, air handler) can edit. */
    static final List<String> PLACEMENT_FIELDS = List.of("placement.xM", "placement.yM", "placement.rotationDeg");

    static final List<String> RACK_FIELDS = List.of(
            "type", "rowId", "placement.xM", "placement.yM", "placement.rotationDeg", "coolingLoopId", "powerKw");
    static final List<String> POWER_FIELDS = List.of("name", "ratingKw", "voltageV", "efficiency", "lengthM");

    /**
     * Sets a simple field of a rack or power node from the text the user typed. Refused (nothing
     * stored) if the text is not a value of the field's type or the edited facility has a new problem.
     */
    public EditResult setProperty(String id, String field, String text) {
        return edit(id, field, text)
                .map(f -> commit("Set " + field + " of " + id, f, List.of(id)))
                .orElseGet(() -> EditResult.refused(parseError));
    }

    /** What {@link #setProperty} would say, without storing anything: for validation as the user types. */
    public EditResult checkProperty(String id, String field, String text) {
        Optional<Facility> edited = edit(id, field, text);
        if (edited.isEmpty()) {
            return EditResult.refused(parseError);
        }
        Optional<Problem> problem = newProblem(edited.get());
        return problem.map(p -> EditResult.refused(describe(p))).orElseGet(() -> EditResult.done("OK", List.of(id)));
    }

    private String parseError;

    private Optional<Facility> edit(String id, String field, String text) {
        parseError = null;
        try {
            Optional<Rack> rack = rack(id);
            if (rack.isPresent()) {
                return Optional.of(editRack(rack.get(), field, text));
            }
            Optional<Record> placed = Elements.find(facility, id);
            if (placed.isPresent() && PLACEMENT_FIELDS.contains(field) && Elements.placement(placed.get()) != null) {
                return Optional.of(editPlacement(placed.get(), field, text));
            }
            Optional<PowerNode> node = powerNode(id);
            if (node.isPresent()) {
                return Optional.of(editPowerNode(node.get(), field, text));
            }
            parseError = "'" + id + "' has no editable fields";
        } catch (IllegalArgumentException e) {
            parseError = e.getMessage();
        }
        return Optional.empty();
    }

    private Facility editRack(Rack r, String field, String text) {
        Placement p = r.placement();
        Rack edited = switch (field) {
            case "type" ->
                new Rack(r.id(), required(field, text), r.rowId(), p, r.feeds(), r.coolingLoopId(), r.powerKw());
            case "rowId" -> new Rack(r.id(), r.type(), optional(text), p, r.feeds(), r.coolingLoopId(), r.powerKw());
            case "coolingLoopId" -> new Rack(r.id(), r.type(), r.rowId(), p, r.feeds(), optional(text), r.powerKw());
            case "powerKw" ->
                new Rack(r.id(), r.type(), r.rowId(), p, r.feeds(), r.coolingLoopId(), optionalNumber(field, text));
            case "placement.xM" ->
                r.withPlacement(new Placement(p.hallId(), number(field, text), p.yM(), p.rotationDeg()));
            case "placement.yM" ->
                r.withPlacement(new Placement(p.hallId(), p.xM(), number(field, text), p.rotationDeg()));
            case "placement.rotationDeg" ->
                r.withPlacement(new Placement(p.hallId(), p.xM(), p.yM(), number(field, text)));
            default ->
                throw new IllegalArgumentException(
                        field + " of a rack cannot be edited here; editable: " + RACK_FIELDS);
        };
        return replaceRack(r, edited);
    }

    /** A typed position of a placed element other than a rack (racks go through {@link #editRack}, which keeps rows). */
    private Facility editPlacement(Record e, String field, String text) {
        Placement p = Elements.placement(e);
        double v = number(field, text);
        Placement to = switch (field) {
            case "placement.xM" -> new Placement(p.hallId(), v, p.yM(), p.rotationDeg());
            case "placement.yM" -> new Placement(p.hallId(), p.xM(), v, p.rotationDeg());
            default -> new Placement(p.hallId(), p.xM(), p.yM(), v);
        };
        return Elements.map(facility, x -> x == e ? Elements.moved(x, to) : x);
    }

    private Facility replaceRack(Rack old, Rack edited) {
        return facility.withRacks(
                facility.racks().stream().map(x -> x == old ? edited : x).toList());
    }

    public Optional<PowerNode> powerNode(String id) {
        return facility.power().nodes().stream().filter(n -> n.id().equals(id)).findFirst();
    }

    private Facility editPowerNode(PowerNode n, String field, String text) {
        PowerNode edited = switch (field) {
            case "name" -> n.withName(optional(text));
            case "ratingKw" -> n.withRatingKw(number(field, text));
            case "voltageV" -> n.withVoltageV(number(field, text));
            case "efficiency" -> {
                Double eff = optionalNumber(field, text);
                if (eff != null && (eff <= 0 || eff > 1)) {
                    throw new IllegalArgumentException(
                            "efficiency (" + eff + ") must be in (0, 1]. Maybe you typed a percentage?");
                }
                yield n.withEfficiency(eff);
            }
            case "lengthM" -> {
                Double length = optionalNumber(field, text);
                if (length != null && length < 0) {
                    throw new IllegalArgumentException("lengthM (" + length + " m) must not be negative");
                }
                yield n.withLengthM(length);
            }
            default ->
                throw new IllegalArgumentException(
                        field + " of a power node cannot be edited here; editable: " + POWER_FIELDS);
        };
        List<PowerNode> nodes =
                facility.power().nodes().stream().map(x -> x == n ? edited : x).toList();
        PowerChain chain = new PowerChain(nodes, facility.power().redundancyGroups());
        return facility.withPower(chain);
    }

    private static String required(String field, String text) {
        String t = optional(text);
        if (t == null) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return t;
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static double number(String field, String text) {
        Double d = optionalNumber(field, text);
        if (d == null) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return d;
    }

    private static Double optionalNumber(String field, String text) {
        String t = optional(text);
        if (t == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not a finite number");
        }
        return d;
    }

    /** Ids in {@code ids} that are racks, in order, without repeats. */
    public List<String> rackIds(Collection<String> ids) {
        Set<String> racks = new HashSet<>();
        facility.racks().forEach(r -> racks.add(r.id()));
        return new ArrayList<>(
                new LinkedHashSet<>(ids.stream().filter(racks::contains).toList()));
    }
}
