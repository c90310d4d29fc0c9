package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The capping study and the grid events of the power report, from {@link CapPlanner} plans. Every
 * method can also record, per capped rack, the fraction of nominal GPU power the plan leaves it
 * ({@code limits}, the tightest when several plans cap the same rack), for the
 * {@link org.aifactory.twin.model.analysis.RackPowerLimitFact}.
 */
final class GridStudy {
    private GridStudy() {}

    /** Caps within this fraction of each other are reported as one group. */
    static final double GROUP_RELATIVE = 1e-6;

    static final String CAP_FROM_OPTIONS = "options";
    static final String CAP_FROM_FILE = "site.powerCapKw";
    static final String CAP_FROM_GRID = "site grid capacity";
    static final String EVENT_FROM_FILE = "site.gridEvents";
    static final String EVENT_DEFAULT = "default study [E] (no site.gridEvents in the file)";

    /**
     * The site cap and where it comes from: the options, else the file's {@code site.powerCapKw} (or the
     * grid capacity when that is lower), else the grid capacity.
     */
    record SiteCap(double capKw, String source) {
        static SiteCap of(Facility facility, GridOptions grid) {
            if (grid.siteCapKw() != null) {
                return new SiteCap(grid.siteCapKw(), CAP_FROM_OPTIONS);
            }
            Double fileCapKw = facility.site().powerCapKw();
            if (fileCapKw != null && fileCapKw <= facility.site().gridCapacityKw()) {
                return new SiteCap(fileCapKw, CAP_FROM_FILE);
            }
            if (fileCapKw != null) {
                // the interconnect is a hard limit: a cap above it does not bind
                return new SiteCap(facility.site().gridCapacityKw(), CAP_FROM_GRID + " (below site.powerCapKw)");
            }
            return new SiteCap(facility.site().gridCapacityKw(), CAP_FROM_GRID);
        }
    }

    /**
     * Max-Q capping: every GPU rack at its catalog {@code maxPowerKw} uncapped; the plan that keeps the
     * utility demand within the site cap; and the facility curve from every GPU rack at its floor to all
     * at max, at {@code curvePoints} evenly spaced IT budgets.
     *
     * @param limits rack id to GPU power fraction, tightened with this plan's caps; null: not recorded
     */
    static CappingReport capping(
            Facility facility,
            CatalogIndex catalog,
            PowerOptions options,
            GridOptions grid,
            double coolingPerItKw,
            Map<String, Double> limits) {
        PowerGraph max =
                new PowerGraph(facility, catalog, new PowerOptions(LoadMode.MAX, 1.0, Map.of(), options.powerFactor()));
        CapPlanner planner = new CapPlanner(max, catalog, grid, coolingPerItKw, -1);
        SiteCap cap = SiteCap.of(facility, grid);
        CapPlanner.Plan uncapped = planner.plan(planner.allocate(planner.maxItKw), true);
        CapPlanner.Plan plan = planner.fitUtility(cap.capKw());
        List<CurvePoint> curve = new ArrayList<>(grid.curvePoints());
        for (int k = 0; k < grid.curvePoints(); k++) {
            double budget = planner.minItKw + (planner.maxItKw - planner.minItKw) * k / (grid.curvePoints() - 1);
            CapPlanner.Plan point = planner.plan(planner.allocate(budget), true);
            curve.add(new CurvePoint(point.utilityKw(), point.flow().itPowerKw, point.throughputFraction()));
        }
        record(planner, plan, limits);
        return new CappingReport(
                cap.capKw(),
                cap.source(),
                uncapped.utilityKw(),
                plan.utilityKw(),
                plan.flow().itPowerKw,
                plan.feasible(),
                plan.racksCapped(),
                plan.throughputFraction(),
                grid.curve(WorkloadKind.TRAINING).alpha(),
                grid.curveFloorFraction(),
                groups(planner, plan),
                curve,
                grid.alphas());
    }

    /** The default demand-response study: {@code demandResponseFraction} for {@code demandResponseHours}. */
    static GridEvent demandResponse(PowerGraph g, CatalogIndex catalog, GridOptions grid, double coolingPerItKw) {
        return demandResponse(
                g,
                catalog,
                grid,
                coolingPerItKw,
                null,
                EVENT_DEFAULT,
                grid.demandResponseFraction(),
                grid.demandResponseHours(),
                null);
    }

    /**
     * Curtail {@code fraction} of the baseline utility demand for {@code hours}.
     *
     * @param id the event's id in the file, or null for the default study
     */
    static GridEvent demandResponse(
            PowerGraph g,
            CatalogIndex catalog,
            GridOptions grid,
            double coolingPerItKw,
            String id,
            String source,
            double fraction,
            double hours,
            Map<String, Double> limits) {
        CapPlanner planner = new CapPlanner(g, catalog, grid, coolingPerItKw, -1);
        double baselineKw =
                planner.plan(planner.allocate(planner.maxItKw), true).utilityKw();
        double targetKw = baselineKw * (1 - fraction);
        CapPlanner.Plan plan = planner.fitUtility(targetKw);
        String what =
                String.format(Locale.ROOT, "curtail %.0f %% of %.0f kW for %.1f h", 100 * fraction, baselineKw, hours);
        record(planner, plan, limits);
        return event(
                id,
                source,
                "demand-response",
                what,
                hours,
                baselineKw,
                targetKw,
                baselineKw - plan.utilityKw(),
                planner,
                plan);
    }

    /** The default lost-feed study: {@code lostFeedNodeId} (or the most loaded transformer) for {@code lostFeedHours}; null without a feed. */
    static GridEvent lostFeed(
            PowerGraph g, FlowState base, CatalogIndex catalog, GridOptions grid, double coolingPerItKw) {
        int node = grid.lostFeedNodeId() != null ? g.nodeIndex(grid.lostFeedNodeId()) : mostLoaded(g, base);
        if (node < 0) {
            return null;
        }
        return lostFeed(g, base, catalog, grid, coolingPerItKw, null, EVENT_DEFAULT, node, grid.lostFeedHours(), null);
    }

    /** Node {@code node} out for {@code hours}: racks behind it move to their other feeds, capped to ratings. */
    static GridEvent lostFeed(
            PowerGraph g,
            FlowState base,
            CatalogIndex catalog,
            GridOptions grid,
            double coolingPerItKw,
            String id,
            String source,
            int node,
            double hours,
            Map<String, Double> limits) {
        CapPlanner planner = new CapPlanner(g, catalog, grid, coolingPerItKw, node);
        double baselineKw = base.sourceDemandKw + coolingPerItKw * base.itPowerKw;
        CapPlanner.Plan plan = planner.fitRatings();
        String what = String.format(
                Locale.ROOT,
                "%s %s out for %.1f h",
                g.kinds[node].name().toLowerCase(Locale.ROOT).replace('_', '-'),
                g.nodeIds[node],
                hours);
        // shed = the IT power the racks lose (unpowered or capped); the chain's losses also change when
        // the load moves (a UPS at higher load runs more efficiently), which is not curtailment
        double shedKw = Math.max(0, base.itPowerKw - plan.flow().itPowerKw);
        record(planner, plan, limits);
        return event(id, source, "lost-feed", what, hours, baselineKw, baselineKw, shedKw, planner, plan);
    }

    /** The most loaded transformer in the baseline, else the most loaded utility, else -1. */
    static int mostLoaded(PowerGraph g, FlowState base) {
        int best = -1;
        for (PowerNodeKind kind : List.of(PowerNodeKind.TRANSFORMER, PowerNodeKind.UTILITY)) {
            for (int i = 0; i < g.nodeCount; i++) {
                if (g.kinds[i] == kind && base.nodeLive[i] && (best < 0 || base.outputKw[i] > base.outputKw[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        return best;
    }

    /** Tightens {@code limits} with the GPU power fraction of every rack {@code plan} caps. */
    static void record(CapPlanner planner, CapPlanner.Plan plan, Map<String, Double> limits) {
        if (limits == null) {
            return;
        }
        for (int r = 0; r < planner.g.rackCount; r++) {
            if (isCapped(planner, plan, r)) {
                double fraction = planner.gpuPowerFraction(r, plan.loadsKw()[r]);
                if (fraction > 0) {
                    limits.merge(planner.g.rackIds[r], fraction, Math::min);
                }
            }
        }
    }

    private static boolean isCapped(CapPlanner planner, CapPlanner.Plan plan, int r) {
        return planner.flexible[r]
                && plan.flow().rackPowered[r]
                && plan.loadsKw()[r] < planner.upperKw[r] * (1 - CapPlanner.CAPPED_RELATIVE);
    }

    private static GridEvent event(
            String id,
            String source,
            String kind,
            String what,
            double hours,
            double baselineKw,
            double targetKw,
            double curtailedKw,
            CapPlanner planner,
            CapPlanner.Plan plan) {
        List<String> unpowered = new ArrayList<>();
        int unpoweredCount = 0;
        for (int r = 0; r < planner.g.rackCount; r++) {
            if (!plan.flow().rackPowered[r]) {
                unpoweredCount++;
                if (unpowered.size() < PowerAnalysis.MAX_LISTED_IDS) {
                    unpowered.add(planner.g.rackIds[r]);
                }
            }
        }
        return new GridEvent(
                kind,
                what,
                hours,
                baselineKw,
                targetKw,
                plan.utilityKw(),
                curtailedKw,
                curtailedKw * hours / 1_000,
                plan.throughputFraction(),
                (1 - plan.throughputFraction()) * hours,
                plan.feasible(),
                plan.racksCapped(),
                unpoweredCount,
                groups(planner, plan),
                unpowered,
                id,
                source);
    }

    /** The capped racks grouped by type, workload and cap, in rack order of first appearance. */
    static List<CapGroup> groups(CapPlanner planner, CapPlanner.Plan plan) {
        Map<String, CapGroup> groups = new LinkedHashMap<>();
        PowerGraph g = planner.g;
        for (int r = 0; r < g.rackCount; r++) {
            double cap = plan.loadsKw()[r];
            if (!planner.flexible[r] || cap >= planner.upperKw[r] * (1 - CapPlanner.CAPPED_RELATIVE)) {
                continue;
            }
            String key = g.rackTypes[r].id() + "|" + g.rackWorkloads[r] + "|" + planner.upperKw[r] + "|"
                    + Math.round(Math.log(cap) / GROUP_RELATIVE);
            CapGroup old = groups.get(key);
            groups.put(
                    key,
                    new CapGroup(
                            g.rackTypes[r].id(),
                            old == null ? 1 : old.racks() + 1,
                            planner.upperKw[r],
                            cap,
                            cap / planner.maxKw[r],
                            g.rackWorkloads[r].jsonName(),
                            planner.gpuPowerFraction(r, cap),
                            planner.rackThroughput(r, cap) / planner.rackThroughput(r, planner.upperKw[r])));
        }
        return List.copyOf(groups.values());
    }
}
