package org.aifactory.twin.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Every selectable element of a facility by id, with where it sits in the outline (the keys of
 * its ancestors: group keys start with '#', element keys are ids; model ids are unique across the
 * whole facility, which the validator checks). No JavaFX: built off the FX thread.
 */
public final class ElementIndex {
    /** The selection id of the site (the outline's root); model ids never start with '#'. */
    public static final String SITE_ID = "#site";

    public static final String HALLS = "#halls";
    public static final String OTHER_RACKS = "#other-racks";
    public static final String POWER = "#power";
    public static final String REDUNDANCY_GROUPS = "#redundancy-groups";
    public static final String COOLING = "#cooling";
    public static final String CDUS = "#cdus";
    public static final String LOOPS = "#loops";
    public static final String FACILITY_LOOPS = "#facility-loops";
    public static final String HEAT_REJECTION = "#heat-rejection";
    public static final String AIR_HANDLERS = "#air-handlers";
    public static final String NETWORK = "#network";
    public static final String WORKLOAD = "#workload";
    public static final String DEPLOYMENTS = "#deployments";
    public static final String TRAFFIC = "#traffic";
    public static final String SLOS = "#slos";

    /**
     * One selectable element.
     *
     * @param kind what it is, for people: "rack", "hall", "power node", ...
     * @param value the model record
     * @param outlinePath keys of its outline ancestors below the root, outermost first, ending with its own id
     */
    public record Element(String id, String kind, Object value, List<String> outlinePath) {
        public Element {
            outlinePath = List.copyOf(outlinePath);
        }
    }

    private final Facility facility;
    private final Map<String, Element> byId = new LinkedHashMap<>();
    private final Map<String, List<Row>> rowsByHall = new HashMap<>();
    private final Map<String, List<Rack>> racksByRow = new HashMap<>();
    private final Map<String, List<Rack>> rowlessRacksByHall = new HashMap<>();
    private final List<Rack> otherRacks = new ArrayList<>();

    public ElementIndex(Facility facility) {
        this.facility = facility;
        put(SITE_ID, "site", facility.site());
        Map<String, Hall> halls = new HashMap<>();
        for (Hall h : facility.halls()) {
            halls.put(h.id(), h);
            put(h.id(), "hall", h, HALLS, h.id());
        }
        Map<String, Row> rows = new HashMap<>();
        for (Row r : facility.rows()) {
            rows.put(r.id(), r);
            rowsByHall.computeIfAbsent(r.hallId(), k -> new ArrayList<>()).add(r);
            put(r.id(), "row", r, HALLS, r.hallId(), r.id());
        }
        for (Rack r : facility.racks()) {
            Row row = r.rowId() == null ? null : rows.get(r.rowId());
            String hallId = r.placement().hallId();
            if (row != null && halls.containsKey(row.hallId())) {
                racksByRow.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(r);
                put(r.id(), "rack", r, HALLS, row.hallId(), row.id(), r.id());
            } else if (hallId != null && halls.containsKey(hallId)) {
                rowlessRacksByHall
                        .computeIfAbsent(hallId, k -> new ArrayList<>())
                        .add(r);
                put(r.id(), "rack", r, HALLS, hallId, r.id());
            } else {
                otherRacks.add(r);
                put(r.id(), "rack", r, OTHER_RACKS, r.id());
            }
        }
        for (PowerNode n : facility.power().nodes()) {
            put(n.id(), "power node", n, POWER, n.id());
        }
        for (RedundancyGroup g : facility.power().redundancyGroups()) {
            put(g.id(), "redundancy group", g, POWER, REDUNDANCY_GROUPS, g.id());
        }
        for (Cdu c : facility.cooling().cdus()) {
            put(c.id(), "CDU", c, COOLING, CDUS, c.id());
        }
        for (CoolingLoop l : facility.cooling().loops()) {
            put(l.id(), "cooling loop", l, COOLING, LOOPS, l.id());
        }
        for (FacilityWaterLoop l : facility.cooling().facilityLoops()) {
            put(l.id(), "facility water loop", l, COOLING, FACILITY_LOOPS, l.id());
        }
        for (HeatRejectionUnit h : facility.cooling().heatRejection()) {
            put(h.id(), "heat rejection", h, COOLING, HEAT_REJECTION, h.id());
        }
        for (AirHandler a : facility.cooling().airHandlers()) {
            put(a.id(), "air handler", a, COOLING, AIR_HANDLERS, a.id());
        }
        for (Fabric f : facility.network().fabrics()) {
            put(f.id(), "fabric", f, NETWORK, f.id());
            for (SwitchInstance s : f.switches()) {
                put(s.id(), "switch", s, NETWORK, f.id(), s.id());
            }
        }
        for (Deployment d : facility.workload().deployments()) {
            put(d.id(), "deployment", d, WORKLOAD, DEPLOYMENTS, d.id());
        }
        for (TrafficProfile t : facility.workload().traffic()) {
            put(t.id(), "traffic", t, WORKLOAD, TRAFFIC, t.id());
        }
        for (Slo s : facility.workload().slos()) {
            put(s.id(), "SLO", s, WORKLOAD, SLOS, s.id());
        }
    }

    private void put(String id, String kind, Object value, String... path) {
        byId.putIfAbsent(id, new Element(id, kind, value, List.of(path)));
    }

    public Facility facility() {
        return facility;
    }

    public Optional<Element> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    public List<Row> rowsOf(String hallId) {
        return Collections.unmodifiableList(rowsByHall.getOrDefault(hallId, List.of()));
    }

    public List<Rack> racksOfRow(String rowId) {
        return Collections.unmodifiableList(racksByRow.getOrDefault(rowId, List.of()));
    }

    /** Racks standing in a hall without (a known) row. */
    public List<Rack> rowlessRacksOf(String hallId) {
        return Collections.unmodifiableList(rowlessRacksByHall.getOrDefault(hallId, List.of()));
    }

    /** Racks in no known hall (in the yard or in a hall that does not exist). */
    public List<Rack> otherRacks() {
        return Collections.unmodifiableList(otherRacks);
    }
}
