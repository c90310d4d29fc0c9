package org.aifactory.twin.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting racks to feeds and cooling loops, on the 8-rack scalable unit: its 8 GPU racks and
 * the network rack are fed A from hall-1-su-01-bus-a and B from hall-1-su-01-bus-b, the spine
 * rack from hall-1-spine-bus-a/-b; the 8 GPU racks are on loop hall-1-su-01-loop, whose CDU
 * stands at (3.375, 7.0) m in hall-1; GPU rack 1 at (4.05, 7.0) m and rack 2 at (4.65, 7.0) m.
 */
class ConnectTest {
    private static final String GPU1 = "hall-1-su-01-gpu-1";
    private static final String GPU2 = "hall-1-su-01-gpu-2";
    private static final String GPU3 = "hall-1-su-01-gpu-3";
    private static final String BUS_A = "hall-1-su-01-bus-a";
    private static final String BUS_B = "hall-1-su-01-bus-b";
    private static final String SPINE_A = "hall-1-spine-bus-a";
    private static final String LOOP = "hall-1-su-01-loop";

    private Facility original;
    private DesignerDocument doc;

    @BeforeEach
    void setUp() {
        original = Samples.SCALABLE_UNIT.load();
        doc = new DesignerDocument(original, CatalogIo.builtIn());
    }

    private List<RackFeed> feeds(String id) {
        return doc.rack(id).orElseThrow().feeds();
    }

    @Test
    void feedASetsEverySelectedRackInOneUndoStepAndKeepsTheBFeeds() {
        EditResult r = doc.connectFeed(List.of(GPU1, GPU2), FeedSide.A, SPINE_A);

        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Connect feed A of 2 racks to " + SPINE_A);
        assertThat(r.affectedIds()).containsExactly(GPU1, GPU2);
        for (String id : List.of(GPU1, GPU2)) {
            assertThat(feeds(id)).containsExactly(new RackFeed(FeedSide.A, SPINE_A), new RackFeed(FeedSide.B, BUS_B));
        }
        // Racks not selected keep their feeds (the very same record).
        assertThat(doc.rack(GPU3)).containsSame(original.racks().get(2));
        assertThat(doc.undoLabel()).contains("Connect feed A of 2 racks to " + SPINE_A);
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).as("one edit, one undo step").isFalse();
        assertThat(doc.redo()).isTrue();
        assertThat(feeds(GPU2)).containsExactly(new RackFeed(FeedSide.A, SPINE_A), new RackFeed(FeedSide.B, BUS_B));
    }

    @Test
    void feedBOnARackWithoutFeedsIsAddedAndOtherSelectedItemsAreLeftOut() {
        EditResult added = doc.addRack("gb200-nvl72", "hall-1", 1.8, 3.6);
        assertThat(added.applied()).as(added.message()).isTrue();
        String fresh = added.affectedIds().get(0);
        assertThat(feeds(fresh)).isEmpty();
        Facility afterAdd = doc.facility();

        // The CDU in the selection is not a rack: it is left out, not refused.
        EditResult r = doc.connectFeed(List.of("hall-1-su-01-cdu", fresh), FeedSide.B, BUS_B);
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Connect feed B of rack " + fresh + " to " + BUS_B);
        assertThat(feeds(fresh)).containsExactly(new RackFeed(FeedSide.B, BUS_B));
        // And then side A goes before it.
        assertThat(doc.connectFeed(List.of(fresh), FeedSide.A, BUS_A).applied()).isTrue();
        assertThat(feeds(fresh)).containsExactly(new RackFeed(FeedSide.A, BUS_A), new RackFeed(FeedSide.B, BUS_B));
        doc.undo();
        doc.undo();
        assertThat(doc.facility()).isSameAs(afterAdd);
    }

    @Test
    void badChoicesAreRefusedWithAMessageAndChangeNothing() {
        assertRefused(
                doc.connectFeed(List.of(GPU1), FeedSide.A, "hall-1-blk-01-tx-a"),
                "racks are fed from a busway or PDU, not from transformer 'hall-1-blk-01-tx-a'");
        assertRefused(
                doc.connectFeed(List.of(GPU1), FeedSide.B, "hall-1-blk-01-ups-b"),
                "not from ups 'hall-1-blk-01-ups-b'");
        assertRefused(
                doc.connectFeed(List.of(GPU1), FeedSide.A, "no-such-bus"),
                "'no-such-bus' is not a node of the power chain");
        assertRefused(doc.connectFeed(List.of(GPU1), FeedSide.A, " "), "choose a busway or PDU");
        assertRefused(doc.connectFeed(List.of("hall-1-su-01-cdu"), FeedSide.A, BUS_A), "select one or more racks");
        assertRefused(doc.connectFeed(List.of(GPU1, GPU2), FeedSide.A, BUS_A), "already feeds side A of all 2 racks");
        assertRefused(
                doc.connectCoolingLoop(List.of(GPU1), "hall-1-fw"),
                "'hall-1-fw' is not a secondary cooling loop of the facility");
        assertRefused(doc.connectCoolingLoop(List.of(), LOOP), "select one or more racks");
        assertRefused(doc.connectCoolingLoop(List.of(GPU1), LOOP), "rack " + GPU1 + " is on cooling loop");
    }

    private void assertRefused(EditResult r, String expected) {
        assertThat(r.applied()).isFalse();
        assertThat(r.message()).contains(expected);
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).isFalse();
    }

    @Test
    void coolingLoopIsSetOnEverySelectedRackInOneStepAndFeedsStay() {
        EditResult added = doc.addRow("gb200-nvl72", "hall-1", 1.8, 3.6, 3);
        assertThat(added.applied()).as(added.message()).isTrue();
        Facility afterAdd = doc.facility();

        EditResult r = doc.connectCoolingLoop(added.affectedIds(), LOOP);

        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Connect 3 racks to cooling loop " + LOOP);
        for (String id : added.affectedIds()) {
            Rack rack = doc.rack(id).orElseThrow();
            assertThat(rack.coolingLoopId()).isEqualTo(LOOP);
            assertThat(rack.feeds()).isEmpty();
        }
        doc.undo();
        assertThat(doc.facility()).isSameAs(afterAdd);
    }

    @Test
    void candidatesListOnlyBuswaysAndPdusWithRatingAndRackCountAndLoopsByDistance() {
        List<ConnectCandidate> feeds = doc.feedCandidates(List.of(GPU1, GPU2), FeedSide.A);
        // The four busways, none of the transformers, UPSs or switchgear, nearest first. The sample hangs
        // them along their row: the SU's A and B runs centred at x = 6.075 m, 0.8 m either side of the row
        // line y = 7.0 m; the spine's at x = 9.45 m. From the centre of racks 1 and 2, (4.35, 7.0) m:
        // hypot(1.725, 0.8) = 1.901 m to either SU run (a tie, so by id), hypot(5.1, 0.8) = 5.162 m to the spine's.
        assertThat(feeds)
                .extracting(ConnectCandidate::id)
                .containsExactly(BUS_A, BUS_B, "hall-1-spine-bus-a", "hall-1-spine-bus-b");
        ConnectCandidate busA = feeds.get(0);
        assertThat(busA.kind()).isEqualTo("busway");
        assertThat(busA.ratingKw()).isEqualTo(1093.0);
        // 8 GPU racks + the network rack.
        assertThat(busA.racksServed()).isEqualTo(9);
        assertThat(feeds.get(2).racksServed()).isEqualTo(1);
        assertThat(busA.distanceM()).isCloseTo(Math.hypot(1.725, 0.8), within(1e-9));
        assertThat(feeds.get(2).distanceM()).isCloseTo(Math.hypot(5.1, 0.8), within(1e-9));
        assertThat(busA.label())
                .isEqualTo(BUS_A
                        + ": busway, 1,093 kW rating, feeds 9 racks, 1.9 m from the selection (now: all selected)");
        // Bus B feeds both selected racks too, but on side B: not "now" for side A.
        assertThat(feeds.get(1).selectedOnIt()).isZero();
        assertThat(doc.feedCandidates(List.of(GPU1, "hall-1-spine-rack-1"), FeedSide.B).stream()
                        .filter(c -> c.id().equals(BUS_B))
                        .findFirst()
                        .orElseThrow()
                        .label())
                .endsWith("(now: 1 of 2 selected)");

        List<ConnectCandidate> loops = doc.coolingLoopCandidates(List.of(GPU1, GPU2));
        assertThat(loops).hasSize(1);
        ConnectCandidate loop = loops.get(0);
        assertThat(loop.cduId()).isEqualTo("hall-1-su-01-cdu");
        assertThat(loop.racksServed()).isEqualTo(8);
        // Centre of racks 1 and 2: x = (4.05 + 4.65) / 2 = 4.35 m; the CDU at 3.375 m on the same line: 0.975 m.
        assertThat(loop.distanceM()).isCloseTo(0.975, within(1e-9));
        assertThat(loop.label())
                .isEqualTo(LOOP
                        + ": cooling loop, CDU hall-1-su-01-cdu, cools 8 racks, 1.0 m from the selection (now: all"
                        + " selected)");
    }

    @Test
    void feedCIsAddedAfterAAndBForDistributedRedundancy() {
        EditResult r = doc.connectFeed(List.of(GPU1), FeedSide.C, SPINE_A);

        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Connect feed C of rack " + GPU1 + " to " + SPINE_A);
        assertThat(feeds(GPU1))
                .containsExactly(
                        new RackFeed(FeedSide.A, BUS_A),
                        new RackFeed(FeedSide.B, BUS_B),
                        new RackFeed(FeedSide.C, SPINE_A));
        doc.undo();
        assertThat(doc.facility()).isSameAs(original);
    }

    @Test
    void disconnectTakesOneSideOrTheLoopOffEverySelectedRackInOneStep() {
        EditResult r = doc.disconnectFeed(List.of(GPU1, GPU2, "hall-1-su-01-cdu"), FeedSide.A);

        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Disconnect feed A of 2 racks");
        assertThat(r.affectedIds()).containsExactly(GPU1, GPU2);
        assertThat(feeds(GPU1)).containsExactly(new RackFeed(FeedSide.B, BUS_B));
        assertThat(doc.rack(GPU1).orElseThrow().coolingLoopId()).isEqualTo(LOOP);
        assertThat(doc.rack(GPU3)).containsSame(original.racks().get(2));
        Facility afterA = doc.facility();

        EditResult loop = doc.disconnectCoolingLoop(List.of(GPU1));
        assertThat(loop.applied()).as(loop.message()).isTrue();
        assertThat(loop.message()).isEqualTo("Disconnect cooling loop of rack " + GPU1);
        assertThat(doc.rack(GPU1).orElseThrow().coolingLoopId()).isNull();
        assertThat(feeds(GPU1)).containsExactly(new RackFeed(FeedSide.B, BUS_B));

        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(afterA);
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).as("two edits, two undo steps").isFalse();
    }

    @Test
    void disconnectingWhatIsNotThereIsRefused() {
        assertRefused(doc.disconnectFeed(List.of(GPU1, GPU2), FeedSide.C), "none of the 2 racks has a feed on side C");
        assertRefused(doc.disconnectFeed(List.of("hall-1-su-01-cdu"), FeedSide.A), "select one or more racks");
        // The network rack is air cooled: on no loop.
        assertRefused(
                doc.disconnectCoolingLoop(List.of("hall-1-su-01-net")),
                "rack hall-1-su-01-net is not on a cooling loop");
    }

    @Test
    void dropOntoABuswayTakesEachRacksFirstFreeSideAndNeverTwoSidesFromOneSource() {
        EditResult added = doc.addRow("gb200-nvl72", "hall-1", 1.8, 3.6, 2);
        List<String> fresh = added.affectedIds();
        // GPU1 has A and B: it gets C. The two new racks have nothing: they get A.
        List<String> ids = List.of(GPU1, fresh.get(0), fresh.get(1));
        EditResult r = doc.connectFeedToFirstFreeSide(ids, SPINE_A);
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Connect 3 racks to " + SPINE_A + " (feed A, C)");
        assertThat(feeds(GPU1)).endsWith(new RackFeed(FeedSide.C, SPINE_A));
        assertThat(feeds(fresh.get(0))).containsExactly(new RackFeed(FeedSide.A, SPINE_A));
        Facility afterFirst = doc.facility();

        // Onto the second spine busway: the new racks get B; GPU1 has all three sides taken and is left out.
        EditResult second = doc.connectFeedToFirstFreeSide(ids, "hall-1-spine-bus-b");
        assertThat(second.applied()).as(second.message()).isTrue();
        assertThat(second.message())
                .isEqualTo("Connect 2 racks to hall-1-spine-bus-b (feed B); rack " + GPU1
                        + " left out: feeds A, B and C all taken");
        assertThat(feeds(fresh.get(1)))
                .containsExactly(new RackFeed(FeedSide.A, SPINE_A), new RackFeed(FeedSide.B, "hall-1-spine-bus-b"));
        doc.undo();
        assertThat(doc.facility()).isSameAs(afterFirst);

        // Onto the same busway again: it feeds all of them already.
        EditResult again = doc.connectFeedToFirstFreeSide(ids, SPINE_A);
        assertThat(again.applied()).isFalse();
        assertThat(again.message()).isEqualTo("Nothing to connect: '" + SPINE_A + "' already feeds all 3 racks");
        assertThat(doc.facility()).isSameAs(afterFirst);
    }

    @Test
    void dropOntoSomethingThatCannotFeedOrCoolIsRefusedByTheChoosersRules() {
        assertRefused(
                doc.connectFeedToFirstFreeSide(List.of(GPU1), "hall-1-blk-01-ups-a"),
                "racks are fed from a busway or PDU, not from ups 'hall-1-blk-01-ups-a'");
        assertRefused(
                doc.connectFeedToFirstFreeSide(List.of(GPU1), BUS_A), "'" + BUS_A + "' already feeds rack " + GPU1);
        assertRefused(doc.connectCoolingLoopOfCdu(List.of(GPU1), GPU2), "'" + GPU2 + "' is not a CDU");
        assertThat(doc.cduAt("hall-1-su-01-cdu")).contains("hall-1-su-01-cdu");
        assertThat(doc.cduAt(GPU2)).isEmpty();
        // The CDU's loop is the one the chooser offers.
        EditResult added = doc.addRack("gb200-nvl72", "hall-1", 1.8, 3.6);
        EditResult r = doc.connectCoolingLoopOfCdu(added.affectedIds(), "hall-1-su-01-cdu");
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(doc.rack(added.affectedIds().get(0)).orElseThrow().coolingLoopId())
                .isEqualTo(LOOP);
    }
}
