package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.SwitchType;

/**
 * Everything the network analysis computes for one fabric: completion ({@link FabricGenerator}),
 * cable plan ({@link CablePlan}), port use, throughput and failures ({@link FabricFlows} on an
 * {@link Aggregation}). Stateless and thread-safe.
 */
public final class FabricSolver {

    /** A solved fabric: the report rows, the completed graph and its cable plan. */
    public record Solved(
            NetworkReport.FabricSummary summary,
            List<NetworkReport.FailureCase> failures,
            FabricGraph graph,
            CablePlan cables,
            List<Finding> findings) {}

    private final NetworkAssumptions assumptions;
    private final FabricGenerator generator;

    public FabricSolver(NetworkAssumptions assumptions) {
        this.assumptions = assumptions;
        this.generator = new FabricGenerator(assumptions);
    }

    public Optional<Solved> solve(Fabric fabric, SiteGeometry site, CatalogIndex catalog) {
        return solve(fabric, site, catalog, Workload.EMPTY);
    }

    /** Solves {@code fabric}; {@code workload}'s disaggregated deployments set the KV-cache pools. */
    public Optional<Solved> solve(Fabric fabric, SiteGeometry site, CatalogIndex catalog, Workload workload) {
        return solve(fabric, site, catalog, workload, null);
    }

    /** As {@link #solve(Fabric, SiteGeometry, CatalogIndex, Workload)}, new network racks on {@code floor}'s free floor. */
    Optional<Solved> solve(
            Fabric fabric, SiteGeometry site, CatalogIndex catalog, Workload workload, FloorPlanner floor) {
        List<Finding> findings = new ArrayList<>();
        Optional<FabricGenerator.Generated> generated = generator.generate(fabric, site, catalog, findings, floor);
        if (generated.isEmpty()) {
            return Optional.empty();
        }
        FabricGenerator.Generated gen = generated.get();
        FabricGraph g = gen.graph();
        CablePlan plan = CablePlan.plan(g, catalog, assumptions);
        Findings out = new Findings(findings);
        for (CablePlan.TooLong t : plan.tooLong()) {
            String ends = g.node(g.a(t.bundle())).id() + " - "
                    + g.node(g.b(t.bundle())).id();
            out.add(
                    Severity.ERROR,
                    "NETWORK_LINK_TOO_LONG",
                    g.node(g.b(t.bundle())).id(),
                    t.cableType() == null
                            ? String.format(
                                    Locale.ROOT,
                                    "link %s is %.1f m routed; no catalog cable of its speed reaches that far."
                                            + " Move the racks closer or add a longer-reach type.",
                                    ends,
                                    t.lengthM())
                            : String.format(
                                    Locale.ROOT,
                                    "link %s is %.1f m routed, beyond the reach of its cable '%s'."
                                            + " Leave cableType empty to let the solver choose, or pick a longer-reach type.",
                                    ends,
                                    t.lengthM(),
                                    t.cableType()));
        }
        int[] used = g.portsUsed();
        for (int i = 0; i < g.nodeCount(); i++) {
            FabricGraph.Node n = g.node(i);
            if (used[i] > n.ports()) {
                out.add(
                        Severity.ERROR,
                        "NETWORK_PORTS_EXHAUSTED",
                        n.id(),
                        String.format(
                                Locale.ROOT,
                                "%s %s uses %d ports but has %d. Spread its links over more %s.",
                                n.role() == FabricGraph.Role.SWITCH ? "switch" : "rack",
                                n.id(),
                                used[i],
                                n.ports(),
                                n.role() == FabricGraph.Role.SWITCH ? "switches" : "NICs or racks"));
            }
        }
        List<NetworkReport.TierSummary> tiers = tierSummaries(g, used, gen.generatedByTier());
        double specOs =
                fabric.topology().oversubscription() > 0 ? fabric.topology().oversubscription() : 1.0;
        double worstOs = 0;
        for (NetworkReport.TierSummary t : tiers) {
            if (t.upTbps() > 0 || t.worstOversubscription() > 0) {
                worstOs = Math.max(worstOs, t.worstOversubscription());
            }
            if (t.worstOversubscription() > specOs + Tolerances.EPSILON) {
                long over = countOver(g, t.tier(), specOs);
                out.add(
                        Severity.ERROR,
                        "NETWORK_OVERSUBSCRIBED",
                        t.worstSwitch(),
                        String.format(
                                Locale.ROOT,
                                "%d tier-%d switches of fabric %s carry more downlink than uplink bandwidth than the spec's %.2f:1;"
                                        + " worst %s at %.2f:1. Give them more uplinks (free ports) or fewer downlinks.",
                                over,
                                t.tier(),
                                fabric.id(),
                                specOs,
                                t.worstSwitch(),
                                t.worstOversubscription()));
            }
        }

        Aggregation agg = Aggregation.of(g);
        int straddling = FabricFlows.straddlingGroup(agg);
        if (straddling >= 0) {
            boolean[] single = new boolean[g.nodeCount()];
            for (int m : agg.members.get(straddling)) {
                single[m] = true;
            }
            agg = Aggregation.of(g, single);
        }
        Map<Long, Double> caps = agg.capacities(null);
        FabricFlows flows = new FabricFlows(agg, caps);
        FabricFlows.Bisection bis = flows.bisection();
        FabricFlows.AllToAll a2a = flows.allToAll();
        NetworkReport.TrafficPattern ring = report(
                flows.pattern(flows.ring()),
                "ring over the fabric's racks in" + " listed order [E]",
                g.endpoints().size(),
                g.endpoints().size());
        Pools pools = pools(g, workload, catalog);
        FabricFlows.Demand kvDemand = new FabricFlows.Demand();
        List<NetworkReport.KvDemand> sizing = new ArrayList<>();
        for (KvTerm t : pools.terms()) {
            flows.addPrefillToDecode(kvDemand, t.prefill(), t.decode(), t.demandGbps());
            if (t.sizing() != null) {
                sizing.add(t.sizing());
            }
        }
        NetworkReport.TrafficPattern kv =
                report(flows.pattern(kvDemand), pools.basis(), count(pools.prefill()), count(pools.decode()), sizing);
        int hops = flows.maxHops();
        List<Integer> unreachable = flows.unreachableEndpoints();
        for (int e : unreachable) {
            out.add(
                    Severity.ERROR,
                    "NETWORK_RACK_UNREACHABLE",
                    g.node(e).id(),
                    "rack " + g.node(e).id() + " of fabric " + fabric.id()
                            + " has no path to the rest of the fabric. Link its NICs to a leaf that has uplinks.");
        }
        double required = Math.min(bis.injectionAGbps(), bis.injectionBGbps()) / specOs;
        if (Tolerances.below(bis.capacityGbps(), required)) {
            out.add(
                    Severity.ERROR,
                    "NETWORK_BISECTION_SHORT",
                    fabric.id(),
                    String.format(
                            Locale.ROOT,
                            "fabric %s has a bisection of %.1f Tb/s; its spec (oversubscription %.2f) needs %.1f Tb/s."
                                    + " Add uplinks or upper-tier switches.",
                            fabric.id(),
                            bis.capacityGbps() / 1000,
                            specOs,
                            required / 1000));
        }
        List<NetworkReport.FailureCase> failures = failures(fabric.id(), g, agg, caps, flows, bis);

        long gpus = 0;
        for (int e : g.endpoints()) {
            gpus += g.node(e).gpus();
        }
        int switches = 0;
        double switchPowerW = 0;
        Map<String, Double> powerOf = new HashMap<>();
        Map<String, double[]> switchBom = new java.util.TreeMap<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            FabricGraph.Node n = g.node(i);
            if (n.role() == FabricGraph.Role.SWITCH) {
                switches++;
                double w = powerOf.computeIfAbsent(
                        n.switchType(),
                        id -> catalog.switchType(id)
                                .map(SwitchType::powerW)
                                .orElse(gen.switchType().powerW()));
                switchPowerW += w;
                switchBom.computeIfAbsent(n.switchType(), k -> new double[2])[0]++;
                switchBom.get(n.switchType())[1] += w;
            }
        }
        List<NetworkReport.SwitchLine> switchLines = new ArrayList<>();
        switchBom.forEach((type, v) -> switchLines.add(new NetworkReport.SwitchLine(type, (long) v[0], v[1] / 1000)));
        long generatedLinks = 0;
        for (int b = 0; b < g.bundleCount(); b++) {
            if (g.generated(b)) {
                generatedLinks += g.count(b);
            }
        }
        int generatedSwitches = 0;
        for (int c : gen.generatedByTier()) {
            generatedSwitches += c;
        }
        List<NetworkReport.ProposedRack> proposed = gen.proposedRacks();
        if (!proposed.isEmpty()) {
            long onFloor = proposed.stream()
                    .filter(NetworkReport.ProposedRack::onFloor)
                    .count();
            NetworkReport.ProposedRack first = proposed.get(0);
            out.add(
                    Severity.WARNING,
                    "NETWORK_RACKS_NEEDED",
                    fabric.id(),
                    String.format(
                            Locale.ROOT,
                            "fabric %s: %d generated switches need %d new network racks; %d fit on free floor of the layout (first %s"
                                    + " in %s at %s). The report (generation.proposedRacks) lists each rack's hall, position and"
                                    + " switches, and the cable plan measures from there: add them to the layout (power and cooling"
                                    + " do not see them until then).",
                            fabric.id(),
                            proposed.stream()
                                    .mapToInt(NetworkReport.ProposedRack::switches)
                                    .sum(),
                            proposed.size(),
                            onFloor,
                            first.id(),
                            first.hallId() == null ? "the yard" : first.hallId(),
                            first.onFloor()
                                    ? String.format(Locale.ROOT, "x %.1f, y %.1f m", first.xM(), first.yM())
                                    : String.format(
                                            Locale.ROOT,
                                            "site %.1f, %.1f m (no free floor)",
                                            first.siteXM(),
                                            first.siteYM())));
            if (onFloor < proposed.size()) {
                out.add(
                        Severity.WARNING,
                        "NETWORK_NO_FLOOR_SPACE",
                        fabric.id(),
                        String.format(
                                Locale.ROOT,
                                "fabric %s: %d of its %d new network racks find no free floor in any hall (a rack needs %.1f m clear"
                                        + " on every side); they are measured from where their switches are wanted. Make room or add a"
                                        + " network hall.",
                                fabric.id(),
                                proposed.size() - onFloor,
                                proposed.size(),
                                assumptions.floorClearanceM()));
            }
        }
        NetworkReport.Generation generation = new NetworkReport.Generation(
                generatedSwitches, generatedLinks, gen.placedInExistingRacks(), proposed.size(), proposed);
        NetworkReport.FabricSummary summary = new NetworkReport.FabricSummary(
                fabric.id(),
                fabric.kind(),
                fabric.topology().type(),
                g.topTier(),
                switches,
                g.linkCount(),
                gpus,
                flows.totalInjectionGbps() / 1000,
                bis.capacityGbps() / 1000,
                required / 1000,
                worstOs,
                hops,
                tiers,
                new NetworkReport.AllToAll(
                        a2a.maxUtilization(), a2a.ecmpFraction(), a2a.cutBoundFraction(), a2a.cuts()),
                ring,
                kv,
                generation,
                switchLines,
                plan.transceivers(),
                plan.transceiverLines(),
                plan.powerW() / 1000,
                switchPowerW / 1000,
                String.format(
                        Locale.ROOT,
                        "%d nodes and %d link bundles folded into %d groups",
                        g.nodeCount(),
                        g.bundleCount(),
                        agg.groupCount()));
        return Optional.of(new Solved(summary, failures, g, plan, out.list()));
    }

    private static NetworkReport.TrafficPattern report(
            FabricFlows.Pattern p, String basis, int sending, int receiving) {
        return report(p, basis, sending, receiving, List.of());
    }

    private static NetworkReport.TrafficPattern report(
            FabricFlows.Pattern p, String basis, int sending, int receiving, List<NetworkReport.KvDemand> sizing) {
        return new NetworkReport.TrafficPattern(
                p.demandGbps() / 1000,
                p.maxUtilization(),
                p.ecmpFraction(),
                p.cutBoundFraction(),
                p.cuts(),
                basis,
                sending,
                receiving,
                sizing);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /**
     * One prefill-to-decode transfer: its racks, its rate in Gb/s (NaN: the smaller pool's
     * injection, the worst case) and, when sized from the workload, how.
     */
    record KvTerm(boolean[] prefill, boolean[] decode, double demandGbps, NetworkReport.KvDemand sizing) {}

    /** Prefill and decode endpoint nodes (all terms), the terms, and where the split comes from. */
    record Pools(boolean[] prefill, boolean[] decode, String basis, List<KvTerm> terms) {}

    static Pools pools(FabricGraph g, Workload workload) {
        return pools(g, workload, null);
    }

    /**
     * The KV-cache pools and rates. Each disaggregated deployment of the workload (a prefill and a
     * decode pool) whose racks are in the fabric gives its first racks, in its listed order, to
     * prefill up to the prefill pools' share of its GPUs, the rest to decode (the file does not say
     * which rack runs which pool [E]); its rate is {@link #kvDemand}. Without such a deployment: the
     * first half of the fabric's GPU racks (by GPUs, in the fabric's order) prefill, the second half
     * decode [E], at the rate the workload's deployments would send if they were disaggregated
     * (sum of {@link #kvDemand}), or at full injection if the workload gives no rate.
     */
    static Pools pools(FabricGraph g, Workload workload, CatalogIndex catalog) {
        boolean[] prefill = new boolean[g.nodeCount()];
        boolean[] decode = new boolean[g.nodeCount()];
        List<String> used = new ArrayList<>();
        List<KvTerm> terms = new ArrayList<>();
        for (Deployment d : workload.deployments()) {
            long pre = d.pools().stream()
                    .filter(p -> p.role() == PoolRole.PREFILL)
                    .mapToLong(WorkerPool::gpus)
                    .sum();
            long dec = d.pools().stream()
                    .filter(p -> p.role() == PoolRole.DECODE)
                    .mapToLong(WorkerPool::gpus)
                    .sum();
            List<Integer> racks = new ArrayList<>();
            long gpus = 0;
            for (String id : d.racks()) {
                int i = g.indexOf(id);
                if (i >= 0 && g.node(i).role() == FabricGraph.Role.ENDPOINT && !prefill[i] && !decode[i]) {
                    racks.add(i);
                    gpus += g.node(i).gpus();
                }
            }
            if (pre <= 0 || dec <= 0 || racks.size() < 2) {
                continue;
            }
            boolean[] tp = new boolean[g.nodeCount()];
            boolean[] td = new boolean[g.nodeCount()];
            double preGpus = gpus * (double) pre / (pre + dec);
            long cum = 0;
            for (int k = 0; k < racks.size(); k++) {
                int i = racks.get(k);
                boolean isPrefill = (k == 0 || cum + g.node(i).gpus() / 2.0 <= preGpus) && k < racks.size() - 1;
                (isPrefill ? prefill : decode)[i] = true;
                (isPrefill ? tp : td)[i] = true;
                cum += g.node(i).gpus();
            }
            // the share of the deployment's racks in this fabric carries that share of its traffic [E]
            double share = d.racks().isEmpty()
                    ? 1.0
                    : (double) racks.size() / d.racks().size();
            NetworkReport.KvDemand sizing = kvDemand(d, workload, catalog, share);
            terms.add(new KvTerm(tp, td, sizing == null ? Double.NaN : sizing.demandGbps(), sizing));
            used.add(d.id());
        }
        if (!used.isEmpty()) {
            boolean sized = terms.stream().allMatch(t -> t.sizing() != null);
            return new Pools(
                    prefill,
                    decode,
                    "workload deployments " + String.join(", ", used)
                            + " (prefill = their first racks by the pools' GPU share [E]); "
                            + (sized
                                    ? "rate = requests/s x mean input tokens x KV bytes per token of the model"
                                    : "rate from the workload where it gives one, else the smaller pool's full injection (worst case)"),
                    terms);
        }
        List<Integer> racks = g.endpoints();
        long total = 0;
        for (int e : racks) {
            total += g.node(e).gpus();
        }
        long cum = 0;
        for (int e : racks) {
            boolean isPrefill = cum + g.node(e).gpus() / 2.0 <= total / 2.0;
            (isPrefill ? prefill : decode)[e] = true;
            cum += g.node(e).gpus();
        }
        // no disaggregated deployment: what the workload's deployments would send if disaggregated
        double rate = 0;
        List<String> sizedIds = new ArrayList<>();
        NetworkReport.KvDemand one = null;
        for (Deployment d : workload.deployments()) {
            long onFabric = d.racks().stream()
                    .filter(id -> {
                        int i = g.indexOf(id);
                        return i >= 0 && g.node(i).role() == FabricGraph.Role.ENDPOINT;
                    })
                    .count();
            if (onFabric == 0) {
                continue;
            }
            NetworkReport.KvDemand k =
                    kvDemand(d, workload, catalog, (double) onFabric / d.racks().size());
            if (k != null) {
                rate += k.demandGbps();
                sizedIds.add(d.id());
                one = k;
            }
        }
        if (sizedIds.isEmpty()) {
            return new Pools(
                    prefill,
                    decode,
                    "first half of the GPU racks prefill, second half decode [E], at the smaller"
                            + " half's full injection (no workload rate: worst case)",
                    List.of(new KvTerm(prefill, decode, Double.NaN, null)));
        }
        return new Pools(
                prefill,
                decode,
                "first half of the GPU racks prefill, second half decode [E], at the rate of"
                        + " deployments " + String.join(", ", sizedIds)
                        + " as if disaggregated (requests/s x mean input tokens x KV"
                        + " bytes per token)",
                List.of(new KvTerm(prefill, decode, rate, sizedIds.size() == 1 ? one : null)));
    }

    /**
     * The KV-cache rate a deployment's prefill workers send to its decode workers: the request rate
     * of its traffic profiles (mean {@code rateRps}) x their mean input tokens x the model's KV bytes
     * per token (ref §5d; KV in FP8 for FP8/FP4 weights, BF16 otherwise, as the serving model
     * assumes) x 8 bits, times {@code share} (the part of its racks in this fabric). Every prompt's
     * whole KV cache crosses once (no prefix-cache hits on the decode side) [E]. Null when the
     * workload gives no traffic for it or the model is not in the catalog.
     */
    static NetworkReport.KvDemand kvDemand(Deployment d, Workload workload, CatalogIndex catalog, double share) {
        if (catalog == null) {
            return null;
        }
        var model = catalog.model(d.model());
        double rps = 0;
        double tokens = 0;
        for (TrafficProfile t : workload.traffic()) {
            if (d.id().equals(t.deployment()) && t.arrival().rateRps() > 0) {
                rps += t.arrival().rateRps();
                tokens += t.arrival().rateRps() * t.inputTokens().mean();
            }
        }
        if (model.isEmpty() || rps <= 0) {
            return null;
        }
        double meanTokens = tokens / rps;
        double kvElementBytes = d.precision() == Precision.BF16 ? 2.0 : 1.0;
        double bytesPerToken = model.get().kvBytesPerToken(kvElementBytes);
        double gbps = rps * share * meanTokens * bytesPerToken * 8 / 1e9;
        return new NetworkReport.KvDemand(d.id(), d.model(), rps * share, meanTokens, bytesPerToken, gbps);
    }

    private static long countOver(FabricGraph g, int tier, double specOs) {
        double[][] du = downUp(g);
        long n = 0;
        for (int s : g.switchesOfTier(tier)) {
            if (du[1][s] > 0 && du[0][s] / du[1][s] > specOs + Tolerances.EPSILON) {
                n++;
            }
        }
        return n;
    }

    /** Per node: [0] capacity to lower tiers, [1] capacity to higher tiers, Gb/s. */
    static double[][] downUp(FabricGraph g) {
        double[] down = new double[g.nodeCount()];
        double[] up = new double[g.nodeCount()];
        for (int b = 0; b < g.bundleCount(); b++) {
            int x = g.a(b);
            int y = g.b(b);
            if (g.node(x).tier() < g.node(y).tier()) {
                up[x] += g.capacityGbps(b);
                down[y] += g.capacityGbps(b);
            }
        }
        return new double[][] {down, up};
    }

    private static List<NetworkReport.TierSummary> tierSummaries(FabricGraph g, int[] used, int[] generatedByTier) {
        double[][] du = downUp(g);
        List<NetworkReport.TierSummary> out = new ArrayList<>();
        for (int t = 1; t <= g.topTier(); t++) {
            List<Integer> sw = g.switchesOfTier(t);
            long portsUsed = 0;
            long spare = 0;
            double down = 0;
            double up = 0;
            double worst = 0;
            String worstId = null;
            for (int s : sw) {
                portsUsed += used[s];
                spare += Math.max(0, g.node(s).ports() - used[s]);
                down += du[0][s];
                up += du[1][s];
                double ratio = du[1][s] > 0 ? du[0][s] / du[1][s] : 0;
                if (worstId == null || ratio > worst + Tolerances.EPSILON) {
                    worst = ratio;
                    worstId = g.node(s).id();
                }
            }
            out.add(new NetworkReport.TierSummary(
                    t,
                    sw.size(),
                    t < generatedByTier.length ? generatedByTier[t] : 0,
                    portsUsed,
                    spare,
                    down / 1000,
                    up / 1000,
                    up > 0 ? down / up : 0,
                    worst,
                    worstId));
        }
        return out;
    }

    /**
     * The failure table: the first leaf, spine and core, and the biggest switch-to-switch bundle
     * (else the biggest bundle), each taken out alone; bisection recomputed by max flow over the
     * same two halves.
     */
    private static List<NetworkReport.FailureCase> failures(
            String fabricId,
            FabricGraph g,
            Aggregation agg,
            Map<Long, Double> caps,
            FabricFlows flows,
            FabricFlows.Bisection base) {
        List<NetworkReport.FailureCase> out = new ArrayList<>();
        String[] kinds = {"leaf", "spine", "core"};
        for (int t = 1; t <= 3; t++) {
            List<Integer> sw = g.switchesOfTier(t);
            if (!sw.isEmpty()) {
                out.add(failure(
                        fabricId,
                        kinds[t - 1],
                        g.node(sw.get(0)).id(),
                        g.bundlesOf(sw.get(0)),
                        g,
                        agg,
                        caps,
                        flows,
                        base));
            }
        }
        int biggest = -1;
        boolean biggestBetweenSwitches = false;
        for (int b = 0; b < g.bundleCount(); b++) {
            boolean between = g.node(g.a(b)).tier() > 0;
            if (biggest < 0
                    || (between && !biggestBetweenSwitches)
                    || (between == biggestBetweenSwitches && g.count(b) > g.count(biggest))) {
                biggest = b;
                biggestBetweenSwitches = between;
            }
        }
        if (biggest >= 0) {
            out.add(failure(
                    fabricId,
                    "link-bundle",
                    g.node(g.a(biggest)).id() + "~" + g.node(g.b(biggest)).id(),
                    new int[] {biggest},
                    g,
                    agg,
                    caps,
                    flows,
                    base));
        }
        return out;
    }

    private static NetworkReport.FailureCase failure(
            String fabricId,
            String kind,
            String element,
            int[] removed,
            FabricGraph g,
            Aggregation agg,
            Map<Long, Double> caps,
            FabricFlows flows,
            FabricFlows.Bisection base) {
        Map<Long, Double> left = new HashMap<>(caps);
        long groups = agg.groupCount();
        boolean[] gone = new boolean[g.bundleCount()];
        double injectionLost = 0;
        for (int b : removed) {
            gone[b] = true;
            int x = agg.groupOf[g.a(b)];
            int y = agg.groupOf[g.b(b)];
            if (g.node(g.a(b)).tier() == 0) {
                injectionLost += g.capacityGbps(b);
            }
            if (x != y) {
                left.merge(Math.min(x, y) * groups + Math.max(x, y), -g.capacityGbps(b), Double::sum);
            }
        }
        int disconnected = 0;
        for (int b : removed) {
            int e = g.a(b);
            if (g.node(e).tier() == 0) {
                boolean any = false;
                for (int other : g.bundlesOf(e)) {
                    any |= !gone[other];
                }
                if (!any) {
                    disconnected++;
                }
            }
        }
        double bisection = flows.bisection(base.halfA(), left).capacityGbps();
        double fraction = base.capacityGbps() > 0 ? bisection / base.capacityGbps() : 0;
        return new NetworkReport.FailureCase(
                fabricId, kind, element, bisection / 1000, fraction, injectionLost / 1000, disconnected);
    }

    /** Collects findings, at most {@link NetworkAnalysis#MAX_FINDINGS_PER_CODE} per code, then a count of the rest. */
    private static final class Findings {
        private final List<Finding> list;
        private final Map<String, Integer> perCode = new HashMap<>();

        Findings(List<Finding> initial) {
            this.list = new ArrayList<>(initial);
        }

        void add(Severity severity, String code, String element, String message) {
            int n = perCode.merge(code, 1, Integer::sum);
            if (n <= NetworkAnalysis.MAX_FINDINGS_PER_CODE) {
                list.add(new Finding(severity, code, element, message));
            }
        }

        List<Finding> list() {
            perCode.forEach((code, n) -> {
                if (n > NetworkAnalysis.MAX_FINDINGS_PER_CODE) {
                    Severity s = list.stream()
                            .filter(f -> f.code().equals(code))
                            .findFirst()
                            .map(Finding::severity)
                            .orElse(Severity.ERROR);
                    list.add(new Finding(
                            s,
                            code,
                            null,
                            (n - NetworkAnalysis.MAX_FINDINGS_PER_CODE) + " more " + code
                                    + " findings like those above were left out"));
                }
            });
            return List.copyOf(list);
        }
    }
}
