package org.aifactory.twin.model;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.catalog.Catalog;

/** Small hand-built facilities for tests (shared with other modules through the test-jar). */
public final class TestFacilities {
    private TestFacilities() {}

    /**
     * One hall (10 x 8 m) with {@code racks} GB200 racks in a row along x at y = 4 m, 0.6 m apart,
     * fed 2N from two busways behind one transformer, cooled by one in-row CDU loop.
     */
    public static Facility row(int racks) {
        List<Rack> rackList = new ArrayList<>();
        for (int i = 0; i < racks; i++) {
            rackList.add(new Rack(
                    "rack-" + (i + 1),
                    "gb200-nvl72",
                    "row-1",
                    Placement.inHall("hall-1", 1.5 + 0.6 * i, 4, 0),
                    List.of(new RackFeed(FeedSide.A, "bus-a"), new RackFeed(FeedSide.B, "bus-b")),
                    "loop-1",
                    null));
        }
        List<PowerNode> nodes = List.of(
                node("utility", PowerNodeKind.UTILITY, List.of(), 10_000, 33_000),
                node("tx-1", PowerNodeKind.TRANSFORMER, List.of("utility"), 2_850, 415),
                node("bus-a", PowerNodeKind.BUSWAY, List.of("tx-1"), 1_093, 415),
                node("bus-b", PowerNodeKind.BUSWAY, List.of("tx-1"), 1_093, 415));
        Cooling cooling = new Cooling(
                List.of(new Cdu("cdu-1", "coolit-chx2000", Placement.inHall("hall-1", 0.6, 4, 0), null, "fw-1")),
                List.of(new CoolingLoop("loop-1", "cdu-1", Fluid.PG25, 35, 10, AshraeClass.W40)),
                List.of(new FacilityWaterLoop("fw-1", Fluid.WATER, 30, 10)),
                List.of(new HeatRejectionUnit("dc-1", "dry-cooler-2mw", "fw-1", Placement.inYard(5, -10))),
                List.of());
        return new Facility(
                Facility.FORMAT_VERSION,
                new Site("Test site", 100, 35, 24, 10_000, 80),
                List.of(new Hall("hall-1", "Hall 1", 0, 0, Math.max(10, 2 + 0.6 * racks), 8, 4)),
                List.of(new Row("row-1", "hall-1", "Row 1")),
                rackList,
                new PowerChain(
                        nodes,
                        List.of(new RedundancyGroup("busways", RedundancyScheme.TWO_N, List.of("bus-a", "bus-b")))),
                cooling,
                Network.EMPTY,
                Workload.EMPTY,
                Catalog.EMPTY);
    }

    public static PowerNode node(String id, PowerNodeKind kind, List<String> inputs, double ratingKw, double voltageV) {
        return new PowerNode(id, kind, id, null, null, inputs, ratingKw, voltageV, null, null, null, List.of(), null);
    }
}
