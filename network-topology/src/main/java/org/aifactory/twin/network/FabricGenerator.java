package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.Link;
import org.aifactory.twin.model.SwitchInstance;
import org.aifactory.twin.model.TopologySpec;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackKind;
import org.aifactory.twin.model.catalog.SwitchType;

/**
 * Completes a fabric the way NVIDIA's reference designs build one, then hands back the whole
 * graph. What the file gives is kept as given; what it leaves out is generated:
 * <ul>
 *   <li>no switches at all: leaves, per hall, in rail groups ({@link TopologyType#RAIL_OPTIMIZED}:
 *       rail {@code i} of every rack of a group on leaf {@code i}) or by filling leaf ports rack
 *       after rack ({@link TopologyType#FAT_TREE}), and the host links;</li>
 *   <li>a two-tier spec whose file lists no spines: spines over all leaves without uplinks;</li>
 *   <li>a three-tier spec: pods (leaves plus spines, never across halls) for the leaves without
 *       uplinks, then, if the file lists no cores, cores over every pod's spines.</li>
 * </ul>
 * Switch counts follow {@link TierSizing}; generated switches go into free units of the fabric's
 * network racks near their leaves, or into proposed new network racks ({@link SlotAllocator}).
 * Stateless: one instance may generate several fabrics at once.
 */
public final class FabricGenerator {

    /** The completed fabric and what generation did. */
    public record Generated(
            FabricGraph graph,
            SwitchType switchType,
            int[] generatedByTier,
            int placedInExistingRacks,
            List<NetworkReport.ProposedRack> proposedRacks,
            List<Finding> findings) {}

    private final NetworkAssumptions assumptions;

    public FabricGenerator(NetworkAssumptions assumptions) {
        this.assumptions = Objects.requireNonNull(assumptions, "assumptions");
    }

    /** Completes {@code fabric}; empty when its switch type is unknown (a finding says so). */
    public Optional<Generated> generate(Fabric fabric, SiteGeometry site, CatalogIndex catalog, List<Finding> findings) {
        TopologySpec spec = fabric.topology();
        Optional<SwitchType> type = catalog.switchType(spec.switchType());
        if (type.isEmpty()) {
            findings.add(new Finding(Severity.ERROR, "NETWORK_UNKNOWN_SWITCH_TYPE", fabric.id(),
                    "fabric " + fabric.id() + " names switch type '" + spec.switchType()
                            + "', which is not in the catalog; the fabric is not analysed. Add the type or fix the id."));
            return Optional.empty();
        }
        return Optional.of(new Run(fabric, site, catalog, type.get(), findings).build());
    }

    /** One generation: mutable working state, never shared. */
    private final class Run {
        private final Fabric fabric;
        private final SiteGeometry site;
        private final CatalogIndex catalog;
        private final SwitchType st;
        private final List<Finding> findings;
        private final FabricGraph g = new FabricGraph();
        private final SlotAllocator slots;
        private final int[] generatedByTier = new int[4];
        private final List<Finding> local = new ArrayList<>();

        Run(Fabric fabric, SiteGeometry site, CatalogIndex catalog, SwitchType st, List<Finding> findings) {
            this.fabric = fabric;
            this.site = site;
            this.catalog = catalog;
            this.st = st;
            this.findings = findings;
            double height = catalog.rack("network-rack").map(t -> t.heightM()).orElse(2.3);
            this.slots = new SlotAllocator(fabric.id(), assumptions, height);
        }

        Generated build() {
            addGiven();
            TopologySpec spec = fabric.topology();
            int tiers = spec.tiers();
            if (tiers > 3 || tiers < 1) {
                local.add(new Finding(Severity.WARNING, "NETWORK_TIERS_UNSUPPORTED", fabric.id(), String.format(Locale.ROOT,
                        "fabric %s asks for %d tiers; the solver builds 1 to 3 and uses %d", fabric.id(), tiers,
                        Math.max(1, Math.min(3, tiers)))));
                tiers = Math.max(1, Math.min(3, tiers));
            }
            if (g.switchesOfTier(1).isEmpty()) {
                generateLeaves(spec, tiers);
            }
            if (tiers >= 2) {
                List<Integer> orphans = leavesWithoutUplinks();
                if (tiers == 2 && g.switchesOfTier(2).isEmpty() && !orphans.isEmpty()) {
                    if (!generateSpines(orphans, spec)) {
                        tiers = 3;
                    }
                }
                if (tiers == 3) {
                    orphans = leavesWithoutUplinks();
                    if (!orphans.isEmpty()) {
                        generatePods(orphans, spec);
                    }
                    if (g.switchesOfTier(3).isEmpty()) {
                        generateCores();
                    }
                }
            }
            for (String rack : slots.overfull()) {
                local.add(new Finding(Severity.WARNING, "NETWORK_RACK_OVERFULL", rack, "network rack " + rack
                        + " holds switches of more rack units than the assumed " + assumptions.usableRackUnits()
                        + " usable; move some switches to another network rack"));
            }
            findings.addAll(local);
            return new Generated(g, st, generatedByTier, slots.placedInExisting(), slots.proposedRacks(), List.copyOf(local));
        }

        // ---- what the file gives ---------------------------------------------------------------

        private void addGiven() {
            for (String rackId : fabric.racks()) {
                Optional<SiteGeometry.RackPlace> p = site.rack(rackId);
                if (p.isEmpty()) {
                    continue; // unknown rack: the validator reports the dangling reference
                }
                if (p.get().type().kind() == RackKind.NETWORK) {
                    slots.addRack(p.get());
                } else if (p.get().type().nics() > 0 && g.indexOf(rackId) < 0) {
                    addEndpoint(p.get());
                }
            }
            double[] centre = endpointCentroid();
            for (SwitchInstance sw : fabric.switches()) {
                SwitchType t = catalog.switchType(sw.type()).orElse(st);
                Optional<SiteGeometry.RackPlace> host = site.rack(sw.rackId());
                host.filter(h -> h.type().kind() == RackKind.NETWORK).ifPresent(slots::addRack);
                host.ifPresent(h -> slots.occupy(h.id(), t.rackUnits()));
                if (host.isEmpty()) {
                    local.add(new Finding(Severity.WARNING, "NETWORK_SWITCH_UNPLACED", sw.id(), "switch " + sw.id()
                            + " names no known rack (rackId " + sw.rackId() + "); its cables are measured from the"
                            + " centre of the fabric's racks. Mount it in a network rack."));
                }
                g.addNode(new FabricGraph.Node(sw.id(), FabricGraph.Role.SWITCH, Math.max(1, sw.tier()), t.ports(),
                        t.portSpeedGbps(), 0, t.id(), host.map(SiteGeometry.RackPlace::id).orElse(null),
                        host.map(SiteGeometry.RackPlace::rowId).orElse(null),
                        host.map(SiteGeometry.RackPlace::hallId).orElse(null),
                        host.map(SiteGeometry.RackPlace::xM).orElse(centre[0]),
                        host.map(SiteGeometry.RackPlace::yM).orElse(centre[1]),
                        host.map(h -> h.type().heightM()).orElse(2.3), false));
            }
            for (Link link : fabric.links()) {
                int x = endOf(link.a());
                int y = endOf(link.b());
                if (x < 0 || y < 0) {
                    local.add(new Finding(Severity.ERROR, "NETWORK_LINK_UNKNOWN_END", fabric.id(), String.format(Locale.ROOT,
                            "a link of fabric %s joins '%s' and '%s', but %s is neither a switch of the fabric nor a rack with NICs",
                            fabric.id(), link.a(), link.b(), x < 0 ? link.a() : link.b())));
                    continue;
                }
                if (link.count() < 1) {
                    continue; // the validator reports non-positive counts
                }
                g.addBundle(x, y, link.count(), link.cableType(), false);
            }
        }

        private int endOf(String id) {
            int i = g.indexOf(id);
            if (i >= 0) {
                return i;
            }
            Optional<SiteGeometry.RackPlace> p = site.rack(id).filter(r -> r.type().nics() > 0);
            return p.map(this::addEndpoint).orElse(-1);
        }

        private int addEndpoint(SiteGeometry.RackPlace p) {
            return g.addNode(new FabricGraph.Node(p.id(), FabricGraph.Role.ENDPOINT, 0, p.type().nics(),
                    p.type().nicSpeedGbps(), p.type().gpus(), null, p.id(), p.rowId(), p.hallId(), p.xM(), p.yM(),
                    p.type().heightM(), false));
        }

        private double[] endpointCentroid() {
            double x = 0;
            double y = 0;
            int n = 0;
            for (int i = 0; i < g.nodeCount(); i++) {
                x += g.node(i).xM();
                y += g.node(i).yM();
                n++;
            }
            return n == 0 ? new double[] {0, 0} : new double[] {x / n, y / n};
        }

        // ---- leaves ----------------------------------------------------------------------------

        private void generateLeaves(TopologySpec spec, int tiers) {
            int down = TierSizing.leafDownPorts(st.ports(), spec.oversubscription(), tiers);
            Map<String, List<Integer>> byHall = new LinkedHashMap<>();
            for (int e : g.endpoints()) {
                byHall.computeIfAbsent(Objects.toString(g.node(e).hallId(), ""), k -> new ArrayList<>()).add(e);
            }
            int leafNo = 0;
            for (List<Integer> racks : byHall.values()) {
                if (spec.type() == TopologyType.RAIL_OPTIMIZED) {
                    leafNo = railLeaves(racks, down, leafNo);
                } else {
                    leafNo = packedLeaves(racks, down, leafNo);
                }
            }
        }

        /** Rail groups: as many whole racks as fit, each rack's rail i on leaf i of its group. */
        private int railLeaves(List<Integer> racks, int down, int leafNo) {
            int i = 0;
            while (i < racks.size()) {
                int rails = TierSizing.gcd(g.node(racks.get(i)).ports(), assumptions.rails());
                List<Integer> group = new ArrayList<>();
                int used = 0;
                while (i < racks.size()) {
                    int perLeaf = (g.node(racks.get(i)).ports() + rails - 1) / rails;
                    if (!group.isEmpty() && used + perLeaf > down) {
                        break;
                    }
                    group.add(racks.get(i++));
                    used += perLeaf;
                }
                double[] c = centroid(group);
                String hall = g.node(group.get(0)).hallId();
                int[] leaves = new int[rails];
                for (int r = 0; r < rails; r++) {
                    leaves[r] = addSwitch(String.format(Locale.ROOT, "%s-leaf-%d", fabric.id(), ++leafNo), 1, hall, c[0], c[1]);
                }
                for (int rack : group) {
                    int nics = g.node(rack).ports();
                    for (int r = 0; r < rails; r++) {
                        int n = nics / rails + (r < nics % rails ? 1 : 0);
                        if (n > 0) {
                            g.addBundle(rack, leaves[r], n, null, true);
                        }
                    }
                }
            }
            return leafNo;
        }

        /** Plain fat tree: racks' NICs fill leaf host ports in order. */
        private int packedLeaves(List<Integer> racks, int down, int leafNo) {
            int leaf = -1;
            int free = 0;
            List<int[]> pending = new ArrayList<>();
            for (int rack : racks) {
                int left = g.node(rack).ports();
                while (left > 0) {
                    if (free == 0) {
                        double[] c = {g.node(rack).xM(), g.node(rack).yM()};
                        leaf = addSwitch(String.format(Locale.ROOT, "%s-leaf-%d", fabric.id(), ++leafNo), 1,
                                g.node(rack).hallId(), c[0], c[1]);
                        free = down;
                    }
                    int n = Math.min(left, free);
                    pending.add(new int[] {rack, leaf, n});
                    left -= n;
                    free -= n;
                }
            }
            for (int[] p : pending) {
                g.addBundle(p[0], p[1], p[2], null, true);
            }
            return leafNo;
        }

        // ---- spines (two tiers) ----------------------------------------------------------------

        private List<Integer> leavesWithoutUplinks() {
            List<Integer> out = new ArrayList<>();
            for (int leaf : g.switchesOfTier(1)) {
                boolean up = false;
                for (int bi : g.bundlesOf(leaf)) {
                    if (g.a(bi) == leaf && g.node(g.b(bi)).tier() > 1) {
                        up = true;
                        break;
                    }
                }
                if (!up) {
                    out.add(leaf);
                }
            }
            return out;
        }

        /** Uplinks leaf {@code leaf} gets: its reserved uplink ports, fewer if hosts took them. */
        private int uplinksOf(int leaf, int[] used, int reserved) {
            return Math.max(0, Math.min(g.node(leaf).ports() - used[leaf], reserved));
        }

        private boolean generateSpines(List<Integer> leaves, TopologySpec spec) {
            int reserved = st.ports() - TierSizing.leafDownPorts(st.ports(), spec.oversubscription(), 2);
            int spines = TierSizing.upperSwitches(leaves.size(), reserved, st.ports());
            if (spines < 0) {
                local.add(new Finding(Severity.WARNING, "NETWORK_TIERS_RAISED", fabric.id(), String.format(Locale.ROOT,
                        "fabric %s: %d leaves with %d uplinks each cannot reach %d-port spines in two tiers (at most %d leaves);"
                                + " a third tier is generated. Ask for tiers 3 in the topology spec.",
                        fabric.id(), leaves.size(), reserved, st.ports(), st.ports())));
                return false;
            }
            int[] used = g.portsUsed();
            double[] c = centroid(leaves);
            String hall = majorityHall(leaves);
            List<Integer> spineIds = new ArrayList<>();
            for (int s = 0; s < spines; s++) {
                spineIds.add(addSwitch(String.format(Locale.ROOT, "%s-spine-%d", fabric.id(), s + 1), 2, hall, c[0], c[1]));
            }
            connectEvenly(leaves, spineIds, used, reserved);
            return true;
        }

        /**
         * Each lower switch's uplinks spread over the upper switches: {@code U / S} each, and the
         * remainder on a rotating start so that the upper switches' ports fill evenly.
         */
        private void connectEvenly(List<Integer> lower, List<Integer> upper, int[] used, int reserved) {
            int s = upper.size();
            for (int j = 0; j < lower.size(); j++) {
                int leaf = lower.get(j);
                int u = uplinksOf(leaf, used, reserved);
                for (int k = 0; k < s; k++) {
                    int n = u / s + (Math.floorMod(k - j, s) < u % s ? 1 : 0);
                    if (n > 0) {
                        g.addBundle(leaf, upper.get(k), n, null, true);
                    }
                }
            }
        }

        // ---- pods and cores (three tiers) ------------------------------------------------------

        private void generatePods(List<Integer> orphans, TopologySpec spec) {
            int reserved = st.ports() - TierSizing.leafDownPorts(st.ports(), spec.oversubscription(), 3);
            int spineDown = st.ports() / 2; // spines are non-blocking: half down, half up
            int podLeaves = spineDown; // with one link from every leaf to each of U spines, a spine serves spineDown leaves
            int[] used = g.portsUsed();
            // leaf groups: leaves with the same racks (a rail group) stay in one pod; pods never span halls
            Map<String, List<List<Integer>>> byHall = new LinkedHashMap<>();
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int leaf : orphans) {
                groups.computeIfAbsent(rackKey(leaf), k -> new ArrayList<>()).add(leaf);
            }
            for (List<Integer> group : groups.values()) {
                byHall.computeIfAbsent(Objects.toString(majorityHall(group), ""), k -> new ArrayList<>()).add(group);
            }
            int podNo = 0;
            for (List<List<Integer>> hallGroups : byHall.values()) {
                List<Integer> pod = new ArrayList<>();
                for (List<Integer> group : hallGroups) {
                    for (int start = 0; start < group.size(); start += podLeaves) {
                        List<Integer> part = group.subList(start, Math.min(group.size(), start + podLeaves));
                        if (!pod.isEmpty() && pod.size() + part.size() > podLeaves) {
                            buildPod(++podNo, pod, used, reserved, spineDown);
                            pod = new ArrayList<>();
                        }
                        pod.addAll(part);
                    }
                }
                if (!pod.isEmpty()) {
                    buildPod(++podNo, pod, used, reserved, spineDown);
                }
            }
        }

        private void buildPod(int podNo, List<Integer> leaves, int[] used, int reserved, int spineDown) {
            int spines = TierSizing.upperSwitches(leaves.size(), reserved, spineDown);
            if (spines < 0) {
                spines = reserved; // cannot happen with pods of at most spineDown leaves; stay safe
            }
            double[] c = centroid(leaves);
            String hall = majorityHall(leaves);
            List<Integer> spineIds = new ArrayList<>();
            for (int s = 0; s < spines; s++) {
                spineIds.add(addSwitch(String.format(Locale.ROOT, "%s-pod-%d-spine-%d", fabric.id(), podNo, s + 1), 2, hall,
                        c[0], c[1]));
            }
            connectEvenly(leaves, spineIds, used, reserved);
        }

        /**
         * Cores over every spine's free ports, at most as many uplinks as the spine has downlinks
         * (non-blocking), in planes as in a k-ary fat tree: the spines of index {@code j} of every pod
         * connect to core plane {@code j / w} only ({@link #planeWidth}), so any two pods meet in
         * plane 0; a plane has {@code ceil(its uplinks / ports)} cores (B200 SuperPOD: 4 pods x 32
         * spines x 32 uplinks / 64 ports = 64 cores).
         */
        private void generateCores() {
            List<Integer> spines = g.switchesOfTier(2);
            if (spines.isEmpty()) {
                return;
            }
            int[] used = g.portsUsed();
            int[] up = new int[spines.size()];
            long total = 0;
            for (int i = 0; i < spines.size(); i++) {
                int s = spines.get(i);
                int down = 0;
                for (int bi : g.bundlesOf(s)) {
                    if (g.b(bi) == s && g.node(g.a(bi)).tier() < 2) {
                        down += g.count(bi);
                    }
                }
                up[i] = Math.max(0, Math.min(g.node(s).ports() - used[s], down));
                total += up[i];
            }
            if (total == 0) {
                return;
            }
            // core planes: spine j of every pod feeds core group j, sized for that plane's uplinks
            int[] pod = podOf(spines);
            int[] plane = new int[spines.size()];
            Map<Integer, Integer> nextInPod = new HashMap<>();
            int planes = 0;
            for (int i = 0; i < spines.size(); i++) {
                plane[i] = nextInPod.merge(pod[i], 1, Integer::sum) - 1;
                planes = Math.max(planes, plane[i] + 1);
            }
            int width = planeWidth(plane, pod, up, planes);
            int planeCount = (planes + width - 1) / width;
            for (int i = 0; i < plane.length; i++) {
                plane[i] /= width;
            }
            planes = planeCount;
            long[] planeUplinks = new long[planes];
            for (int i = 0; i < spines.size(); i++) {
                planeUplinks[plane[i]] += up[i];
            }
            int[] planeBase = new int[planes + 1];
            for (int p = 0; p < planes; p++) {
                planeBase[p + 1] = planeBase[p] + TierSizing.coreSwitches(planeUplinks[p], st.ports());
            }
            int cores = planeBase[planes];
            double x = 0;
            double y = 0;
            for (int s : spines) {
                x += g.node(s).xM();
                y += g.node(s).yM();
            }
            x /= spines.size();
            y /= spines.size();
            String hall = site.hallAt(x, y);
            int[] coreIds = new int[cores];
            for (int k = 0; k < cores; k++) {
                coreIds[k] = addSwitch(String.format(Locale.ROOT, "%s-core-%d", fabric.id(), k + 1), 3, hall, x, y);
            }
            // deal each spine's uplinks round-robin over its plane's cores, one cursor per plane, so
            // every core ends with floor or ceil of its plane's mean and never more than its ports
            int[][] dealt = new int[spines.size()][];
            long[] cursor = new long[planes];
            for (int i = 0; i < spines.size(); i++) {
                int p = plane[i];
                int size = planeBase[p + 1] - planeBase[p];
                dealt[i] = new int[up[i]];
                for (int u = 0; u < up[i]; u++) {
                    dealt[i][u] = planeBase[p] + (int) (cursor[p]++ % size);
                }
            }
            checkPodsShareCores(pod, dealt, cores);
            for (int i = 0; i < spines.size(); i++) {
                int[] list = dealt[i];
                Arrays.sort(list);
                for (int k = 0; k < list.length; ) {
                    int j = k;
                    while (j < list.length && list[j] == list[k]) {
                        j++;
                    }
                    g.addBundle(spines.get(i), coreIds[list[k]], j - k, null, true);
                    k = j;
                }
            }
        }

        /**
         * Spines per plane: plane {@code p} takes spine indices {@code [p w, (p + 1) w)} of every
         * pod. Per-plane rounding costs up to one core per plane, so wider planes need fewer cores;
         * but every pod must still reach every core of plane 0 (its plane-0 uplinks at least that
         * plane's cores) so that any two pods meet. The narrowest width with the fewest cores wins;
         * width 1 (the k-ary layout) if none qualifies.
         */
        private int planeWidth(int[] indexInPod, int[] pod, int[] up, int maxSpines) {
            int pods = 0;
            for (int p : pod) {
                pods = Math.max(pods, p + 1);
            }
            int best = 1;
            long bestCores = Long.MAX_VALUE;
            for (int w = 1; w <= maxSpines; w++) {
                int planeCount = (maxSpines + w - 1) / w;
                long[] load = new long[planeCount];
                long[] podPlane0 = new long[pods];
                for (int i = 0; i < indexInPod.length; i++) {
                    load[indexInPod[i] / w] += up[i];
                    if (indexInPod[i] / w == 0) {
                        podPlane0[pod[i]] += up[i];
                    }
                }
                long cores = 0;
                for (long l : load) {
                    cores += TierSizing.coreSwitches(l, st.ports());
                }
                long plane0 = TierSizing.coreSwitches(load[0], st.ports());
                boolean meet = true;
                for (long u : podPlane0) {
                    meet &= u >= plane0;
                }
                if (meet && cores < bestCores) {
                    best = w;
                    bestCores = cores;
                }
            }
            return best;
        }

        /**
         * Up-down routing between two pods needs a core that both reach. Every pod whose uplinks
         * cover all cores meets every other; the rest are checked pair by pair. A pair that shares
         * no core means the fabric outgrew three tiers of these switches (at most ports^3/4 host
         * ports non-blocking).
         */
        private void checkPodsShareCores(int[] podOfSpine, int[][] dealt, int cores) {
            Map<Integer, java.util.BitSet> reach = new LinkedHashMap<>();
            for (int i = 0; i < podOfSpine.length; i++) {
                java.util.BitSet set = reach.computeIfAbsent(podOfSpine[i], k -> new java.util.BitSet(cores));
                for (int c : dealt[i]) {
                    set.set(c);
                }
            }
            List<java.util.BitSet> partial = reach.values().stream().filter(b -> b.cardinality() < cores).toList();
            long apart = 0;
            for (int i = 0; i < partial.size(); i++) {
                for (int j = i + 1; j < partial.size(); j++) {
                    if (!partial.get(i).intersects(partial.get(j))) {
                        apart++;
                    }
                }
            }
            if (apart > 0) {
                local.add(new Finding(Severity.ERROR, "NETWORK_SCALE_EXCEEDED", fabric.id(), String.format(Locale.ROOT,
                        "fabric %s has %d pods but %d-port cores reach at most %d each: %d pairs of pods share no core, so"
                                + " traffic between them has no up-down path. Three tiers of these switches serve at most %d"
                                + " host ports non-blocking; use higher-radix switches or split the fabric.",
                        fabric.id(), reach.size(), st.ports(), st.ports(), apart,
                        (long) st.ports() * st.ports() * st.ports() / 4)));
            }
        }

        /** A pod number per spine: spines that share a leaf are in the same pod. */
        private int[] podOf(List<Integer> spines) {
            int[] pod = new int[spines.size()];
            Map<Integer, Integer> podOfLeaf = new HashMap<>();
            int next = 0;
            for (int i = 0; i < spines.size(); i++) {
                Integer found = null;
                List<Integer> leaves = new ArrayList<>();
                for (int bi : g.bundlesOf(spines.get(i))) {
                    if (g.b(bi) == spines.get(i) && g.node(g.a(bi)).tier() == 1) {
                        leaves.add(g.a(bi));
                        found = found != null ? found : podOfLeaf.get(g.a(bi));
                    }
                }
                int p = found != null ? found : next++;
                leaves.forEach(l -> podOfLeaf.put(l, p));
                pod[i] = p;
            }
            return pod;
        }

        // ---- helpers ---------------------------------------------------------------------------

        private int addSwitch(String id, int tier, String hall, double x, double y) {
            String unique = id;
            for (int k = 2; g.indexOf(unique) >= 0; k++) {
                unique = id + "-g" + k;
            }
            SlotAllocator.Spot spot = slots.place(hall, x, y, st.rackUnits());
            generatedByTier[tier]++;
            return g.addNode(new FabricGraph.Node(unique, FabricGraph.Role.SWITCH, tier, st.ports(), st.portSpeedGbps(), 0,
                    st.id(), spot.rackId(), spot.rowId(), spot.hallId(), spot.xM(), spot.yM(), spot.rackHeightM(), true));
        }

        private String rackKey(int leaf) {
            List<Integer> racks = new ArrayList<>();
            for (int bi : g.bundlesOf(leaf)) {
                if (g.b(bi) == leaf && g.node(g.a(bi)).tier() == 0) {
                    racks.add(g.a(bi));
                }
            }
            racks.sort(null);
            return racks.toString();
        }

        private double[] centroid(List<Integer> nodes) {
            double x = 0;
            double y = 0;
            for (int n : nodes) {
                x += g.node(n).xM();
                y += g.node(n).yM();
            }
            return new double[] {x / nodes.size(), y / nodes.size()};
        }

        private String majorityHall(List<Integer> nodes) {
            Map<String, Integer> votes = new HashMap<>();
            String best = null;
            int bestVotes = 0;
            for (int n : nodes) {
                String h = g.node(n).hallId();
                int v = votes.merge(Objects.toString(h, ""), 1, Integer::sum);
                if (v > bestVotes) {
                    bestVotes = v;
                    best = h;
                }
            }
            return best;
        }
    }
}
