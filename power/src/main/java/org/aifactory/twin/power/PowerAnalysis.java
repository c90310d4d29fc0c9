package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.GridEventKind;
import org.aifactory.twin.model.GridEventSpec;
import org.aifactory.twin.model.RedundancyGroup;
import org.aifactory.twin.model.RedundancyScheme;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.CoolingPowerFact;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.FacilityPowerFact;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.RackPowerLimitFact;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The {@code power} analysis: steady-state load flow of the power chain ({@link LoadFlow}), facility
 * totals, energy and cost, every single failure (N-1, {@link IncrementalContingencySolver}), Max-Q
 * power capping to a site cap and grid events ({@link GridStudy}, {@link GridOptions}).
 * Equations, assumptions and sources: {@code docs/power.md}.
 *
 * <p>Findings (stable codes):
 * <ul>
 *   <li>{@code POWER_OVER_RATING} (error): a node carries more than its rating;</li>
 *   <li>{@code POWER_RACK_OVER_FEEDS} (error): a rack's load exceeds its power shelves' capacity;</li>
 *   <li>{@code POWER_RACK_UNPOWERED} (error): a rack has no live feed;</li>
 *   <li>{@code POWER_GRID_OVER_CAPACITY} (error): utility demand exceeds the grid interconnect;</li>
 *   <li>{@code POWER_REDUNDANCY_NOT_MET} (error): the failure of a node that belongs to a redundancy
 *       group with a scheme other than N drops racks or overloads something;</li>
 *   <li>{@code POWER_SINGLE_POINT_OF_FAILURE} (warning): the same for a node outside any such group
 *       (no redundancy was promised for it, e.g. a single utility feed without generators);</li>
 *   <li>{@code POWER_SHELF_NOT_REDUNDANT} (warning): losing one power shelf leaves a rack short;</li>
 *   <li>{@code POWER_CAP_REQUIRED} (info): at maximum power the facility exceeds the site cap, and
 *       the capping plan says what it costs in throughput;</li>
 *   <li>{@code POWER_CAP_INFEASIBLE} (warning): even every GPU rack at its floor exceeds the site cap;</li>
 *   <li>{@code POWER_GRID_EVENT_NOT_MET} (warning): no caps meet a grid event (the target, or the
 *       ratings after a lost feed);</li>
 *   <li>{@code POWER_GRID_EVENT_PLAN} (info): the plan that meets a grid event of the file
 *       ({@code site.gridEvents}): racks capped or unpowered, energy and throughput lost.</li>
 * </ul>
 *
 * <p>Facts: when the site cap (racks at max power) or a grid event of the file caps racks, a
 * {@link RackPowerLimitFact} with each capped rack's fraction of nominal GPU power (the tightest over
 * the plans), so the serving analysis lowers their throughput. The default grid-event study (no
 * events in the file) is a what-if and publishes nothing.
 * At most {@value #MAX_FINDINGS_PER_CODE} findings per code are listed, then one that counts the rest.
 *
 * <p>Cooling power comes from the thermal analysis's {@link CoolingPowerFact} when it ran; otherwise
 * it is taken as 0 and the report says so in {@code coolingPowerSource}.
 */
public final class PowerAnalysis implements FacilityAnalysis {

    /** Hours in a (non-leap) year, for annual energy at the steady load. */
    public static final double HOURS_PER_YEAR = 8_760;
    /** The most ids an N-1 row lists per column; the counts stay exact. */
    public static final int MAX_LISTED_IDS = 20;
    /** The most findings listed per code before a summary finding. */
    public static final int MAX_FINDINGS_PER_CODE = 50;

    static final String COOLING_FROM_THERMAL = "thermal analysis (design conditions; annual mean for energy)";
    static final String COOLING_NONE = "none (no thermal analysis)";

    private final PowerOptions options;
    private final GridOptions grid;
    private final ContingencySolver contingencies;

    /** The analysis {@code validate} runs: typical rack power. */
    public PowerAnalysis() {
        this(PowerOptions.DEFAULT);
    }

    public PowerAnalysis(PowerOptions options) {
        this(options, GridOptions.DEFAULT);
    }

    /** With a capping study and grid events other than {@link GridOptions#DEFAULT}. */
    public PowerAnalysis(PowerOptions options, GridOptions grid) {
        this(options, grid, new IncrementalContingencySolver());
    }

    PowerAnalysis(PowerOptions options, ContingencySolver contingencies) {
        this(options, GridOptions.DEFAULT, contingencies);
    }

    PowerAnalysis(PowerOptions options, GridOptions grid, ContingencySolver contingencies) {
        this.options = options;
        this.grid = grid;
        this.contingencies = contingencies;
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public List<String> after() {
        return List.of("thermal");
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        PowerGraph g = new PowerGraph(facility, catalog, options);
        FlowState base = LoadFlow.solve(g);
        List<ContingencyOutcome> outcomes = contingencies.solveAll(g, base);
        Findings findings = new Findings();

        Optional<CoolingPowerFact> cooling = context.fact(CoolingPowerFact.class);
        double coolingDesignKw =
                cooling.map(CoolingPowerFact::designCoolingPowerKw).orElse(0.0);
        double coolingMeanKw =
                cooling.map(CoolingPowerFact::annualMeanCoolingPowerKw).orElse(0.0);
        double itKw = base.itPowerKw;
        double facilityKw = itKw + base.lossesKw + coolingDesignKw;
        double utilityKw = base.sourceDemandKw + coolingDesignKw;
        double gridKw = facility.site().gridCapacityKw();
        double annualMwh = (itKw + base.lossesKw + coolingMeanKw) * HOURS_PER_YEAR / 1_000;
        double price = facility.site().electricityPriceUsdPerMwh();

        List<ComponentLoad> components = new ArrayList<>(g.nodeCount);
        for (int i = 0; i < g.nodeCount; i++) {
            double out = base.outputKw[i];
            double v = g.nodes[i].voltageV();
            components.add(new ComponentLoad(
                    g.nodeIds[i],
                    g.kinds[i],
                    out,
                    g.ratingKw[i],
                    ratio(out, g.ratingKw[i]),
                    base.lossKw[i],
                    base.inputKw[i],
                    v,
                    currentA(out, v, options.powerFactor()),
                    base.nodeLive[i]));
            if (base.nodeLive[i] && Tolerances.over(out, g.ratingKw[i])) {
                findings.add(
                        Severity.ERROR,
                        "POWER_OVER_RATING",
                        g.nodeIds[i],
                        String.format(
                                Locale.ROOT,
                                "%s %s carries %.1f kW, over its rating of %.1f kW (%.0f %%). Maybe add a unit or move load to another %s.",
                                kindName(g, i),
                                g.nodeIds[i],
                                out,
                                g.ratingKw[i],
                                100 * ratio(out, g.ratingKw[i]),
                                kindName(g, i)));
            }
        }
        int powered = 0;
        for (int r = 0; r < g.rackCount; r++) {
            if (!base.rackPowered[r]) {
                findings.add(
                        Severity.ERROR,
                        "POWER_RACK_UNPOWERED",
                        g.rackIds[r],
                        "rack " + g.rackIds[r] + " has no live power feed (" + g.rackFeeds[r].length
                                + " feeds). Maybe connect it to a busway or PDU?");
                continue;
            }
            powered++;
            double shelvesKw = g.shelfCapacityKw(r, g.rackFeeds[r].length, 0);
            if (g.rackShelves[r] > 0 && Tolerances.over(g.rackLoadKw[r], shelvesKw)) {
                findings.add(
                        Severity.ERROR,
                        "POWER_RACK_OVER_FEEDS",
                        g.rackIds[r],
                        String.format(
                                Locale.ROOT,
                                "rack %s draws %.1f kW, over its %d power shelves of %.1f kW (%.1f kW). Maybe cap it or lower its powerKw.",
                                g.rackIds[r],
                                g.rackLoadKw[r],
                                g.rackShelves[r],
                                g.rackShelfRatingKw[r],
                                shelvesKw));
            }
        }
        if (Tolerances.over(utilityKw, gridKw)) {
            findings.add(
                    Severity.ERROR,
                    "POWER_GRID_OVER_CAPACITY",
                    null,
                    String.format(
                            Locale.ROOT,
                            "the facility asks %.0f kW of the grid (IT %.0f + losses %.0f + cooling %.0f), over the interconnect's %.0f kW. "
                                    + "Maybe cap racks (Max-Q) or remove racks.",
                            utilityKw,
                            itKw,
                            base.lossesKw,
                            coolingDesignKw,
                            gridKw));
        }

        Set<String> promised = redundantNodes(facility);
        List<N1Case> table = new ArrayList<>(outcomes.size());
        int ok = 0;
        for (ContingencyOutcome o : outcomes) {
            N1Case row = row(g, o);
            table.add(row);
            if (row.ok()) {
                ok++;
                continue;
            }
            String what = String.format(
                    Locale.ROOT,
                    "%d racks lose power (%.0f kW), %d elements over rating%s",
                    row.unpoweredCount(),
                    row.lostLoadKw(),
                    row.overloadedCount(),
                    examples(row));
            if (o.failure().type() == Failure.Type.SHELF) {
                int r = o.failure().index();
                findings.add(
                        Severity.WARNING,
                        "POWER_SHELF_NOT_REDUNDANT",
                        g.rackIds[r],
                        String.format(
                                Locale.ROOT,
                                "losing one power shelf of rack %s leaves %.1f kW for its %.1f kW load. Maybe cap it to that?",
                                g.rackIds[r],
                                g.shelfCapacityKw(r, base.rackLiveFeeds[r], 1),
                                g.rackLoadKw[r]));
            } else if (promised.contains(row.failed())) {
                findings.add(
                        Severity.ERROR,
                        "POWER_REDUNDANCY_NOT_MET",
                        row.failed(),
                        "if " + row.kind() + " " + row.failed() + " fails, " + what
                                + ". Its redundancy group promises it can fail. Maybe size its partners for the whole load?");
            } else {
                findings.add(
                        Severity.WARNING,
                        "POWER_SINGLE_POINT_OF_FAILURE",
                        row.failed(),
                        "if " + row.kind() + " " + row.failed() + " fails, " + what
                                + ". It is in no redundancy group. Maybe add a redundant unit or a generator?");
            }
        }
        double coolingPerItKw = itKw > 0 ? coolingDesignKw / itKw : 0;
        Map<String, Double> limits = new LinkedHashMap<>();
        List<String> limitedBy = new ArrayList<>();
        CappingReport capping = GridStudy.capping(facility, catalog, options, grid, coolingPerItKw, limits);
        if (!limits.isEmpty()) {
            limitedBy.add(String.format(
                    Locale.ROOT,
                    "site power cap %.0f kW (%s) with every GPU rack at max power",
                    capping.siteCapKw(),
                    capping.siteCapSource()));
        }
        List<GridEvent> events = new ArrayList<>();
        if (facility.site().gridEvents().isEmpty()) {
            events.add(GridStudy.demandResponse(g, catalog, grid, coolingPerItKw));
            GridEvent lostFeed = GridStudy.lostFeed(g, base, catalog, grid, coolingPerItKw);
            if (lostFeed != null) {
                events.add(lostFeed);
            }
        } else {
            for (GridEventSpec spec : facility.site().gridEvents()) {
                Map<String, Double> own = new LinkedHashMap<>();
                GridEvent e = spec.kind() == GridEventKind.DEMAND_RESPONSE
                        ? GridStudy.demandResponse(
                                g,
                                catalog,
                                grid,
                                coolingPerItKw,
                                spec.id(),
                                GridStudy.EVENT_FROM_FILE,
                                spec.curtailPercent() / 100,
                                spec.durationH(),
                                own)
                        : GridStudy.lostFeed(
                                g,
                                base,
                                catalog,
                                grid,
                                coolingPerItKw,
                                spec.id(),
                                GridStudy.EVENT_FROM_FILE,
                                g.nodeIndex(spec.nodeId()),
                                spec.durationH(),
                                own);
                events.add(e);
                own.forEach((rack, f) -> limits.merge(rack, f, Math::min));
                if (!own.isEmpty()) {
                    limitedBy.add("grid event " + spec.id() + " (" + e.description() + ")");
                }
                if (e.feasible()) {
                    findings.add(
                            Severity.INFO,
                            "POWER_GRID_EVENT_PLAN",
                            spec.id(),
                            String.format(
                                    Locale.ROOT,
                                    "grid event %s (%s): %s; %.1f kW shed, %.2f MWh, throughput %.1f %% of the baseline (%.2f h of the whole "
                                            + "facility's throughput lost).%s",
                                    spec.id(),
                                    e.description(),
                                    e.racksCapped() + e.racksUnpowered() == 0
                                            ? "no rack needs a cap"
                                            : e.racksCapped() + " GPU racks capped"
                                                    + (e.racksUnpowered() > 0
                                                            ? ", " + e.racksUnpowered() + " racks unpowered"
                                                            : ""),
                                    e.curtailedKw(),
                                    e.energyCurtailedMwh(),
                                    100 * e.throughputFraction(),
                                    e.throughputLostHours(),
                                    e.racksCapped() > 0 ? " Maybe check the caps (gridEvents[].caps)?" : ""));
                }
            }
        }
        gridFindings(findings, capping, events);
        List<Object> facts = new ArrayList<>();
        if (itKw > 0) {
            facts.add(new FacilityPowerFact(itKw, facilityKw));
        }
        if (!limits.isEmpty()) {
            facts.add(new RackPowerLimitFact(
                    name(),
                    limits,
                    limits.size() + " GPU racks capped by the power analysis: " + String.join("; ", limitedBy)
                            + " (the tightest cap per rack)"));
        }
        PowerReport report = new PowerReport(
                options.mode().name().toLowerCase(Locale.ROOT),
                g.rackCount,
                powered,
                itKw,
                base.lossesKw,
                coolingDesignKw,
                cooling.isPresent() ? COOLING_FROM_THERMAL : COOLING_NONE,
                facilityKw,
                utilityKw,
                gridKw,
                ratio(utilityKw, gridKw),
                ratio(base.lossesKw, itKw),
                itKw > 0 ? facilityKw / itKw : 0,
                annualMwh,
                price,
                annualMwh * price,
                options.powerFactor(),
                components,
                new N1Summary(outcomes.size(), ok, outcomes.size() - ok, MAX_LISTED_IDS),
                table,
                capping,
                events);
        return new AnalysisResult(findings.list(), report, facts);
    }

    private static void gridFindings(Findings findings, CappingReport c, List<GridEvent> events) {
        if (!c.feasible()) {
            findings.add(
                    Severity.WARNING,
                    "POWER_CAP_INFEASIBLE",
                    null,
                    String.format(
                            Locale.ROOT,
                            "even with every GPU rack at its lowest cap the facility asks %.0f kW, over the site cap of %.0f kW. "
                                    + "Maybe remove racks or raise the cap?",
                            c.utilityKw(),
                            c.siteCapKw()));
        } else if (c.racksCapped() > 0) {
            findings.add(
                    Severity.INFO,
                    "POWER_CAP_REQUIRED",
                    null,
                    String.format(
                            Locale.ROOT,
                            "at maximum power the facility asks %.0f kW, over the site cap of %.0f kW: capping %d GPU racks keeps %.1f %% "
                                    + "of the throughput. Maybe plan for these caps (capping.caps)?",
                            c.uncappedUtilityKw(),
                            c.siteCapKw(),
                            c.racksCapped(),
                            100 * c.throughputFraction()));
        }
        for (GridEvent e : events) {
            if (!e.feasible()) {
                findings.add(
                        Severity.WARNING,
                        "POWER_GRID_EVENT_NOT_MET",
                        null,
                        String.format(
                                Locale.ROOT,
                                "%s (%s): the best plan draws %.0f kW (target %.0f kW)%s. Maybe add storage or generation?",
                                e.kind(),
                                e.description(),
                                e.utilityKw(),
                                e.targetUtilityKw(),
                                e.racksUnpowered() > 0
                                        ? " and leaves " + e.racksUnpowered() + " racks unpowered"
                                        : ""));
            }
        }
    }

    /** Three-phase line current, A: {@code I = P / (sqrt(3) V pf)} with P in W. */
    static double currentA(double loadKw, double voltageV, double powerFactor) {
        return voltageV > 0 ? loadKw * 1_000 / (Math.sqrt(3) * voltageV * powerFactor) : 0;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : 0;
    }

    private static String kindName(PowerGraph g, int node) {
        return g.kinds[node].name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Members of redundancy groups whose scheme promises that one member may fail (anything but N). */
    private static Set<String> redundantNodes(Facility facility) {
        Set<String> ids = new HashSet<>();
        for (RedundancyGroup group : facility.power().redundancyGroups()) {
            if (group.scheme() != RedundancyScheme.N) {
                ids.addAll(group.members());
            }
        }
        return ids;
    }

    static N1Case row(PowerGraph g, ContingencyOutcome o) {
        List<String> overloaded = new ArrayList<>();
        for (int i : o.overloadedNodes()) {
            if (overloaded.size() < MAX_LISTED_IDS) {
                overloaded.add(g.nodeIds[i]);
            }
        }
        for (int r : o.overloadedRacks()) {
            if (overloaded.size() < MAX_LISTED_IDS) {
                overloaded.add(g.rackIds[r]);
            }
        }
        List<String> unpowered = new ArrayList<>();
        for (int r : o.unpoweredRacks()) {
            if (unpowered.size() < MAX_LISTED_IDS) {
                unpowered.add(g.rackIds[r]);
            }
        }
        Failure f = o.failure();
        String kind = f.type() == Failure.Type.SHELF ? "power-shelf" : kindName(g, f.index());
        return new N1Case(
                f.elementId(g),
                kind,
                o.ok(),
                overloaded,
                unpowered,
                o.overloadedNodes().length + o.overloadedRacks().length,
                o.unpoweredRacks().length,
                o.lostLoadKw());
    }

    private static String examples(N1Case row) {
        List<String> ids = new ArrayList<>(row.overloaded());
        ids.addAll(row.unpowered());
        return ids.isEmpty() ? "" : " (e.g. " + String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + ")";
    }

    /** Findings with at most {@link #MAX_FINDINGS_PER_CODE} per code, then a count of the rest. */
    private static final class Findings {
        private final List<Finding> list = new ArrayList<>();
        private final Map<String, Integer> perCode = new LinkedHashMap<>();
        private final Map<String, Severity> severity = new LinkedHashMap<>();

        void add(Severity s, String code, String element, String message) {
            int n = perCode.merge(code, 1, Integer::sum);
            severity.putIfAbsent(code, s);
            if (n <= MAX_FINDINGS_PER_CODE) {
                list.add(new Finding(s, code, element, message));
            }
        }

        List<Finding> list() {
            List<Finding> all = new ArrayList<>(list);
            perCode.forEach((code, n) -> {
                if (n > MAX_FINDINGS_PER_CODE) {
                    all.add(new Finding(
                            severity.get(code),
                            code,
                            null,
                            (n - MAX_FINDINGS_PER_CODE) + " more " + code + " findings like the above (" + n
                                    + " in all)."));
                }
            });
            return all;
        }
    }
}
