package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.layout.FacilityLayout;
import org.aifactory.twin.model.layout.OverlapFinder;
import org.aifactory.twin.model.layout.PlacedItem;
import org.aifactory.twin.model.layout.SiteFrame;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** New network racks go on free floor of the layout, clear of everything, and the cables start there. */
class FloorPlacementTest {

    /** One network rack holds one switch, so that every generated switch but the first needs a new rack. */
    private static final NetworkAssumptions ONE_PER_RACK =
            new NetworkAssumptions(3.0, 1.2, 0.5, 1.0, 0.10, 1, 15.0, 1.5, 1.0, 1.8, 8);

    /**
     * Hand calculation. TestFabrics: one row of 20 one-NIC hosts at x = 3 + 0.6 k, y = 3 (footprint
     * 0.6 x 1.2, so the row spans y 2.4..3.6) and network rack r1-net at x = 15; hall 18.6 x 9 m.
     * Grown by the 1.5 m clearance the row blocks y 0.9..5.1 over the whole usable width, so a new
     * rack (centre y on the lattice 1.0 + 0.6 + 0.3 j) must have y - 0.6 >= 5.1: first free y = 5.8.
     * x lattice: 1.0 + 0.3 + 0.6 i = 1.3, 1.9, ...
     * 8-port switches, two tiers: 5 leaves of 4 hosts (wanted at hosts 0, 4, 8, 12, 16: x = 3, 5.4,
     * 7.8, 10.2, 12.6) and 4 spines. Leaf 1 goes into r1-net (12 m away, within the 15 m radius);
     * leaves 2..5 take the nearest slots x = 5.5, 7.9, 10.3, 12.7 at y = 5.8. Spines are wanted at
     * the leaves' centroid ((15 + 5.5 + 7.9 + 10.3 + 12.7) / 5, (3 + 4 x 5.8) / 5) = (10.28, 5.24):
     * the nearest free slots of row y = 5.8 in turn: 9.7 (1.14 m), 10.9 (1.18), 9.1 (1.74), 11.5 (1.78).
     */
    @Test
    void newRacksTakeTheNearestFreeFloorByHand() {
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("host", 1, 1, 100)), List.of(TestFabrics.switchOf("k8", 8, 100)));
        Facility f = TestFabrics.facility("host", 20, TestFabrics.spec(TopologyType.FAT_TREE, 2, 1.0, "k8"), local);
        CatalogIndex catalog = TestFabrics.index(local);
        FloorPlanner floor = FloorPlanner.of(f, catalog, ONE_PER_RACK);

        FabricSolver.Solved s = new FabricSolver(ONE_PER_RACK)
                .solve(f.network().fabrics().get(0), SiteGeometry.of(f, catalog), catalog, f.workload(), floor)
                .orElseThrow();

        List<NetworkReport.ProposedRack> racks = s.summary().generation().proposedRacks();
        double[][] expected = {
            {5.5, 5.8}, {7.9, 5.8}, {10.3, 5.8}, {12.7, 5.8}, {9.7, 5.8}, {10.9, 5.8}, {9.1, 5.8}, {11.5, 5.8}
        };
        assertThat(racks).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(racks.get(i).onFloor()).isTrue();
            assertThat(racks.get(i).hallId()).isEqualTo("hall");
            assertThat(racks.get(i).xM()).isCloseTo(expected[i][0], within(1e-9));
            assertThat(racks.get(i).yM()).isCloseTo(expected[i][1], within(1e-9));
            assertThat(racks.get(i).switches()).isEqualTo(1);
        }
        assertThat(racks.get(0).switchIds()).containsExactly("fab-leaf-2");
        assertThat(racks.get(4).switchIds()).containsExactly("fab-spine-1");
        assertThat(s.summary().generation().placedInExistingRacks()).isEqualTo(1);
        assertSwitchesStandInTheirRacks(s, racks);
    }

    /** The 100 MW sample: every new rack on free floor, clear of every item and aisle, in rows of its own. */
    @Test
    void hallSampleRacksStandClearOfEverything() {
        Facility f = Samples.HALL_100MW.load();
        CatalogIndex catalog = new CatalogIndex(org.aifactory.twin.model.io.CatalogIo.builtIn(), f.catalog());
        NetworkAssumptions as = NetworkAssumptions.DEFAULT;
        FloorPlanner floor = FloorPlanner.of(f, catalog, as);

        FabricSolver.Solved s = new FabricSolver(as)
                .solve(f.network().fabrics().get(0), SiteGeometry.of(f, catalog), catalog, f.workload(), floor)
                .orElseThrow();

        List<NetworkReport.ProposedRack> racks = s.summary().generation().proposedRacks();
        assertThat(racks).isNotEmpty().allMatch(NetworkReport.ProposedRack::onFloor);
        assertThat(racks.stream().mapToInt(NetworkReport.ProposedRack::switches).sum()
                        + s.summary().generation().placedInExistingRacks())
                .isEqualTo(s.summary().generation().generatedSwitches());
        // What stands on the floor (the overhead busways over the rows take none).
        List<PlacedItem> items = new ArrayList<>(FacilityLayout.items(f, catalog).stream()
                .filter(it -> !FacilityLayout.isOverhead(it, catalog))
                .toList());
        int existing = items.size();
        double c = as.floorClearanceM() - 1e-6;
        for (NetworkReport.ProposedRack r : racks) {
            // the rack grown by the clearance on every side overlaps nothing of the layout
            items.add(new PlacedItem(
                    r.id(),
                    "rack",
                    "network-rack",
                    r.hallId(),
                    r.xM(),
                    r.yM(),
                    0,
                    0.6 + 2 * c,
                    1.2 + 2 * c,
                    2.3,
                    "/proposed"));
        }
        for (int[] pair : OverlapFinder.overlaps(items)) {
            boolean bothProposed = pair[0] >= existing && pair[1] >= existing;
            assertThat(bothProposed)
                    .as(
                            "%s overlaps %s",
                            items.get(pair[0]).id(), items.get(pair[1]).id())
                    .isTrue();
        }
        // new racks among themselves: side by side in a row, or a full aisle apart
        for (int i = 0; i < racks.size(); i++) {
            for (int j = i + 1; j < racks.size(); j++) {
                NetworkReport.ProposedRack a = racks.get(i);
                NetworkReport.ProposedRack b = racks.get(j);
                if (!a.hallId().equals(b.hallId())) {
                    continue;
                }
                double dx = Math.abs(a.xM() - b.xM());
                double dy = Math.abs(a.yM() - b.yM());
                boolean sameRow = dy < 1e-9 && dx > 0.6 - 1e-9;
                boolean apart = dx > 0.6 - 1e-9 || dy > 1.2 + as.newRowAisleM() - 1e-9;
                assertThat(sameRow || apart).as("%s and %s", a.id(), b.id()).isTrue();
            }
        }
        // and inside the walls
        SiteFrame frame = new SiteFrame(f.halls());
        for (NetworkReport.ProposedRack r : racks) {
            var hall = f.halls().stream()
                    .filter(h -> h.id().equals(r.hallId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(r.xM() - 0.3).isGreaterThanOrEqualTo(as.wallClearanceM() - 1e-9);
            assertThat(r.xM() + 0.3).isLessThanOrEqualTo(hall.widthM() - as.wallClearanceM() + 1e-9);
            assertThat(r.siteXM()).isCloseTo(frame.xM(r.hallId(), r.xM()), within(1e-9));
            assertThat(r.siteYM()).isCloseTo(frame.yM(r.hallId(), r.yM()), within(1e-9));
        }
        assertSwitchesStandInTheirRacks(s, racks);
    }

    /** The cable plan measures from the rack a switch went into: its node stands at that rack's site point. */
    private static void assertSwitchesStandInTheirRacks(FabricSolver.Solved s, List<NetworkReport.ProposedRack> racks) {
        Map<String, NetworkReport.ProposedRack> rackOf = new HashMap<>();
        racks.forEach(r -> r.switchIds().forEach(id -> rackOf.put(id, r)));
        FabricGraph g = s.graph();
        int checked = 0;
        for (int i = 0; i < g.nodeCount(); i++) {
            NetworkReport.ProposedRack r = rackOf.get(g.node(i).id());
            if (r != null) {
                assertThat(g.node(i).rackId()).isEqualTo(r.id());
                assertThat(g.node(i).xM()).isCloseTo(r.siteXM(), within(1e-9));
                assertThat(g.node(i).yM()).isCloseTo(r.siteYM(), within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(rackOf.size());
    }
}
