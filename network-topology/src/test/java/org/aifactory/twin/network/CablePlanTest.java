package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aifactory.twin.model.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * Routed lengths and cable choice, by hand. Default allowances: port 1.2 m high in a 2.3 m rack,
 * 0.5 m inside the rack per end, tray at 3.0 m, 10 % slack; built-in cables DAC 2 m, LACC 5 m,
 * AOC 30 m, SR8 50 m, DR8 100 m, 2xFR4 2 km.
 */
class CablePlanTest {

    private static final NetworkAssumptions AS = NetworkAssumptions.DEFAULT;

    /** A GB200-like rack: 72 NICs of 400 Gb/s (100G-PAM4 lanes: every medium serves it). */
    private static FabricGraph.Node rack(String id, String row, double x, double y) {
        return rack(id, row, x, y, 400);
    }

    private static FabricGraph.Node rack(String id, String row, double x, double y, double nicGbps) {
        return new FabricGraph.Node(
                id, FabricGraph.Role.ENDPOINT, 0, 72, nicGbps, 72, null, id, row, "hall", x, y, 2.3, false);
    }

    private static FabricGraph.Node leaf(String id, String rack, String row, double x, double y) {
        return new FabricGraph.Node(
                id, FabricGraph.Role.SWITCH, 1, 144, 800, 0, "quantum-x800-q3400", rack, row, "hall", x, y, 2.3, false);
    }

    @Test
    void routesOverRackTopsInARowAndThroughTraysAcrossRows() {
        FabricGraph g = new FabricGraph();
        int r1 = g.addNode(rack("r1", "row-1", 0, 0));
        int sameRack = g.addNode(leaf("l-in-r1", "r1", "row-1", 0, 0));
        int nextRack = g.addNode(leaf("l-next", "net-1", "row-1", 0.6, 0));
        int otherRow = g.addNode(leaf("l-row2", "net-2", "row-2", 0, 3));
        int far = g.addNode(leaf("l-far", "net-3", "row-9", 40, 0));
        int veryFar = g.addNode(leaf("l-vfar", "net-4", "row-9", 100, 0));
        int tooFar = g.addNode(leaf("l-toofar", "net-5", "row-9", 2500, 0));
        g.addBundle(r1, sameRack, 1, null, false);
        g.addBundle(r1, nextRack, 1, null, false);
        g.addBundle(r1, otherRow, 2, null, false);
        g.addBundle(r1, far, 1, null, false);
        g.addBundle(r1, veryFar, 1, null, false);
        g.addBundle(r1, tooFar, 1, null, false);
        g.addBundle(r1, nextRack, 1, "dac-800g", false); // named type that does not reach

        CablePlan plan = CablePlan.plan(g, TestFabrics.index(Catalog.EMPTY), AS);

        // same rack: the fixed in-rack length
        assertThat(plan.lengthM(0)).isCloseTo(1.0, within(1e-9));
        assertThat(plan.type(0).id()).isEqualTo("dac-800g");
        // same row: (0.6 + 2 x (2.3 - 1.2 + 0.5)) x 1.1 = 4.18 m -> active copper
        assertThat(plan.lengthM(1)).isCloseTo(4.18, within(1e-9));
        assertThat(plan.type(1).id()).isEqualTo("lacc-800g");
        // next row: (3.0 + 2 x (1.1 + 0.5 + 0.7)) x 1.1 = 8.36 m -> AOC
        assertThat(plan.lengthM(2)).isCloseTo(8.36, within(1e-9));
        assertThat(plan.type(2).id()).isEqualTo("aoc-800g");
        // 40 m away: (40 + 4.6) x 1.1 = 49.06 m -> SR8 multimode (50 m)
        assertThat(plan.lengthM(3)).isCloseTo(49.06, within(1e-9));
        assertThat(plan.type(3).id()).isEqualTo("osfp-sr8-800g");
        // 100 m: 115.06 m -> beyond DR8's 100 m -> 2xFR4
        assertThat(plan.type(4).id()).isEqualTo("osfp-2xfr4-800g");
        // 2.5 km: nothing reaches; the DAC named for a 4.18 m run does not either
        assertThat(plan.type(5)).isNull();
        assertThat(plan.tooLong()).extracting(CablePlan.TooLong::bundle).containsExactly(5, 6);

        // power: copper and AOC ends 2 x (0.1 DAC + 1.5 LACC + 2 x 3 AOC + 0.1 named DAC) W; optics per module:
        // SR8 (2 x 400G, 15 W): the NIC's single-port module 15 x 400/800 = 7.5 W, the leaf's twin-port module 15 W;
        // 2xFR4 (18 W): 9 W + 18 W
        assertThat(plan.powerW()).isCloseTo(2 * (0.1 + 1.5 + 2 * 3.0 + 0.1) + 7.5 + 15 + 9 + 18, within(1e-9));
        assertThat(plan.transceivers()).isEqualTo(4);
        // BOM: standard lengths, counts add up to the links
        assertThat(plan.lines())
                .contains(
                        new NetworkReport.CableLine("dac-800g", 1.0, 1),
                        new NetworkReport.CableLine("lacc-800g", 5.0, 1),
                        new NetworkReport.CableLine("aoc-800g", 10.0, 2),
                        new NetworkReport.CableLine("osfp-sr8-800g", 50.0, 1),
                        new NetworkReport.CableLine("osfp-2xfr4-800g", 150.0, 1));
        assertThat(plan.lines().stream()
                        .mapToLong(NetworkReport.CableLine::count)
                        .sum())
                .isEqualTo(g.linkCount());
    }

    /**
     * 800 Gb/s links run 200G-PAM4 lanes: no DAC, AOC or multimode [P]; twin-port modules at switch
     * ends carry two links each (ceil per switch and type), single-port modules at NIC ends one.
     * r1 (800G NICs) - leaf A in its own rack: 1 link, 1.0 m -> linear active copper, not DAC.
     * r1 - leaf A2 40 m away in another row: 3 links, 49.06 m -> DR8 (single-mode, 100 m), not SR8:
     * 3 NIC modules of 17 x 800/800 = 17 W, ceil(3/2) = 2 twin-port modules at leaf A2 of
     * 17 x 2 x 800/800 = 34 W (a 2 x 800G module at DR8's energy per bit).
     * Leaf B - spine C, 40 m: 4 links -> DR8, 2 twin-port modules at each end, 34 W each.
     * Modules: 3 + 2 + 2 + 2 = 9; power 2 x 1.5 + 3 x 17 + 6 x 34 = 258 W.
     */
    @Test
    void twoHundredGigLanesAndTwinPortModules() {
        FabricGraph g = new FabricGraph();
        int r1 = g.addNode(rack("r1", "row-1", 0, 0, 800));
        int leafA = g.addNode(leaf("l-a", "r1", "row-1", 0, 0));
        int leafA2 = g.addNode(leaf("l-a2", "net-3", "row-9", 40, 0));
        int leafB = g.addNode(leaf("l-b", "net-4", "row-4", 0, 10));
        int spineC = g.addNode(new FabricGraph.Node(
                "s-c",
                FabricGraph.Role.SWITCH,
                2,
                144,
                800,
                0,
                "quantum-x800-q3400",
                "net-5",
                "row-8",
                "hall",
                40,
                10,
                2.3,
                false));
        g.addBundle(r1, leafA, 1, null, false);
        g.addBundle(r1, leafA2, 3, null, false);
        g.addBundle(leafB, spineC, 4, null, false);

        CablePlan plan = CablePlan.plan(g, TestFabrics.index(Catalog.EMPTY), AS);

        assertThat(plan.type(0).id()).isEqualTo("lacc-800g");
        assertThat(plan.type(1).id()).isEqualTo("osfp-dr8-800g");
        assertThat(plan.type(2).id()).isEqualTo("osfp-dr8-800g");
        assertThat(plan.transceivers()).isEqualTo(9);
        assertThat(plan.transceiverLines())
                .containsExactlyInAnyOrder(
                        new NetworkReport.TransceiverLine("osfp-dr8-800g", CablePlan.NIC_END, 3, 0.051),
                        new NetworkReport.TransceiverLine("osfp-dr8-800g", CablePlan.SWITCH_END, 6, 0.204));
        assertThat(plan.powerW()).isCloseTo(2 * 1.5 + 3 * 17 + 6 * 34, within(1e-9));
        // fibres: one per link
        assertThat(plan.lines()).contains(new NetworkReport.CableLine("osfp-dr8-800g", 50.0, 3 + 4));
    }

    @Test
    void standardLengthsRoundUp() {
        assertThat(CablePlan.binLengthM(CablePlan.bin(0.3))).isEqualTo(0.5);
        assertThat(CablePlan.binLengthM(CablePlan.bin(2.0))).isEqualTo(2.0);
        assertThat(CablePlan.binLengthM(CablePlan.bin(2.01))).isEqualTo(2.5);
        assertThat(CablePlan.binLengthM(CablePlan.bin(2001))).isEqualTo(2100);
    }
}
