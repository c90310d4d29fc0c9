package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.catalog.CatalogIndex;

/** The capping study and the grid events of the power report, from {@link CapPlanner} plans. */
final class GridStudy {
    private GridStudy() {}

    /** Caps within this fraction of each other are reported as one group. */
    static final double GROUP_RELATIVE = 1e-6;

    /**
     * Max-Q capping: every GPU rack at its catalog {@code maxPowerKw} uncapped; the plan that keeps the
     * utility demand within the site cap; and the facility curve from every GPU rack at its floor to all
     * at max, at {@code curvePoints} evenly spaced IT budgets.
     */
    static CappingReport capping(Facility facility, CatalogIndex catalog, PowerOptions options, GridOptions grid,
            double coolingPerItKw) {
        PowerGraph max = new PowerGraph(facility, catalog, new PowerOptions(LoadMode.MAX, 1.0, Map.of(), options.powerFactor()));
        CapPlanner planner = new CapPlanner(max, catalog, grid.curve(), coolingPerItKw, -1);
        double capKw = grid.siteCapKw() != null ? grid.siteCapKw() : facility.site().gridCapacityKw();
        String source = grid.siteCapKw() != null ? "options" : "site grid capacity";
        CapPlanner.Plan uncapped = planner.plan(planner.allocate(planner.maxItKw), true);
        CapPlanner.Plan plan = planner.fitUtility(capKw);
        List<CurvePoint> curve = new ArrayList<>(grid.curvePoints());
        for (int k = 0; k < grid.curvePoints(); k++) {
            double budget = planner.minItKw + (planner.maxItKw - planner.minItKw) * k / (grid.curvePoints() - 1);
            CapPlanner.Plan point = planner.plan(planner.allocate(budget), true);
            curve.add(new CurvePoint(point.utilityKw(), point.flow().itPowerKw, point.throughputFraction()));
        }
        return new CappingReport(capKw, source, uncapped.utilityKw(), plan.utilityKw(), plan.flow().itPowerKw, plan.feasible(),
                plan.racksCapped(), plan.throughputFraction(), grid.curveAlpha(), grid.curveFloorFraction(), groups(planner, plan),
                curve);
    }

    /** Curtail {@code demandResponseFraction} of the baseline utility demand for {@code demandResponseHours}. */
    static GridEvent demandResponse(PowerGraph g, CatalogIndex catalog, GridOptions grid, double coolingPerItKw) {
        CapPlanner planner = new CapPlanner(g, catalog, grid.curve(), coolingPerItKw, -1);
        double baselineKw = planner.plan(planner.allocate(planner.maxItKw), true).utilityKw();
        double targetKw = baselineKw * (1 - grid.demandResponseFraction());
        CapPlanner.Plan plan = planner.fitUtility(targetKw);
        String what = String.format(Locale.ROOT, "curtail %.0f %% of %.0f kW for %.1f h", 100 * grid.demandResponseFraction(),
                baselineKw, grid.demandResponseHours());
        return event("demand-response", what, grid.demandResponseHours(), baselineKw, targetKw, baselineKw - plan.utilityKw(), planner,
                plan);
    }

    /** A feed out for {@code lostFeedHours}: racks behind it move to their other feeds, capped to ratings; null without a feed. */
    static GridEvent lostFeed(PowerGraph g, FlowState base, CatalogIndex catalog, GridOptions grid, double coolingPerItKw) {
        int node = grid.lostFeedNodeId() != null ? g.nodeIndex(grid.lostFeedNodeId()) : mostLoaded(g, base);
        if (node < 0) {
            return null;
        }
        CapPlanner planner = new CapPlanner(g, catalog, grid.curve(), coolingPerItKw, node);
        double baselineKw = base.sourceDemandKw + coolingPerItKw * base.itPowerKw;
        CapPlanner.Plan plan = planner.fitRatings();
        String what = String.format(Locale.ROOT, "%s %s out for %.1f h", g.kinds[node].name().toLowerCase(Locale.ROOT).replace('_', '-'),
                g.nodeIds[node], grid.lostFeedHours());
        // shed = the IT power the racks lose (unpowered or capped); the chain's losses also change when
        // the load moves (a UPS at higher load runs more efficiently), which is not curtailment
        double shedKw = Math.max(0, base.itPowerKw - plan.flow().itPowerKw);
        return event("lost-feed", what, grid.lostFeedHours(), baselineKw, baselineKw, shedKw, planner, plan);
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

    private static GridEvent event(String kind, String what, double hours, double baselineKw, double targetKw, double curtailedKw,
            CapPlanner planner, CapPlanner.Plan plan) {
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
        return new GridEvent(kind, what, hours, baselineKw, targetKw, plan.utilityKw(), curtailedKw, curtailedKw * hours / 1_000,
                plan.throughputFraction(), (1 - plan.throughputFraction()) * hours, plan.feasible(), plan.racksCapped(),
                unpoweredCount, groups(planner, plan), unpowered);
    }

    /** The capped racks grouped by type and cap, in rack order of first appearance. */
    static List<CapGroup> groups(CapPlanner planner, CapPlanner.Plan plan) {
        Map<String, CapGroup> groups = new LinkedHashMap<>();
        PowerGraph g = planner.g;
        for (int r = 0; r < g.rackCount; r++) {
            double cap = plan.loadsKw()[r];
            if (!planner.flexible[r] || cap >= planner.upperKw[r] * (1 - CapPlanner.CAPPED_RELATIVE)) {
                continue;
            }
            String key = g.rackTypes[r].id() + "|" + planner.upperKw[r] + "|" + Math.round(Math.log(cap) / GROUP_RELATIVE);
            CapGroup old = groups.get(key);
            groups.put(key, new CapGroup(g.rackTypes[r].id(), old == null ? 1 : old.racks() + 1, planner.upperKw[r], cap,
                    cap / planner.maxKw[r]));
        }
        return List.copyOf(groups.values());
    }
}
