package org.aifactory.twin.ui.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.Row;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.Problem;
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
        return validator.validate(edited).stream().filter(p -> !knownProblems.contains(key(p))).findFirst();
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
        List<Rack> moving = ids.stream().map(this::rack).flatMap(Optional::stream).toList();
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
        Facility edited = facility.withRacks(facility.racks().stream().map(r -> {
            if (!idSet.contains(r.id())) {
                return r;
            }
            Placement p = r.placement();
            String rowId = r == lead && snap.rowId() != null ? snap.rowId() : sameHall ? r.rowId() : null;
            return new Rack(r.id(), r.type(), rowId, new Placement(hallId, p.xM() + dx, p.yM() + dy, p.rotationDeg()), r.feeds(),
                    r.coolingLoopId(), r.powerKw());
        }).toList());
        String label = moving.size() == 1 ? "Move rack " + lead.id() : "Move " + moving.size() + " racks";
        return commit(label, edited, moving.stream().map(Rack::id).toList());
    }

    /** Turns each rack a quarter turn (90° clockwise seen from above) about its own centre. */
    public EditResult rotateRacks(Collection<String> ids) {
        Set<String> idSet = new HashSet<>(ids);
        List<String> done = new ArrayList<>();
        Facility edited = facility.withRacks(facility.racks().stream().map(r -> {
            if (!idSet.contains(r.id())) {
                return r;
            }
            done.add(r.id());
            Placement p = r.placement();
            return r.withPlacement(new Placement(p.hallId(), p.xM(), p.yM(), (p.rotationDeg() + 90) % 360));
        }).toList());
        if (done.isEmpty()) {
            return EditResult.refused("Rotate refused: no rack selected");
        }
        return commit(done.size() == 1 ? "Rotate rack " + done.get(0) : "Rotate " + done.size() + " racks", edited, done);
    }

    /** Deletes racks; refused if something (a network link, a cooling record...) still refers to one. */
    public EditResult deleteRacks(Collection<String> ids) {
        Set<String> idSet = new HashSet<>(ids);
        List<Rack> kept = facility.racks().stream().filter(r -> !idSet.contains(r.id())).toList();
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
        Rack rack = new Rack(id, typeId, snap.rowId(), new Placement(hallId, snap.xM(), snap.yM(), snap.rotationDeg()), List.of(),
                null, null);
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
            racks.add(new Rack(id, typeId, rowId, new Placement(hallId, x0 + i * type.get().widthM(), y0, 0), List.of(), null, null));
        }
        List<Row> rows = new ArrayList<>(facility.rows());
        rows.add(row);
        Facility f = facility;
        Facility edited = new Facility(f.formatVersion(), f.site(), f.halls(), rows, racks, f.power(), f.cooling(), f.network(),
                f.workload(), f.catalog());
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
        for (int n = from; ; n++) {
            String id = String.format(Locale.ROOT, "%s%02d", prefix, n);
            if (!used.contains(id)) {
                return id;
            }
        }
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
                double along = snapToGrid(alongX ? xM : yM, alongX ? ref.placement().xM() : ref.placement().yM());
                best = alongX ? new Snap(along, line, ref.placement().rotationDeg(), e.getKey())
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

    // ---- property edits ----------------------------------------------------------------------

    /** The fields of element {@code id} that {@link #setProperty} can change, by their property-sheet names. */
    public List<String> editableFields(String id) {
        if (rack(id).isPresent()) {
            return RACK_FIELDS;
        }
        if (powerNode(id).isPresent()) {
            return POWER_FIELDS;
        }
        return List.of();
    }

    static final List<String> RACK_FIELDS =
            List.of("type", "rowId", "placement.xM", "placement.yM", "placement.rotationDeg", "coolingLoopId", "powerKw");
    static final List<String> POWER_FIELDS = List.of("name", "ratingKw", "voltageV", "efficiency", "lengthM");

    /**
     * Sets a simple field of a rack or power node from the text the user typed. Refused (nothing
     * stored) if the text is not a value of the field's type or the edited facility has a new problem.
     */
    public EditResult setProperty(String id, String field, String text) {
        return edit(id, field, text).map(f -> commit("Set " + field + " of " + id, f, List.of(id)))
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
            case "type" -> new Rack(r.id(), required(field, text), r.rowId(), p, r.feeds(), r.coolingLoopId(), r.powerKw());
            case "rowId" -> new Rack(r.id(), r.type(), optional(text), p, r.feeds(), r.coolingLoopId(), r.powerKw());
            case "coolingLoopId" -> new Rack(r.id(), r.type(), r.rowId(), p, r.feeds(), optional(text), r.powerKw());
            case "powerKw" -> new Rack(r.id(), r.type(), r.rowId(), p, r.feeds(), r.coolingLoopId(), optionalNumber(field, text));
            case "placement.xM" -> r.withPlacement(new Placement(p.hallId(), number(field, text), p.yM(), p.rotationDeg()));
            case "placement.yM" -> r.withPlacement(new Placement(p.hallId(), p.xM(), number(field, text), p.rotationDeg()));
            case "placement.rotationDeg" -> r.withPlacement(new Placement(p.hallId(), p.xM(), p.yM(), number(field, text)));
            default -> throw new IllegalArgumentException(field + " of a rack cannot be edited here; editable: " + RACK_FIELDS);
        };
        return replaceRack(r, edited);
    }

    private Facility replaceRack(Rack old, Rack edited) {
        return facility.withRacks(facility.racks().stream().map(x -> x == old ? edited : x).toList());
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
                    throw new IllegalArgumentException("efficiency (" + eff + ") must be in (0, 1]. Maybe you typed a percentage?");
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
            default -> throw new IllegalArgumentException(field + " of a power node cannot be edited here; editable: " + POWER_FIELDS);
        };
        List<PowerNode> nodes = facility.power().nodes().stream().map(x -> x == n ? edited : x).toList();
        PowerChain chain = new PowerChain(nodes, facility.power().redundancyGroups());
        Facility f = facility;
        return new Facility(f.formatVersion(), f.site(), f.halls(), f.rows(), f.racks(), chain, f.cooling(), f.network(),
                f.workload(), f.catalog());
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
        return new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(racks::contains).toList()));
    }
}
