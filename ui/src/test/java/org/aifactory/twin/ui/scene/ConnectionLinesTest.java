package org.aifactory.twin.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Cooling;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.samples.Samples;
import org.aifactory.twin.ui.scene.ConnectionLines.Kind;
import org.aifactory.twin.ui.scene.ConnectionLines.Line;
import org.junit.jupiter.api.Test;

/** Which lines the 3D view draws for the selected racks of the 8-rack scalable unit. */
class ConnectionLinesTest {
    private static final String GPU1 = "hall-1-su-01-gpu-1";
    private static final String NET = "hall-1-su-01-net";
    private final Facility su = Samples.SCALABLE_UNIT.load();

    @Test
    void aLiquidCooledRackHasItsTwoFeedsAndItsCduAnAirCooledRackOnlyItsFeeds() {
        assertThat(ConnectionLines.of(su, List.of(GPU1, NET, "hall-1-su-01-cdu")))
                .containsExactly(
                        new Line(GPU1, "hall-1-su-01-bus-a", Kind.FEED_A),
                        new Line(GPU1, "hall-1-su-01-bus-b", Kind.FEED_B),
                        new Line(GPU1, "hall-1-su-01-cdu", Kind.COOLING),
                        new Line(NET, "hall-1-su-01-bus-a", Kind.FEED_A),
                        new Line(NET, "hall-1-su-01-bus-b", Kind.FEED_B));
        assertThat(ConnectionLines.of(su, List.of())).isEmpty();
    }

    @Test
    void anInRackCduIsReachedAtItsHostRackAndTheHostDrawsNoLineToItself() {
        Cdu placed = su.cooling().cdus().get(0);
        Cdu inRack = new Cdu(placed.id(), placed.type(), null, GPU1, placed.facilityLoopId());
        Cooling c = su.cooling();
        Facility f = new Facility(
                su.formatVersion(),
                su.site(),
                su.halls(),
                su.rows(),
                su.racks(),
                su.power(),
                new Cooling(List.of(inRack), c.loops(), c.facilityLoops(), c.heatRejection(), c.airHandlers()),
                su.network(),
                su.workload(),
                su.catalog());
        assertThat(ConnectionLines.of(f, List.of("hall-1-su-01-gpu-2")))
                .contains(new Line("hall-1-su-01-gpu-2", GPU1, Kind.COOLING));
        assertThat(ConnectionLines.of(f, List.of(GPU1))).noneMatch(l -> l.kind() == Kind.COOLING);
    }

    @Test
    void aFeedCIsItsOwnKindWithItsOwnColourAndSpotOnTheRack() {
        Facility f = su.withRacks(su.racks().stream()
                .map(r -> r.id().equals(GPU1)
                        ? r.withFeeds(List.of(
                                new RackFeed(FeedSide.A, "hall-1-su-01-bus-a"),
                                new RackFeed(FeedSide.C, "hall-1-spine-bus-a")))
                        : r)
                .toList());
        assertThat(ConnectionLines.of(f, List.of(GPU1)))
                .containsExactly(
                        new Line(GPU1, "hall-1-su-01-bus-a", Kind.FEED_A),
                        new Line(GPU1, "hall-1-spine-bus-a", Kind.FEED_C),
                        new Line(GPU1, "hall-1-su-01-cdu", Kind.COOLING));
        // Four kinds, four colours, four spots on the rack's top.
        assertThat(java.util.Arrays.stream(Kind.values()).map(Kind::colour).distinct())
                .hasSize(4);
        assertThat(java.util.Arrays.stream(Kind.values())
                        .map(k -> k.u() + "," + k.v())
                        .distinct())
                .hasSize(4);
        assertThat(Kind.of(FeedSide.C)).isEqualTo(Kind.FEED_C);
    }
}
