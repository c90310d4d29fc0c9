package org.aifactory.twin.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moving placed items other than racks, the plan's arrow-key nudge and typed positions, on the
 * 8-rack scalable unit. Its hall-1 CDU (coolit-chx2000, 0.75 m x 1.2 m) stands at x = 3.375 m, so
 * it spans x 3.0..3.75 m and touches the first rack (0.6 m wide at x = 4.05 m: 3.75..4.35 m); the
 * cooling towers (8 m x 8 m) stand in the yard at y = 33.5 m and 43.5 m, 2 m apart.
 */
class PlacementEditsTest {
    private static final String CDU = "hall-1-su-01-cdu";
    private static final String TOWER = "hall-1-ct-01";
    private Facility original;
    private DesignerDocument doc;

    @BeforeEach
    void setUp() {
        original = Samples.SCALABLE_UNIT.load();
        doc = new DesignerDocument(original, CatalogIo.builtIn());
    }

    private Placement at(String id) {
        return Elements.find(doc.facility(), id).map(Elements::placement).orElseThrow();
    }

    @Test
    void aNudgeMovesByExactlyTheStepUnsnappedAsOneUndoStep() {
        Placement before = at(CDU);
        EditResult r = doc.nudgeItems(List.of(CDU), -0.1, 0);
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("Move " + CDU + " by (-0.1, 0) m");
        // 3.375 - 0.1 = 3.275: not a multiple of the 0.6 m grid, so nothing snapped it.
        assertThat(at(CDU)).isEqualTo(new Placement("hall-1", 3.275, 7.0, 0.0));
        assertThat(doc.undo()).isTrue();
        assertThat(at(CDU)).isEqualTo(before);
        assertThat(doc.facility()).isSameAs(original);
    }

    @Test
    void aNudgeIntoTheRackIsRefusedWithTheMoveMessageAndNotStored() {
        // +0.1 m: the CDU's right edge goes to 3.85 m, 0.1 m into the first rack.
        EditResult r = doc.nudgeItems(List.of(CDU), 0.1, 0);
        assertThat(r.applied()).isFalse();
        assertThat(r.message())
                .startsWith("Move " + CDU + " by (0.1, 0) m refused")
                .contains("overlaps");
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).isFalse();
    }

    /** A group of a yard item and a hall item has no common coordinates: moving it is refused, naming both places. */
    @Test
    void aGroupSpanningTheYardAndAHallIsRefusedNamingBoth() {
        String yardItem = original.power().nodes().stream()
                .filter(n -> n.placement() != null && n.placement().hallId() == null)
                .findFirst()
                .orElseThrow()
                .id();
        EditResult r = doc.moveItems(List.of(CDU, yardItem), "hall-1", 3.375, 9.4);
        assertThat(r.applied()).isFalse();
        assertThat(r.message())
                .isEqualTo("Move refused: the selection spans hall-1 and the yard; move the items of each separately");
        assertThat(doc.facility()).isSameAs(original);
        // Each on its own still moves.
        assertThat(doc.moveItems(List.of(CDU), "hall-1", 3.375, 9.4).applied()).isTrue();
    }

    /**
     * Steps of a held arrow key join one undo step while that run is the last edit and the items
     * are the same; another edit in between, or other items, starts a new step.
     */
    @Test
    void heldKeyStepsJoinOneUndoStepOnlyWhileTheRunIsTheLastEditOfTheSameItems() {
        assertThat(doc.nudgeItems(List.of(CDU), 0, 0.6, true).applied()).isTrue();
        assertThat(doc.nudgeItems(List.of(CDU), 0, 0.6, true).applied()).isTrue();
        assertThat(doc.nudgeItems(List.of(CDU), 0, 0.6, true).applied()).isTrue();
        assertThat(at(CDU).yM()).isCloseTo(7.0 + 3 * 0.6, within(1e-9));
        assertThat(doc.undoLabel()).contains("Move " + CDU + " by (0, 1.8) m");
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).isFalse();

        // Not joined: the first step of a run (joinPrevious false), and a step of other items.
        assertThat(doc.nudgeItems(List.of(CDU), 0, 0.6, false).applied()).isTrue();
        String rack = original.racks().get(0).id();
        assertThat(doc.nudgeItems(List.of(rack), 0, -0.6, true).applied()).isTrue();
        assertThat(doc.undoLabel()).contains("Move " + rack + " by (0, -0.6) m");
        assertThat(doc.undo()).isTrue();
        assertThat(doc.undoLabel()).contains("Move " + CDU + " by (0, 0.6) m");
        // The run's last edit is gone (undone): a joining step now starts a new one.
        assertThat(doc.undo()).isTrue();
        assertThat(doc.nudgeItems(List.of(CDU), 0, 0.6, true).applied()).isTrue();
        assertThat(doc.undoLabel()).contains("Move " + CDU + " by (0, 0.6) m");
    }

    @Test
    void aGroupNudgeMovesEveryItemByTheSameStepKeepsRowsAndUndoesInOneStep() {
        List<String> ids =
                List.of(original.racks().get(0).id(), original.racks().get(1).id(), CDU);
        EditResult r = doc.nudgeItems(ids, 0, -0.6);
        assertThat(r.applied()).as(r.message()).isTrue();
        for (String id : ids) {
            Placement was = Elements.find(original, id).map(Elements::placement).orElseThrow();
            // Positions are rounded to a micrometre (4.6499999999999995 is stored as 4.65).
            assertThat(at(id).xM()).isCloseTo(was.xM(), within(1e-6));
            assertThat(at(id).yM()).isEqualTo(7.0 - 0.6);
        }
        Rack moved = doc.rack(ids.get(0)).orElseThrow();
        assertThat(moved.rowId()).isEqualTo(original.racks().get(0).rowId());
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).isFalse();
    }

    @Test
    void snapItemIsWhereMoveItemsPutsACduAndATowerInTheYard() {
        // In the hall, a CDU snaps to the 0.6 m grid: 2.05 -> 1.8 (3 x 0.6), 3.95 -> 4.2 (7 x 0.6).
        DesignerDocument.Snap s = doc.snapItem(CDU, "hall-1", 2.05, 3.95).orElseThrow();
        assertThat(s.xM()).isEqualTo(1.8);
        assertThat(s.yM()).isEqualTo(4.2);
        EditResult r = doc.moveItems(List.of(CDU), "hall-1", 2.05, 3.95);
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(at(CDU)).isEqualTo(new Placement("hall-1", 1.8, 4.2, 0.0));

        // In the yard (no hall), site coordinates on the same grid: 20.1 -> 20.4 (34 x 0.6), 33.4 -> 33.6 (56 x 0.6).
        DesignerDocument.Snap t = doc.snapItem(TOWER, null, 20.1, 33.4).orElseThrow();
        assertThat(t.xM()).isEqualTo(20.4);
        assertThat(t.yM()).isEqualTo(33.6);
        assertThat(doc.moveItems(List.of(TOWER), null, 20.1, 33.4).applied()).isTrue();
        assertThat(at(TOWER)).isEqualTo(new Placement(null, 20.4, 33.6, 0.0));
        assertThat(doc.snapItem("no-such-item", "hall-1", 1, 1)).isEmpty();
    }

    @Test
    void aRackMovedIntoTheYardIsRefused() {
        String rack = original.racks().get(0).id();
        EditResult r = doc.moveItems(List.of(rack), null, 20.1, 0.1);
        // The plan drops a rack in the yard like anything else; the document's rule refuses it, as 3D does.
        assertThat(r.applied()).isFalse();
        assertThat(r.message()).isEqualTo("Move rack " + rack + " refused: a rack must stand in a hall (" + rack + ")");
        assertThat(doc.facility()).isSameAs(original);
    }

    @Test
    void aTowerMovedOntoTheOtherIsRefused() {
        // ct-02 spans y 39.5..47.5; ct-01 at y = 37.2 would span 33.2..41.2.
        EditResult r = doc.moveItems(List.of(TOWER), null, 4.0, 37.2);
        assertThat(r.applied()).isFalse();
        assertThat(r.message()).contains("refused").contains("overlaps");
        assertThat(doc.facility()).isSameAs(original);
    }

    @Test
    void everyPlacedItemHasTypeablePositionsValidatedAsTyped() {
        assertThat(doc.editableFields(CDU)).containsExactly("placement.xM", "placement.yM", "placement.rotationDeg");
        assertThat(doc.editableFields(TOWER)).containsExactly("placement.xM", "placement.yM", "placement.rotationDeg");
        assertThat(doc.editableFields("hall-1-ahu-01")).contains("placement.xM", "placement.yM");
        // Placed power equipment gets its position on top of its own fields; a UPS without a placement does not.
        assertThat(doc.editableFields("hall-1-blk-01-tx-a")).contains("ratingKw", "placement.xM", "placement.yM");
        assertThat(doc.editableFields("hall-1-blk-01-ups-a")).doesNotContain("placement.xM");

        assertThat(doc.checkProperty(CDU, "placement.xM", "abc").message())
                .isEqualTo("placement.xM: 'abc' is not a number");
        assertThat(doc.checkProperty(CDU, "placement.xM", "3.5").message()).contains("overlaps");
        assertThat(doc.checkProperty(CDU, "placement.xM", "2.5").applied()).isTrue();
        assertThat(doc.facility()).isSameAs(original);

        EditResult r = doc.setProperty(CDU, "placement.yM", "4.35");
        assertThat(r.applied()).as(r.message()).isTrue();
        Cdu cdu = doc.facility().cooling().cdus().get(0);
        assertThat(cdu.placement()).isEqualTo(new Placement("hall-1", 3.375, 4.35, 0.0));
        assertThat(cdu.hostRackId()).isEqualTo(original.cooling().cdus().get(0).hostRackId());
        assertThat(cdu.facilityLoopId())
                .isEqualTo(original.cooling().cdus().get(0).facilityLoopId());

        EditResult tx = doc.setProperty("hall-1-blk-01-tx-a", "placement.xM", "-2.5");
        assertThat(tx.applied()).as(tx.message()).isTrue();
        PowerNode node = doc.powerNode("hall-1-blk-01-tx-a").orElseThrow();
        PowerNode was = original.power().nodes().stream()
                .filter(n -> n.id().equals(node.id()))
                .findFirst()
                .orElseThrow();
        assertThat(node.placement().xM()).isEqualTo(-2.5);
        assertThat(node.ratingKw()).isEqualTo(was.ratingKw());
        assertThat(node.inputs()).isEqualTo(was.inputs());
        HeatRejectionUnit tower = doc.facility().cooling().heatRejection().get(0);
        assertThat(tower).isEqualTo(original.cooling().heatRejection().get(0));

        assertThat(doc.undo()).isTrue();
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(original);
    }
}
