package org.aifactory.twin.model.validation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.EfficiencyPoint;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FacilityWaterLoop;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.GridEventKind;
import org.aifactory.twin.model.GridEventSpec;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.Link;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.Row;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.SwitchInstance;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogEntry;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.Problem;
import org.aifactory.twin.model.layout.FacilityLayout;
import org.aifactory.twin.model.layout.OverlapFinder;
import org.aifactory.twin.model.layout.PlacedItem;

/**
 * Checks that a facility is a well-formed description (not whether the design works: that is
 * the solvers' job): ids unique, every reference resolves, quantities finite and within
 * physical bounds, items inside their hall and not overlapping, the power graph acyclic.
 * Reports every problem with its JSON pointer and element id.
 *
 * <p>The "absurd" bounds below are sanity limits, not design limits: they catch unit mistakes
 * (W typed for kW, mm for m), and are far outside any real AI factory.
 */
public final class FacilityValidator {
    static final double MAX_HALL_SIDE_M = 2_000;
    static final double MAX_SITE_POWER_KW = 20_000_000; // 20 GW: beyond any campus
    static final double MAX_RACK_POWER_KW = 1_000; // 1 MW per rack: Rubin Ultra-class is ~600 kW
    static final double MAX_VOLTAGE_V = 800_000;
    static final double MAX_EVENT_HOURS = 8_760; // a year: longer is no event

    private final Catalog builtIn;

    public FacilityValidator(Catalog builtIn) {
        this.builtIn = builtIn;
    }

    public List<Problem> validate(Facility f) {
        return validate(f, Set.of());
    }

    /**
     * @param droppedIds ids of elements the reader could not bind; references to them are not
     *     reported again as dangling
     */
    public List<Problem> validate(Facility f, Set<String> droppedIds) {
        return new Run(f, new CatalogIndex(builtIn, f.catalog()), droppedIds).run();
    }

    private final class Run {
        private final Facility f;
        private final CatalogIndex catalog;
        private final Set<String> dropped;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, String> idPaths = new HashMap<>();
        private final Map<String, Hall> halls = new HashMap<>();
        private final Map<String, Row> rows = new HashMap<>();
        private final Map<String, Rack> racks = new HashMap<>();
        private final Map<String, PowerNode> powerNodes = new HashMap<>();
        private final Map<String, Cdu> cdus = new HashMap<>();
        private final Set<String> loops = new HashSet<>();
        private final Set<String> facilityLoops = new HashSet<>();
        private final Set<String> deployments = new HashSet<>();

        Run(Facility f, CatalogIndex catalog, Set<String> dropped) {
            this.f = f;
            this.catalog = catalog;
            this.dropped = dropped;
        }

        List<Problem> run() {
            NonFiniteNumbers.check(f, "", null, problems);
            collectIds();
            checkCatalog();
            checkSite(f.site());
            checkHalls();
            checkRacks();
            checkPower();
            checkCooling();
            checkNetwork();
            checkWorkload();
            checkLayout();
            return problems;
        }

        private void problem(String path, String element, String message) {
            problems.add(Problem.at(path, element, message));
        }

        private void ref(String path, String element, String what, String id, boolean exists) {
            if (id != null && !exists && !dropped.contains(id)) {
                problem(path, element, what + " '" + id + "' does not exist");
            }
        }

        private void positive(String path, String element, String field, double value, double max, String unit) {
            if (value <= 0) {
                problem(path, element, field + " (" + value + " " + unit + ") must be positive");
            } else if (value > max) {
                problem(
                        path,
                        element,
                        field + " (" + value + " " + unit + ") is absurd: more than " + max + " " + unit
                                + ". Maybe a unit mistake?");
            }
        }

        private void range(
                String path, String element, String field, double value, double min, double max, String unit) {
            if (value < min || value > max) {
                problem(
                        path,
                        element,
                        field + " (" + value + " " + unit + ") must be between " + min + " and " + max + " " + unit);
            }
        }

        // ---- ids ---------------------------------------------------------------------------

        private void id(String id, String path) {
            String previous = idPaths.putIfAbsent(id, path);
            if (previous != null) {
                problem(path + "/id", id, "duplicate id '" + id + "' (first used at " + previous + ")");
            } else if (id.isBlank()) {
                problem(path + "/id", id, "id must not be blank");
            }
        }

        private void collectIds() {
            each(f.site().gridEvents(), "/site/gridEvents", (e, p) -> id(e.id(), p));
            each(f.halls(), "/halls", (h, p) -> {
                id(h.id(), p);
                halls.putIfAbsent(h.id(), h);
            });
            each(f.rows(), "/rows", (r, p) -> {
                id(r.id(), p);
                rows.putIfAbsent(r.id(), r);
            });
            each(f.racks(), "/racks", (r, p) -> {
                id(r.id(), p);
                racks.putIfAbsent(r.id(), r);
            });
            each(f.power().nodes(), "/power/nodes", (n, p) -> {
                id(n.id(), p);
                powerNodes.putIfAbsent(n.id(), n);
            });
            each(f.power().redundancyGroups(), "/power/redundancyGroups", (g, p) -> id(g.id(), p));
            each(f.cooling().cdus(), "/cooling/cdus", (c, p) -> {
                id(c.id(), p);
                cdus.putIfAbsent(c.id(), c);
            });
            each(f.cooling().loops(), "/cooling/loops", (l, p) -> {
                id(l.id(), p);
                loops.add(l.id());
            });
            each(f.cooling().facilityLoops(), "/cooling/facilityLoops", (l, p) -> {
                id(l.id(), p);
                facilityLoops.add(l.id());
            });
            each(f.cooling().heatRejection(), "/cooling/heatRejection", (h, p) -> id(h.id(), p));
            each(f.cooling().airHandlers(), "/cooling/airHandlers", (a, p) -> id(a.id(), p));
            each(f.network().fabrics(), "/network/fabrics", (fab, p) -> {
                id(fab.id(), p);
                each(fab.switches(), p + "/switches", (s, sp) -> id(s.id(), sp));
            });
            each(f.workload().deployments(), "/workload/deployments", (d, p) -> {
                id(d.id(), p);
                deployments.add(d.id());
            });
            each(f.workload().traffic(), "/workload/traffic", (t, p) -> id(t.id(), p));
            each(f.workload().slos(), "/workload/slos", (s, p) -> id(s.id(), p));
        }

        // ---- catalog -----------------------------------------------------------------------

        private void checkCatalog() {
            Set<String> builtInIds = new HashSet<>();
            builtIn.forEachEntry((section, i, e) -> builtInIds.add(section + "\0" + e.id()));
            Map<String, String> local = new HashMap<>();
            f.catalog().forEachEntry((section, i, e) -> {
                String path = "/catalog/" + section + "/" + i;
                if (builtInIds.contains(section + "\0" + e.id())) {
                    problem(
                            path + "/id",
                            e.id(),
                            "catalog entry '" + e.id() + "' clashes with a built-in " + section
                                    + " entry; give it a new id");
                }
                String prev = local.putIfAbsent(section + "\0" + e.id(), path);
                if (prev != null) {
                    problem(path + "/id", e.id(), "duplicate catalog id '" + e.id() + "' (first at " + prev + ")");
                }
                checkCatalogEntry(path, e);
            });
        }

        private void checkCatalogEntry(String path, CatalogEntry e) {
            if (e.source() == null || e.source().isBlank()) {
                problem(
                        path + "/source",
                        e.id(),
                        "every catalog entry must say where its figures come from (use \"[E] ...\" for an estimate)");
            }
            if (e instanceof org.aifactory.twin.model.catalog.Footprinted fp) {
                positive(path + "/widthM", e.id(), "widthM", fp.widthM(), 100, "m");
                positive(path + "/depthM", e.id(), "depthM", fp.depthM(), 100, "m");
                positive(path + "/heightM", e.id(), "heightM", fp.heightM(), 50, "m");
            }
            if (e instanceof RackType r) {
                positive(
                        path + "/typicalPowerKw",
                        r.id(),
                        "typicalPowerKw",
                        r.typicalPowerKw(),
                        MAX_RACK_POWER_KW,
                        "kW");
                positive(path + "/maxPowerKw", r.id(), "maxPowerKw", r.maxPowerKw(), MAX_RACK_POWER_KW, "kW");
                if (r.typicalPowerKw() > r.maxPowerKw()) {
                    problem(
                            path + "/typicalPowerKw",
                            r.id(),
                            "typicalPowerKw (" + r.typicalPowerKw() + ") exceeds maxPowerKw (" + r.maxPowerKw() + ")");
                }
                range(path + "/liquidFraction", r.id(), "liquidFraction", r.liquidFraction(), 0, 1, "");
                ref(
                        path + "/gpu",
                        r.id(),
                        "GPU type",
                        r.gpu(),
                        catalog.gpu(r.gpu()).isPresent());
                if (r.gpus() < 0 || r.nics() < 0 || r.powerShelves() < 0) {
                    problem(path, r.id(), "gpus, nics and powerShelves must not be negative");
                }
                if (r.maxCoolantReturnC() != null) {
                    range(path + "/maxCoolantReturnC", r.id(), "maxCoolantReturnC", r.maxCoolantReturnC(), 2, 90, "°C");
                    if (r.maxCoolantSupplyC() != null && r.maxCoolantReturnC() <= r.maxCoolantSupplyC()) {
                        problem(
                                path + "/maxCoolantReturnC",
                                r.id(),
                                "maxCoolantReturnC (" + r.maxCoolantReturnC() + " °C) must be above maxCoolantSupplyC ("
                                        + r.maxCoolantSupplyC() + " °C)");
                    }
                }
                if ((r.coldPlateDropKpa() == null) != (r.coldPlateFlowLpm() == null)) {
                    problem(
                            path + (r.coldPlateDropKpa() == null ? "/coldPlateDropKpa" : "/coldPlateFlowLpm"),
                            r.id(),
                            "give coldPlateDropKpa and coldPlateFlowLpm together (the pressure drop at that flow), or neither");
                } else if (r.coldPlateDropKpa() != null) {
                    positive(
                            path + "/coldPlateDropKpa", r.id(), "coldPlateDropKpa", r.coldPlateDropKpa(), 1_000, "kPa");
                    positive(
                            path + "/coldPlateFlowLpm",
                            r.id(),
                            "coldPlateFlowLpm",
                            r.coldPlateFlowLpm(),
                            10_000,
                            "L/min");
                }
            } else if (e instanceof org.aifactory.twin.model.catalog.CduType c) {
                positive(path + "/capacityKw", c.id(), "capacityKw", c.capacityKw(), 50_000, "kW");
                positive(path + "/maxFlowLpm", c.id(), "maxFlowLpm", c.maxFlowLpm(), 100_000, "L/min");
                range(path + "/approachK", c.id(), "approachK", c.approachK(), 0, 30, "K");
                if (c.pumps() != null && (c.pumps() < 1 || c.pumps() > 20)) {
                    problem(path + "/pumps", c.id(), "pumps (" + c.pumps() + ") must be between 1 and 20");
                }
                if (c.standbyPumps() != null) {
                    if (c.pumps() == null) {
                        problem(path + "/standbyPumps", c.id(), "standbyPumps needs pumps (how many are installed)");
                    } else if (c.standbyPumps() < 0 || c.standbyPumps() >= c.pumps()) {
                        problem(
                                path + "/standbyPumps",
                                c.id(),
                                "standbyPumps (" + c.standbyPumps() + ") must be at least 0 and fewer than" + " pumps ("
                                        + c.pumps() + "): at least one pump must be on duty");
                    }
                }
            } else if (e instanceof org.aifactory.twin.model.catalog.HeatRejectionType h) {
                positive(path + "/capacityKw", h.id(), "capacityKw", h.capacityKw(), 100_000, "kW");
                if (h.copAtRating() != null) {
                    positive(path + "/copAtRating", h.id(), "copAtRating", h.copAtRating(), 30, "");
                }
            } else if (e instanceof org.aifactory.twin.model.catalog.SwitchType s) {
                if (s.ports() <= 0) {
                    problem(path + "/ports", s.id(), "ports (" + s.ports() + ") must be positive");
                }
                positive(path + "/portSpeedGbps", s.id(), "portSpeedGbps", s.portSpeedGbps(), 10_000, "Gb/s");
            } else if (e instanceof org.aifactory.twin.model.catalog.CableType c) {
                positive(path + "/maxReachM", c.id(), "maxReachM", c.maxReachM(), 100_000, "m");
            }
        }

        // ---- site and space ----------------------------------------------------------------

        private void checkSite(Site s) {
            range("/site/altitudeM", null, "altitudeM", s.altitudeM(), -500, 6_000, "m");
            range("/site/designDryBulbC", null, "designDryBulbC", s.designDryBulbC(), -60, 60, "°C");
            range("/site/designWetBulbC", null, "designWetBulbC", s.designWetBulbC(), -60, 45, "°C");
            if (s.designWetBulbC() > s.designDryBulbC()) {
                problem(
                        "/site/designWetBulbC",
                        null,
                        "designWetBulbC (" + s.designWetBulbC() + " °C) cannot exceed designDryBulbC ("
                                + s.designDryBulbC() + " °C)");
            }
            positive("/site/gridCapacityKw", null, "gridCapacityKw", s.gridCapacityKw(), MAX_SITE_POWER_KW, "kW");
            range(
                    "/site/electricityPriceUsdPerMwh",
                    null,
                    "electricityPriceUsdPerMwh",
                    s.electricityPriceUsdPerMwh(),
                    0,
                    10_000,
                    "USD/MWh");
            if (s.climateFile() != null && s.climateFile().isBlank()) {
                problem(
                        "/site/climateFile",
                        null,
                        "climateFile is blank: name an hourly CSV (relative to the facility file) or leave it out");
            }
            if (s.powerCapKw() != null) {
                positive("/site/powerCapKw", null, "powerCapKw", s.powerCapKw(), MAX_SITE_POWER_KW, "kW");
            }
            each(s.gridEvents(), "/site/gridEvents", this::checkGridEvent);
        }

        private void checkGridEvent(GridEventSpec e, String p) {
            range(p + "/durationH", e.id(), "durationH", e.durationH(), 0, MAX_EVENT_HOURS, "h");
            if (e.durationH() == 0) {
                problem(p + "/durationH", e.id(), "durationH of grid event '" + e.id() + "' must be positive");
            }
            if (e.kind() == GridEventKind.DEMAND_RESPONSE) {
                if (e.curtailPercent() == null) {
                    problem(
                            p,
                            e.id(),
                            "demand-response event '" + e.id()
                                    + "' needs curtailPercent (the % of the site's demand to shed)");
                } else if (!(e.curtailPercent() > 0 && e.curtailPercent() < 100)) {
                    problem(
                            p + "/curtailPercent",
                            e.id(),
                            "curtailPercent (" + e.curtailPercent() + " %) of grid event '" + e.id()
                                    + "' must be between 0 and 100 (exclusive)");
                }
                if (e.nodeId() != null) {
                    problem(
                            p + "/nodeId",
                            e.id(),
                            "demand-response event '" + e.id() + "' takes no nodeId (that is for lost-feed events)");
                }
            } else {
                if (e.nodeId() == null) {
                    problem(
                            p,
                            e.id(),
                            "lost-feed event '" + e.id()
                                    + "' needs nodeId (the power node that is out, e.g. a utility feed)");
                } else {
                    ref(p + "/nodeId", e.id(), "power node", e.nodeId(), powerNodes.containsKey(e.nodeId()));
                }
                if (e.curtailPercent() != null) {
                    problem(
                            p + "/curtailPercent",
                            e.id(),
                            "lost-feed event '" + e.id()
                                    + "' takes no curtailPercent (that is for demand-response events)");
                }
            }
        }

        private void checkHalls() {
            each(f.halls(), "/halls", (h, p) -> {
                positive(p + "/widthM", h.id(), "widthM", h.widthM(), MAX_HALL_SIDE_M, "m");
                positive(p + "/depthM", h.id(), "depthM", h.depthM(), MAX_HALL_SIDE_M, "m");
                positive(p + "/heightM", h.id(), "heightM", h.heightM(), 50, "m");
            });
            each(
                    f.rows(),
                    "/rows",
                    (r, p) -> ref(p + "/hallId", r.id(), "hall", r.hallId(), halls.containsKey(r.hallId())));
        }

        private void placement(String path, String element, Placement pl) {
            if (pl != null && pl.hallId() != null) {
                ref(path + "/hallId", element, "hall", pl.hallId(), halls.containsKey(pl.hallId()));
            }
        }

        // ---- racks -------------------------------------------------------------------------

        private void checkRacks() {
            each(f.racks(), "/racks", (r, p) -> {
                var type = catalog.rack(r.type());
                ref(p + "/type", r.id(), "rack type", r.type(), type.isPresent());
                placement(p + "/placement", r.id(), r.placement());
                if (r.placement().hallId() == null) {
                    problem(p + "/placement/hallId", r.id(), "a rack must stand in a hall");
                }
                if (r.rowId() != null) {
                    Row row = rows.get(r.rowId());
                    ref(p + "/rowId", r.id(), "row", r.rowId(), row != null);
                    if (row != null && !row.hallId().equals(r.placement().hallId())) {
                        problem(
                                p + "/rowId",
                                r.id(),
                                "row '" + row.id() + "' is in hall '" + row.hallId() + "' but the rack stands in hall '"
                                        + r.placement().hallId() + "'");
                    }
                }
                EnumSet<FeedSide> sides = EnumSet.noneOf(FeedSide.class);
                for (int i = 0; i < r.feeds().size(); i++) {
                    RackFeed feed = r.feeds().get(i);
                    String fp = p + "/feeds/" + i;
                    if (!sides.add(feed.side())) {
                        problem(fp + "/side", r.id(), "two feeds on side " + feed.side());
                    }
                    PowerNode source = powerNodes.get(feed.source());
                    ref(fp + "/source", r.id(), "power node", feed.source(), source != null);
                    if (source != null && !source.kind().feedsRacks()) {
                        problem(
                                fp + "/source",
                                r.id(),
                                "racks are fed from a busway or PDU, not from "
                                        + source.kind().name().toLowerCase() + " '" + source.id() + "'");
                    }
                }
                ref(p + "/coolingLoopId", r.id(), "cooling loop", r.coolingLoopId(), loops.contains(r.coolingLoopId()));
                if (r.powerKw() != null) {
                    double max = type.map(t -> t.maxPowerKw() * 1.5).orElse(MAX_RACK_POWER_KW);
                    positive(p + "/powerKw", r.id(), "powerKw", r.powerKw(), Math.min(max, MAX_RACK_POWER_KW), "kW");
                }
            });
        }

        // ---- power -------------------------------------------------------------------------

        private void checkPower() {
            each(f.power().nodes(), "/power/nodes", (n, p) -> {
                positive(p + "/ratingKw", n.id(), "ratingKw", n.ratingKw(), MAX_SITE_POWER_KW, "kW");
                positive(p + "/voltageV", n.id(), "voltageV", n.voltageV(), MAX_VOLTAGE_V, "V");
                if (n.type() != null) {
                    ref(
                            p + "/type",
                            n.id(),
                            "power equipment type",
                            n.type(),
                            catalog.powerEquipment(n.type()).isPresent());
                }
                placement(p + "/placement", n.id(), n.placement());
                if (n.kind().isSource() && !n.inputs().isEmpty()) {
                    problem(
                            p + "/inputs",
                            n.id(),
                            "a " + n.kind().name().toLowerCase() + " is a source and takes no inputs");
                }
                if (!n.kind().isSource() && n.inputs().isEmpty()) {
                    problem(p + "/inputs", n.id(), "a " + n.kind().name().toLowerCase() + " needs at least one input");
                }
                for (int i = 0; i < n.standbyInputs().size(); i++) {
                    if (!n.inputs().contains(n.standbyInputs().get(i))) {
                        problem(
                                p + "/standbyInputs/" + i,
                                n.id(),
                                "standby input '" + n.standbyInputs().get(i) + "' is not one of the node's inputs "
                                        + n.inputs());
                    }
                }
                if (!n.standbyInputs().isEmpty() && n.inputs().stream().allMatch(n.standbyInputs()::contains)) {
                    problem(
                            p + "/standbyInputs",
                            n.id(),
                            "every input is a standby input; at least one must be a primary input");
                }
                for (int i = 0; i < n.inputs().size(); i++) {
                    String in = n.inputs().get(i);
                    ref(p + "/inputs/" + i, n.id(), "power node", in, powerNodes.containsKey(in));
                    if (in.equals(n.id())) {
                        problem(p + "/inputs/" + i, n.id(), "a node cannot feed itself");
                    }
                }
                if (n.efficiency() != null && (n.efficiency() <= 0 || n.efficiency() > 1)) {
                    problem(p + "/efficiency", n.id(), "efficiency (" + n.efficiency() + ") must be in (0, 1]");
                }
                if (n.noLoadLossKw() != null && (n.noLoadLossKw() < 0 || n.noLoadLossKw() > n.ratingKw())) {
                    problem(
                            p + "/noLoadLossKw",
                            n.id(),
                            "noLoadLossKw (" + n.noLoadLossKw() + ") must be between 0 and the rating");
                }
                if (n.fullLoadLossKw() != null && (n.fullLoadLossKw() < 0 || n.fullLoadLossKw() > n.ratingKw())) {
                    problem(
                            p + "/fullLoadLossKw",
                            n.id(),
                            "fullLoadLossKw (" + n.fullLoadLossKw() + ") must be between 0 and the rating");
                }
                for (int i = 0; i < n.efficiencyCurve().size(); i++) {
                    EfficiencyPoint e = n.efficiencyCurve().get(i);
                    range(
                            p + "/efficiencyCurve/" + i + "/loadFraction",
                            n.id(),
                            "loadFraction",
                            e.loadFraction(),
                            0,
                            2,
                            "");
                    if (e.efficiency() <= 0 || e.efficiency() > 1) {
                        problem(
                                p + "/efficiencyCurve/" + i + "/efficiency",
                                n.id(),
                                "efficiency (" + e.efficiency() + ") must be in (0, 1]");
                    }
                }
                if (n.lengthM() != null) {
                    positive(p + "/lengthM", n.id(), "lengthM", n.lengthM(), 10_000, "m");
                }
            });
            checkPowerCycles();
            each(f.power().redundancyGroups(), "/power/redundancyGroups", (g, p) -> {
                for (int i = 0; i < g.members().size(); i++) {
                    ref(
                            p + "/members/" + i,
                            g.id(),
                            "power node",
                            g.members().get(i),
                            powerNodes.containsKey(g.members().get(i)));
                }
                if (g.members().isEmpty()) {
                    problem(p + "/members", g.id(), "a redundancy group needs members");
                }
            });
        }

        /** Power flows one way: an iterative three-colour DFS over inputs finds any cycle. */
        private void checkPowerCycles() {
            Map<String, Integer> state = new HashMap<>();
            List<PowerNode> nodes = f.power().nodes();
            for (int start = 0; start < nodes.size(); start++) {
                if (state.containsKey(nodes.get(start).id())) {
                    continue;
                }
                java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
                stack.push(new Object[] {nodes.get(start), 0});
                state.put(nodes.get(start).id(), 1);
                while (!stack.isEmpty()) {
                    Object[] top = stack.peek();
                    PowerNode n = (PowerNode) top[0];
                    int next = (Integer) top[1];
                    if (next >= n.inputs().size()) {
                        state.put(n.id(), 2);
                        stack.pop();
                        continue;
                    }
                    top[1] = next + 1;
                    PowerNode in = powerNodes.get(n.inputs().get(next));
                    if (in == null || in == n) {
                        continue;
                    }
                    Integer s = state.get(in.id());
                    if (s == null) {
                        state.put(in.id(), 1);
                        stack.push(new Object[] {in, 0});
                    } else if (s == 1) {
                        problem(
                                "/power/nodes/" + nodes.indexOf(n) + "/inputs/" + next,
                                n.id(),
                                "the power graph has a cycle through '" + in.id() + "' and '" + n.id() + "'");
                    }
                }
            }
        }

        // ---- cooling -----------------------------------------------------------------------

        private void checkCooling() {
            each(f.cooling().cdus(), "/cooling/cdus", (c, p) -> {
                var type = catalog.cdu(c.type());
                ref(p + "/type", c.id(), "CDU type", c.type(), type.isPresent());
                if ((c.placement() == null) == (c.hostRackId() == null)) {
                    problem(
                            p,
                            c.id(),
                            "a CDU has either a placement (in-row, perimeter) or a hostRackId (in-rack), not both or neither");
                }
                placement(p + "/placement", c.id(), c.placement());
                ref(p + "/hostRackId", c.id(), "rack", c.hostRackId(), racks.containsKey(c.hostRackId()));
                ref(
                        p + "/facilityLoopId",
                        c.id(),
                        "facility loop",
                        c.facilityLoopId(),
                        facilityLoops.contains(c.facilityLoopId()));
            });
            each(f.cooling().loops(), "/cooling/loops", (CoolingLoop l, String p) -> {
                ref(p + "/cduId", l.id(), "CDU", l.cduId(), cdus.containsKey(l.cduId()));
                range(p + "/supplyTemperatureC", l.id(), "supplyTemperatureC", l.supplyTemperatureC(), 2, 70, "°C");
                positive(p + "/designDeltaTK", l.id(), "designDeltaTK", l.designDeltaTK(), 30, "K");
            });
            each(f.cooling().facilityLoops(), "/cooling/facilityLoops", (FacilityWaterLoop l, String p) -> {
                range(p + "/supplyTemperatureC", l.id(), "supplyTemperatureC", l.supplyTemperatureC(), 2, 70, "°C");
                positive(p + "/designDeltaTK", l.id(), "designDeltaTK", l.designDeltaTK(), 30, "K");
            });
            each(f.cooling().heatRejection(), "/cooling/heatRejection", (HeatRejectionUnit h, String p) -> {
                ref(
                        p + "/type",
                        h.id(),
                        "heat-rejection type",
                        h.type(),
                        catalog.heatRejection(h.type()).isPresent());
                ref(
                        p + "/facilityLoopId",
                        h.id(),
                        "facility loop",
                        h.facilityLoopId(),
                        facilityLoops.contains(h.facilityLoopId()));
                placement(p + "/placement", h.id(), h.placement());
            });
            each(f.cooling().airHandlers(), "/cooling/airHandlers", (AirHandler a, String p) -> {
                ref(
                        p + "/type",
                        a.id(),
                        "air-handler type",
                        a.type(),
                        catalog.airHandler(a.type()).isPresent());
                placement(p + "/placement", a.id(), a.placement());
            });
        }

        // ---- network -----------------------------------------------------------------------

        private void checkNetwork() {
            each(f.network().fabrics(), "/network/fabrics", (Fabric fab, String p) -> {
                var t = fab.topology();
                ref(
                        p + "/topology/switchType",
                        fab.id(),
                        "switch type",
                        t.switchType(),
                        catalog.switchType(t.switchType()).isPresent());
                range(p + "/topology/tiers", fab.id(), "tiers", t.tiers(), 1, 3, "");
                range(p + "/topology/oversubscription", fab.id(), "oversubscription", t.oversubscription(), 1, 16, "");
                Set<String> endpoints = new HashSet<>();
                for (int i = 0; i < fab.racks().size(); i++) {
                    String r = fab.racks().get(i);
                    ref(p + "/racks/" + i, fab.id(), "rack", r, racks.containsKey(r));
                    endpoints.add(r);
                }
                each(fab.switches(), p + "/switches", (SwitchInstance s, String sp) -> {
                    ref(
                            sp + "/type",
                            s.id(),
                            "switch type",
                            s.type(),
                            catalog.switchType(s.type()).isPresent());
                    ref(sp + "/rackId", s.id(), "rack", s.rackId(), racks.containsKey(s.rackId()));
                    range(sp + "/tier", s.id(), "tier", s.tier(), 1, 3, "");
                    endpoints.add(s.id());
                });
                each(fab.links(), p + "/links", (Link l, String lp) -> {
                    String el = l.a() + "--" + l.b();
                    ref(lp + "/a", el, "link endpoint", l.a(), endpoints.contains(l.a()));
                    ref(lp + "/b", el, "link endpoint", l.b(), endpoints.contains(l.b()));
                    if (l.count() <= 0) {
                        problem(lp + "/count", el, "count (" + l.count() + ") must be positive");
                    }
                    if (l.cableType() != null) {
                        ref(
                                lp + "/cableType",
                                el,
                                "cable type",
                                l.cableType(),
                                catalog.cable(l.cableType()).isPresent());
                    }
                });
            });
        }

        // ---- workload ----------------------------------------------------------------------

        private void checkWorkload() {
            each(f.workload().deployments(), "/workload/deployments", (Deployment d, String p) -> {
                ref(
                        p + "/model",
                        d.id(),
                        "model",
                        d.model(),
                        catalog.model(d.model()).isPresent());
                for (int i = 0; i < d.racks().size(); i++) {
                    ref(
                            p + "/racks/" + i,
                            d.id(),
                            "rack",
                            d.racks().get(i),
                            racks.containsKey(d.racks().get(i)));
                }
                Set<PoolRole> roles = EnumSet.noneOf(PoolRole.class);
                each(d.pools(), p + "/pools", (WorkerPool pool, String pp) -> {
                    if (!roles.add(pool.role())) {
                        problem(
                                pp + "/role",
                                d.id(),
                                "two pools with role " + pool.role().name().toLowerCase());
                    }
                    if (pool.replicas() < 1) {
                        problem(pp + "/replicas", d.id(), "replicas (" + pool.replicas() + ") must be at least 1");
                    }
                    var par = pool.parallelism();
                    if (par.tensor() < 1 || par.pipeline() < 1 || par.expert() < 1 || par.data() < 1) {
                        problem(
                                pp + "/parallelism",
                                d.id(),
                                "tensor, pipeline, expert and data parallelism must each be at least 1");
                    } else if (par.expert() > par.gpusPerReplica()) {
                        problem(
                                pp + "/parallelism/expert",
                                d.id(),
                                "expert parallelism (" + par.expert() + ") cannot exceed the replica's GPUs ("
                                        + par.gpusPerReplica() + ")");
                    }
                    if (pool.migProfile() != null) {
                        if (org.aifactory.twin.model.MigProfile.parse(pool.migProfile()) == null) {
                            problem(
                                    pp + "/migProfile",
                                    d.id(),
                                    "migProfile '" + pool.migProfile() + "' is not a MIG profile like "
                                            + "'1g.23gb' (N of 7 compute slices: 1, 2, 3, 4 or 7; memory in GB)");
                        } else if (par.gpusPerReplica() != 1) {
                            problem(
                                    pp + "/migProfile",
                                    d.id(),
                                    "a replica on a MIG slice cannot span GPUs: tensor, pipeline and "
                                            + "data parallelism must be 1 (found " + par.gpusPerReplica()
                                            + " GPUs per replica)");
                        }
                    }
                    if (d.autoscaling() != null
                            && d.autoscaling().minReplicas() != null
                            && d.autoscaling().minReplicas() > pool.replicas()) {
                        problem(
                                p + "/autoscaling/minReplicas",
                                d.id(),
                                "minReplicas (" + d.autoscaling().minReplicas()
                                        + ") exceeds the " + pool.replicas() + " replicas of the "
                                        + pool.role().name().toLowerCase()
                                        + " pool (the most the planner may run)");
                    }
                });
                if (d.autoscaling() != null) {
                    var a = d.autoscaling();
                    if (a.adjustmentIntervalS() != null) {
                        positive(
                                p + "/autoscaling/adjustmentIntervalS",
                                d.id(),
                                "adjustmentIntervalS",
                                a.adjustmentIntervalS(),
                                86_400,
                                "s");
                    }
                    if (a.minReplicas() != null && a.minReplicas() < 1) {
                        problem(
                                p + "/autoscaling/minReplicas",
                                d.id(),
                                "minReplicas (" + a.minReplicas() + ") must be at least 1");
                    }
                }
                Set<PoolRole> expected = d.mode() == ServingMode.AGGREGATED
                        ? EnumSet.of(PoolRole.AGGREGATED)
                        : EnumSet.of(PoolRole.PREFILL, PoolRole.DECODE);
                if (!roles.equals(expected)) {
                    problem(
                            p + "/pools",
                            d.id(),
                            d.mode().name().toLowerCase() + " serving needs pools " + names(expected) + ", found "
                                    + names(roles));
                }
            });
            each(f.workload().traffic(), "/workload/traffic", (TrafficProfile t, String p) -> {
                ref(p + "/deployment", t.id(), "deployment", t.deployment(), deployments.contains(t.deployment()));
                range(p + "/arrival/rateRps", t.id(), "rateRps", t.arrival().rateRps(), 0, 10_000_000, "req/s");
                tokens(p + "/inputTokens", t.id(), t.inputTokens());
                tokens(p + "/outputTokens", t.id(), t.outputTokens());
                Set<String> tenantIds = new HashSet<>();
                double shares = 0;
                for (int i = 0; i < t.tenants().size(); i++) {
                    var tenant = t.tenants().get(i);
                    String tp = p + "/tenants/" + i;
                    if (!tenantIds.add(tenant.id())) {
                        problem(tp + "/id", t.id(), "two tenants named '" + tenant.id() + "'");
                    }
                    if (!(tenant.share() > 0 && tenant.share() <= 1)) {
                        problem(
                                tp + "/share",
                                t.id(),
                                "share of tenant '" + tenant.id() + "' (" + tenant.share() + ") must be in (0, 1]");
                    }
                    shares += tenant.share();
                    if (tenant.provisionedTokensPerS() != null && !(tenant.provisionedTokensPerS() >= 0)) {
                        problem(
                                tp + "/provisionedTokensPerS",
                                t.id(),
                                "provisionedTokensPerS of tenant '" + tenant.id() + "' ("
                                        + tenant.provisionedTokensPerS() + " tokens/s) must not be negative");
                    }
                }
                if (t.prefixSharing() != null) {
                    var ps = t.prefixSharing();
                    range(p + "/prefixSharing/sessions", t.id(), "sessions", ps.sessions(), 1, 10_000_000, "");
                    range(p + "/prefixSharing/zipfExponent", t.id(), "zipfExponent", ps.zipfExponent(), 0, 10, "");
                    range(
                            p + "/prefixSharing/sharedPrefixTokens",
                            t.id(),
                            "sharedPrefixTokens",
                            ps.sharedPrefixTokens(),
                            1,
                            10_000_000,
                            "tokens");
                }
                if (shares > 1 + 1e-9) {
                    problem(
                            p + "/tenants",
                            t.id(),
                            String.format(
                                    java.util.Locale.ROOT,
                                    "the tenants' shares add up to %.3f; they must not exceed 1",
                                    shares));
                }
            });
            each(f.workload().slos(), "/workload/slos", (Slo s, String p) -> {
                ref(p + "/deployment", s.id(), "deployment", s.deployment(), deployments.contains(s.deployment()));
                positive(p + "/ttftMs", s.id(), "ttftMs", s.ttftMs(), 3_600_000, "ms");
                positive(p + "/itlMs", s.id(), "itlMs", s.itlMs(), 3_600_000, "ms");
                range(p + "/ttftPercentile", s.id(), "ttftPercentile", s.ttftPercentile(), 1, 99.999, "");
                range(p + "/itlPercentile", s.id(), "itlPercentile", s.itlPercentile(), 1, 99.999, "");
            });
        }

        private static String names(Set<PoolRole> roles) {
            return roles.stream()
                    .map(r -> r.name().toLowerCase())
                    .sorted()
                    .toList()
                    .toString();
        }

        private void tokens(String path, String element, TokenDistribution d) {
            positive(path + "/mean", element, "mean", d.mean(), 10_000_000, "tokens");
            if (d.min() != null && d.max() != null && d.min() > d.max()) {
                problem(path, element, "min (" + d.min() + ") exceeds max (" + d.max() + ")");
            }
        }

        // ---- layout ------------------------------------------------------------------------

        private void checkLayout() {
            List<PlacedItem> items = FacilityLayout.items(f, catalog);
            for (PlacedItem it : items) {
                Hall h = it.hallId() == null ? null : halls.get(it.hallId());
                if (h == null) {
                    continue;
                }
                double[] c = it.corners();
                for (int k = 0; k < 4; k++) {
                    double x = c[2 * k];
                    double y = c[2 * k + 1];
                    double tol = OverlapFinder.TOLERANCE_M;
                    if (x < -tol || y < -tol || x > h.widthM() + tol || y > h.depthM() + tol) {
                        problem(
                                it.path() + "/placement",
                                it.id(),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%s '%s' is outside hall '%s' (%.1f x %.1f m): its corner (%.2f, %.2f) m lies beyond the walls",
                                        it.kind(),
                                        it.id(),
                                        h.id(),
                                        h.widthM(),
                                        h.depthM(),
                                        x,
                                        y));
                        break;
                    }
                }
            }
            // An overhead busway runs above the racks it feeds: it takes no floor.
            List<PlacedItem> onFloor = items.stream()
                    .filter(it -> !FacilityLayout.isOverhead(it, catalog))
                    .toList();
            for (int[] pair : OverlapFinder.overlaps(onFloor)) {
                PlacedItem a = onFloor.get(pair[0]);
                PlacedItem b = onFloor.get(pair[1]);
                problem(
                        b.path() + "/placement",
                        b.id(),
                        String.format(
                                java.util.Locale.ROOT,
                                "%s '%s' at (%.2f, %.2f) m overlaps %s '%s' at (%.2f, %.2f) m",
                                b.kind(),
                                b.id(),
                                b.xM(),
                                b.yM(),
                                a.kind(),
                                a.id(),
                                a.xM(),
                                a.yM()));
            }
        }

        private static <T> void each(List<T> list, String path, java.util.function.BiConsumer<T, String> action) {
            for (int i = 0; i < list.size(); i++) {
                action.accept(list.get(i), path + "/" + i);
            }
        }
    }
}
