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
import org.aifactory.twin.model.FabricKind;
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
 *       uplinks, then, if the file lists no cores, cores over every pod's spines, every pod
 *       spreading its uplinks over all core planes in proportion to its size;</li>
 *   <li>a compute Ethernet fabric with racks only: two Spectrum-X planes, each NIC as 2 links of
 *       half its speed, one per plane (ref §4), leaves and spines per plane;</li>
 *   <li>a front-end or storage Ethernet fabric with racks only: the racks' front-end ports
 *       ({@link FrontEndPorts}: 2 x 400GbE per compute tray), each tray dual-homed to a leaf pair,
 *       then spines, or pods and cores for three tiers (or when two tiers cannot reach every leaf).</li>
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
    public Optional<Generated> generate(
            Fabric fabric, SiteGeometry site, CatalogIndex catalog, List<Finding> findings) {
        return generate(fabric, site, catalog, findings, null);
    }

    /** Completes {@code fabric}, opening new network racks on {@code floor} (null: at the wanted points). */
    Optional<Generated> generate(
            Fabric fabric, SiteGeometry site, CatalogIndex catalog, List<Finding> findings, FloorPlanner floor) {
        TopologySpec spec = fabric.topology();
        Optional<SwitchType> type = catalog.switchType(spec.switchType());
        if (type.isEmpty()) {
            findings.add(
                    new Finding(
                            Severity.ERROR,
                            "NETWORK_UNKNOWN_SWITCH_TYPE",
                            fabric.id(),
                            "fabric " + fabric.id() + " names switch type '" + spec.switchType()
                                    + "', which is not in the catalog; the fabric is not analysed. Add the type or fix the id."));
            return Optional.empty();
        }
        return Optional.of(new Run(fabric, site, catalog, type.get(), findings, floor).build());
    }

    /** One generation: mutable working state, never shared. */
    private final class Run {
        private final Fabric fabric;
        private final SiteGeometry site;
        private final CatalogIndex catalog;
        private final SwitchType st;
        /** Independent planes each rack's NICs split over (2 for a generated Spectrum-X Ethernet fabric). */
        private final int planes;
        /** A front-end or storage Ethernet fabric with racks only: hosts' front-end ports, dual-homed leaf pairs. */
        private final boolean frontEnd;
        /** The plane whose leaves are being generated. */
        private int plane;

        private final List<Finding> findings;
        private final FabricGraph g = new FabricGraph();
        private final SlotAllocator slots;
        private final int[] generatedByTier = new int[4];
        private final List<Finding> local = new ArrayList<>();

        Run(
                Fabric fabric,
                SiteGeometry site,
                CatalogIndex catalog,
                SwitchType st,
                List<Finding> findings,
                FloorPlanner floor) {
            this.fabric = fabric;
            this.site = site;
            this.catalog = catalog;
            boolean racksOnly = fabric.switches().isEmpty() && fabric.links().isEmpty();
            boolean ethernet = racksOnly && fabric.kind() == FabricKind.COMPUTE_ETHERNET;
            this.frontEnd = racksOnly
                    && (fabric.kind() == FabricKind.FRONTEND_ETHERNET || fabric.kind() == FabricKind.STORAGE_ETHERNET);
            // Spectrum-X compute fabric (ref §4, B300 Spectrum-X SuperPOD): every 800G NIC runs as
            // 2 x 400GbE, one link per plane, and the switch's 800G ports break out into 2 x 400G [E].
            // Front-end: the hosts' 400GbE ports on 800G switch ports broken out likewise [E].
            this.planes = ethernet ? 2 : 1;
            boolean breakout = ethernet
                    || (frontEnd && FrontEndPorts.PORT_SPEED_GBPS * 2 <= st.portSpeedGbps() + Tolerances.EPSILON);
            this.st = breakout
                    ? new SwitchType(
                            st.id(),
                            st.name(),
                            st.ports() * 2,
                            st.portSpeedGbps() / 2,
                            st.powerW(),
                            st.rackUnits(),
                            st.source())
                    : st;
            this.findings = findings;
            double height = catalog.rack("network-rack").map(t -> t.heightM()).orElse(2.3);
            this.slots = new SlotAllocator(fabric.id(), assumptions, height, floor);
        }

        Generated build() {
            addGiven();
            TopologySpec spec = fabric.topology();
            int tiers = spec.tiers();
            if (tiers > 3 || tiers < 1) {
                local.add(new Finding(
                        Severity.WARNING,
                        "NETWORK_TIERS_UNSUPPORTED",
                        fabric.id(),
                        String.format(
                                Locale.ROOT,
                                "fabric %s asks for %d tiers; the solver builds 1 to 3 and uses %d",
                                fabric.id(),
                                tiers,
                                Math.max(1, Math.min(3, tiers)))));
                tiers = Math.max(1, Math.min(3, tiers));
            }
            if (planes > 1) {
                generateEthernetPlanes(spec, tiers);
                tiers = 1; // both planes are complete
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
                local.add(new Finding(
                        Severity.WARNING,
                        "NETWORK_RACK_OVERFULL",
                        rack,
                        "network rack " + rack
                                + " holds switches of more rack units than the assumed " + assumptions.usableRackUnits()
                                + " usable; move some switches to another network rack"));
            }
            findings.addAll(local);
            return new Generated(
                    g, st, generatedByTier, slots.placedInExisting(), slots.proposedRacks(), List.copyOf(local));
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
                } else if ((frontEnd
                                        ? FrontEndPorts.ports(p.get().type())
                                        : p.get().type().nics())
                                > 0
                        && g.indexOf(rackId) < 0) {
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
                    local.add(new Finding(
                            Severity.WARNING,
                            "NETWORK_SWITCH_UNPLACED",
                            sw.id(),
                            "switch " + sw.id()
                                    + " names no known rack (rackId " + sw.rackId()
                                    + "); its cables are measured from the"
                                    + " centre of the fabric's racks. Mount it in a network rack."));
                }
                g.addNode(new FabricGraph.Node(
                        sw.id(),
                        FabricGraph.Role.SWITCH,
                        Math.max(1, sw.tier()),
                        t.ports(),
                        t.portSpeedGbps(),
                        0,
                        t.id(),
                        host.map(SiteGeometry.RackPlace::id).orElse(null),
                        host.map(SiteGeometry.RackPlace::rowId).orElse(null),
                        host.map(SiteGeometry.RackPlace::hallId).orElse(null),
                        host.map(SiteGeometry.RackPlace::xM).orElse(centre[0]),
                        host.map(SiteGeometry.RackPlace::yM).orElse(centre[1]),
                        host.map(h -> h.type().heightM()).orElse(2.3),
                        false));
            }
            for (Link link : fabric.links()) {
                int x = endOf(link.a());
                int y = endOf(link.b());
                if (x < 0 || y < 0) {
                    local.add(new Finding(
                            Severity.ERROR,
                            "NETWORK_LINK_UNKNOWN_END",
                            fabric.id(),
                            String.format(
                                    Locale.ROOT,
                                    "a link of fabric %s joins '%s' and '%s', but %s is neither a switch of the fabric nor a rack with NICs",
                                    fabric.id(),
                                    link.a(),
                                    link.b(),
                                    x < 0 ? link.a() : link.b())));
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
            Optional<SiteGeometry.RackPlace> p =
                    site.rack(id).filter(r -> r.type().nics() > 0);
            return p.map(this::addEndpoint).orElse(-1);
        }

        private int addEndpoint(SiteGeometry.RackPlace p) {
            int nics = frontEnd ? FrontEndPorts.ports(p.type()) : p.type().nics() * planes;
            double speed =
                    frontEnd ? FrontEndPorts.speedGbps(p.type()) : p.type().nicSpeedGbps() / planes;
            return g.addNode(new FabricGraph.Node(
                    p.id(),
                    FabricGraph.Role.ENDPOINT,
                    0,
                    nics,
                    speed,
                    p.type().gpus(),
                    null,
                    p.id(),
                    p.rowId(),
                    p.hallId(),
                    p.xM(),
                    p.yM(),
                    p.type().heightM(),
                    false));
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
                byHall.computeIfAbsent(Objects.toString(g.node(e).hallId(), ""), k -> new ArrayList<>())
                        .add(e);
            }
            int leafNo = 0;
            for (List<Integer> racks : byHall.values()) {
                if (spec.type() == TopologyType.RAIL_OPTIMIZED || frontEnd) {
                    leafNo = railLeaves(racks, down, leafNo);
                } else {
                    leafNo = packedLeaves(racks, down, leafNo);
                }
            }
        }

        private String leafId(int leafNo) {
            return planes > 1
                    ? String.format(Locale.ROOT, "%s-plane-%d-leaf-%d", fabric.id(), plane + 1, leafNo)
                    : String.format(Locale.ROOT, "%s-leaf-%d", fabric.id(), leafNo);
        }

        /**
         * A Spectrum-X Ethernet fabric the file gives only racks for: per plane, leaves as for any
         * fabric (each rack's half of the links), then that plane's spines (two tiers) or pods and
         * cores (three), the planes never joined. B300 Spectrum-X SuperPOD (ref §4): 1 SU of 64
         * eight-GPU nodes = 16 leaves / 8 spines; 16 SU = 256 / 128.
         */
        private void generateEthernetPlanes(TopologySpec spec, int tiers) {
            for (plane = 0; plane < planes; plane++) {
                java.util.Set<Integer> before = new java.util.HashSet<>(g.switchesOfTier(1));
                generateLeaves(spec, tiers);
                List<Integer> leaves = new ArrayList<>(g.switchesOfTier(1));
                leaves.removeAll(before);
                if (tiers == 2 && !leaves.isEmpty() && generateSpines(leaves, spec)) {
                    continue;
                }
                if (tiers >= 2 && !leaves.isEmpty()) {
                    local.add(new Finding(
                            Severity.WARNING,
                            "NETWORK_TIERS_UNSUPPORTED",
                            fabric.id(),
                            String.format(
                                    Locale.ROOT,
                                    "Ethernet fabric %s: plane %d is generated with leaves only; the solver builds"
                                            + " two-tier Ethernet planes of up to %d leaves. Give the spines in the file.",
                                    fabric.id(),
                                    plane + 1,
                                    st.ports())));
                }
            }
            plane = 0;
        }

        /** Rail groups: as many whole racks as fit, each rack's rail i on leaf i of its group. */
        private int railLeaves(List<Integer> racks, int down, int leafNo) {
            int i = 0;
            while (i < racks.size()) {
                // front-end: each tray's two ports on two different leaves (a dual-homed leaf pair)
                int rails = TierSizing.gcd(
                        g.node(racks.get(i)).ports() / planes,
                        frontEnd ? FrontEndPorts.PORTS_PER_TRAY : assumptions.rails());
                List<Integer> group = new ArrayList<>();
                int used = 0;
                while (i < racks.size()) {
                    int perLeaf = (g.node(racks.get(i)).ports() / planes + rails - 1) / rails;
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
                    leaves[r] = addSwitch(leafId(++leafNo), 1, hall, c[0], c[1]);
                }
                for (int rack : group) {
                    int nics = g.node(rack).ports() / planes;
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
                int left = g.node(rack).ports() / planes;
                while (left > 0) {
                    if (free == 0) {
                        double[] c = {g.node(rack).xM(), g.node(rack).yM()};
                        leaf = addSwitch(leafId(++leafNo), 1, g.node(rack).hallId(), c[0], c[1]);
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
                local.add(new Finding(
                        Severity.WARNING,
                        "NETWORK_TIERS_RAISED",
                        fabric.id(),
                        String.format(
                                Locale.ROOT,
                                "fabric %s: %d leaves with %d uplinks each cannot reach %d-port spines in two tiers (at most %d leaves);"
                                        + " a third tier is generated. Ask for tiers 3 in the topology spec.",
                                fabric.id(),
                                leaves.size(),
                                reserved,
                                st.ports(),
                                st.ports())));
                return false;
            }
            int[] used = g.portsUsed();
            double[] c = centroid(leaves);
            String hall = majorityHall(leaves);
            List<Integer> spineIds = new ArrayList<>();
            for (int s = 0; s < spines; s++) {
                String id = planes > 1
                        ? String.format(Locale.ROOT, "%s-plane-%d-spine-%d", fabric.id(), plane + 1, s + 1)
                        : String.format(Locale.ROOT, "%s-spine-%d", fabric.id(), s + 1);
                spineIds.add(addSwitch(id, 2, hall, c[0], c[1]));
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
            int podLeaves =
                    spineDown; // with one link from every leaf to each of U spines, a spine serves spineDown leaves
            int[] used = g.portsUsed();
            // leaf groups: leaves with the same racks (a rail group) stay in one pod; pods never span halls
            Map<String, List<List<Integer>>> byHall = new LinkedHashMap<>();
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int leaf : orphans) {
                groups.computeIfAbsent(rackKey(leaf), k -> new ArrayList<>()).add(leaf);
            }
            for (List<Integer> group : groups.values()) {
                byHall.computeIfAbsent(Objects.toString(majorityHall(group), ""), k -> new ArrayList<>())
                        .add(group);
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
                spineIds.add(addSwitch(
                        String.format(Locale.ROOT, "%s-pod-%d-spine-%d", fabric.id(), podNo, s + 1),
                        2,
                        hall,
                        c[0],
                        c[1]));
            }
            connectEvenly(leaves, spineIds, used, reserved);
        }

        /**
         * Cores over every spine's free ports, at most as many uplinks as the spine has downlinks
         * (non-blocking), in {@code Q} planes. Every pod spreads its uplinks over all planes in
         * proportion to its size: its spines' uplinks, taken in spine order, are cut into {@code Q}
         * runs of {@code floor} or {@code ceil} of {@code U_pod / Q} ({@link #planeShares}), so a full
         * pod of {@code n} spines sends spines {@code [p n/Q, (p+1) n/Q)} to plane {@code p} (the
         * k-ary layout) and a partial pod (the few leaves closing a hall) sends every plane its share
         * too, instead of loading plane 0 with all of it. A plane has {@code ceil(its uplinks / ports)}
         * cores (B200 SuperPOD: 4 pods x 32 spines x 32 uplinks / 64 ports = 64 cores) and deals its
         * uplinks round-robin over them, pods in order, with one cursor: every core ends with floor or
         * ceil of the plane's mean (never more than its ports), and a run of consecutive pods holding
         * half of every plane's uplinks meets each core of a fully used plane exactly half the time,
         * which keeps tree-aligned halves balanced core by core. {@code Q} is the number with the
         * fewest cores (ties: more planes).
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
            // spines of each pod, in order of first appearance
            int[] pod = podOf(spines);
            Map<Integer, List<Integer>> podSpines = new LinkedHashMap<>();
            for (int i = 0; i < spines.size(); i++) {
                podSpines.computeIfAbsent(pod[i], k -> new ArrayList<>()).add(i);
            }
            List<List<Integer>> pods = new ArrayList<>(podSpines.values());
            long[] podUp = new long[pods.size()];
            int maxSpines = 1;
            for (int p = 0; p < pods.size(); p++) {
                for (int i : pods.get(p)) {
                    podUp[p] += up[i];
                }
                maxSpines = Math.max(maxSpines, pods.get(p).size());
            }
            int planes = planeCount(podUp, maxSpines);
            long[] planeUplinks = new long[planes];
            for (long u : podUp) {
                for (int p = 0; p < planes; p++) {
                    planeUplinks[p] += planeShare(u, p, planes);
                }
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
            // walk each pod's uplinks in spine order; uplink k of the pod belongs to the plane whose
            // run holds k, and takes that plane's next core
            int[][] dealt = new int[spines.size()][];
            int[][] planeOf = new int[spines.size()][];
            long[] cursor = new long[planes];
            for (int p = 0; p < pods.size(); p++) {
                long k = 0;
                int plane = 0;
                for (int i : pods.get(p)) {
                    dealt[i] = new int[up[i]];
                    planeOf[i] = new int[up[i]];
                    for (int u = 0; u < up[i]; u++, k++) {
                        while (k >= planeEnd(podUp[p], plane, planes)) {
                            plane++;
                        }
                        int size = planeBase[plane + 1] - planeBase[plane];
                        dealt[i][u] = planeBase[plane] + (int) (cursor[plane]++ % size);
                        planeOf[i][u] = plane;
                    }
                }
            }
            meetPods(pods, dealt, planeOf, cores);
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

        /** Uplinks of a pod with {@code podUp} in all that go to plane {@code p} of {@code planes}. */
        private static long planeShare(long podUp, int p, int planes) {
            return planeEnd(podUp, p, planes) - planeEnd(podUp, p - 1, planes);
        }

        /** End (exclusive) of plane {@code p}'s run in a pod's uplinks: {@code floor((p + 1) U / Q)}. */
        private static long planeEnd(long podUp, int p, int planes) {
            return (p + 1) * podUp / planes;
        }

        /**
         * The number of planes with the fewest cores, from 1 to the most spines of any pod; ties go
         * to more planes (narrower planes are the k-ary layout: {@code (k/2)^2} cores in
         * {@code k/2} planes).
         */
        private int planeCount(long[] podUp, int maxSpines) {
            int best = 1;
            long bestCores = Long.MAX_VALUE;
            for (int q = 1; q <= maxSpines; q++) {
                long cores = 0;
                for (int p = 0; p < q; p++) {
                    long load = 0;
                    for (long u : podUp) {
                        load += planeShare(u, p, q);
                    }
                    cores += TierSizing.coreSwitches(load, st.ports());
                }
                if (cores <= bestCores) {
                    best = q;
                    bestCores = cores;
                }
            }
            return best;
        }

        /**
         * Up-down routing needs a core that any two pods both reach. A small pod reaches only a run
         * of each plane's cores, and two small pods' runs may miss each other. For such a pair
         * (X, Y) one uplink of Y trades cores with an uplink of its neighbour pod R (the pod before
         * it, else after it) in the same plane: Y's link moves to a core X reaches, R's takes Y's old
         * core. Every core keeps its port count and every plane its shares; only a cut between R and
         * Y (neighbours, usually in one hall) sees the trade. Repeated while pairs are left, a few
         * rounds at most; {@link #checkPodsShareCores} reports what remains.
         */
        private void meetPods(List<List<Integer>> pods, int[][] dealt, int[][] planeOf, int cores) {
            for (int round = 0; round < 8; round++) {
                java.util.BitSet[] reach = new java.util.BitSet[pods.size()];
                for (int p = 0; p < pods.size(); p++) {
                    reach[p] = new java.util.BitSet(cores);
                    for (int i : pods.get(p)) {
                        for (int c : dealt[i]) {
                            reach[p].set(c);
                        }
                    }
                }
                boolean traded = false;
                for (int x = 0; x < pods.size(); x++) {
                    for (int y = x + 1; y < pods.size(); y++) {
                        if (!reach[x].intersects(reach[y]) && trade(pods, x, y, reach, dealt, planeOf)) {
                            traded = true;
                        }
                    }
                }
                if (!traded) {
                    return;
                }
            }
        }

        /** One trade giving pod {@code y} a core that pod {@code x} reaches; false if none was found. */
        private boolean trade(
                List<List<Integer>> pods, int x, int y, java.util.BitSet[] reach, int[][] dealt, int[][] planeOf) {
            for (int r : new int[] {y - 1, y + 1}) {
                if (r < 0 || r >= pods.size() || r == x) {
                    continue;
                }
                for (int ir : pods.get(r)) {
                    for (int ur = 0; ur < dealt[ir].length; ur++) {
                        int c = dealt[ir][ur];
                        if (!reach[x].get(c)) {
                            continue;
                        }
                        int[] pick = yieldableUplink(pods, y, planeOf[ir][ur], reach, dealt, planeOf);
                        if (pick != null) {
                            dealt[ir][ur] = dealt[pick[0]][pick[1]];
                            dealt[pick[0]][pick[1]] = c;
                            reach[y].set(c);
                            reach[r].set(dealt[ir][ur]);
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * An uplink {spine, index} of pod {@code y} in {@code plane} that it can give up: on a core it
         * reaches twice, else on a core whose loss leaves every pod {@code y} meets still met; null
         * if none.
         */
        private int[] yieldableUplink(
                List<List<Integer>> pods, int y, int plane, java.util.BitSet[] reach, int[][] dealt, int[][] planeOf) {
            Map<Integer, Integer> times = new HashMap<>();
            for (int iy : pods.get(y)) {
                for (int c : dealt[iy]) {
                    times.merge(c, 1, Integer::sum);
                }
            }
            int[] fallback = null;
            for (int iy : pods.get(y)) {
                for (int uy = dealt[iy].length - 1; uy >= 0; uy--) {
                    if (planeOf[iy][uy] != plane) {
                        continue;
                    }
                    int c = dealt[iy][uy];
                    if (times.get(c) > 1) {
                        return new int[] {iy, uy};
                    }
                    if (fallback == null && !onlyMeeting(y, c, reach)) {
                        fallback = new int[] {iy, uy};
                    }
                }
            }
            return fallback;
        }

        /** True if core {@code c} is the only core some pod shares with pod {@code y}. */
        private static boolean onlyMeeting(int y, int c, java.util.BitSet[] reach) {
            for (int z = 0; z < reach.length; z++) {
                if (z != y && reach[z].get(c)) {
                    java.util.BitSet both = (java.util.BitSet) reach[z].clone();
                    both.and(reach[y]);
                    if (both.cardinality() == 1) {
                        return true;
                    }
                }
            }
            return false;
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
            List<java.util.BitSet> partial =
                    reach.values().stream().filter(b -> b.cardinality() < cores).toList();
            long apart = 0;
            for (int i = 0; i < partial.size(); i++) {
                for (int j = i + 1; j < partial.size(); j++) {
                    if (!partial.get(i).intersects(partial.get(j))) {
                        apart++;
                    }
                }
            }
            if (apart > 0) {
                local.add(new Finding(
                        Severity.ERROR,
                        "NETWORK_SCALE_EXCEEDED",
                        fabric.id(),
                        String.format(
                                Locale.ROOT,
                                "fabric %s has %d pods but %d-port cores reach at most %d each: %d pairs of pods share no core, so"
                                        + " traffic between them has no up-down path. Three tiers of these switches serve at most %d"
                                        + " host ports non-blocking; use higher-radix switches or split the fabric.",
                                fabric.id(),
                                reach.size(),
                                st.ports(),
                                st.ports(),
                                apart,
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
            SlotAllocator.Spot spot = slots.place(unique, hall, x, y, st.rackUnits());
            generatedByTier[tier]++;
            return g.addNode(new FabricGraph.Node(
                    unique,
                    FabricGraph.Role.SWITCH,
                    tier,
                    st.ports(),
                    st.portSpeedGbps(),
                    0,
                    st.id(),
                    spot.rackId(),
                    spot.rowId(),
                    spot.hallId(),
                    spot.xM(),
                    spot.yM(),
                    spot.rackHeightM(),
                    true));
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
