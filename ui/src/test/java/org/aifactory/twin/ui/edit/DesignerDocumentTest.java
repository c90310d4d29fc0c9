package org.aifactory.twin.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editing model without the FX toolkit, on the 8-rack scalable unit (hall 12.75 m x 14 m, row at y = 7 m). */
class DesignerDocumentTest {
    private static final String TYPE = "gb200-nvl72";
    private Facility original;
    private DesignerDocument doc;
    private String rackId;

    @BeforeEach
    void setUp() {
        original = Samples.SCALABLE_UNIT.load();
        doc = new DesignerDocument(original, CatalogIo.builtIn());
        rackId = original.racks().get(0).id();
    }

    private Placement placement(String id) {
        return doc.rack(id).orElseThrow().placement();
    }

    @Test
    void moveSnapsToTheGridAwayFromRowsAndUndoRedoRestoreExactly() {
        Placement before = placement(rackId);
        EditResult r = doc.moveRacks(List.of(rackId), "hall-1", 3.1, 10.95);
        assertThat(r.applied()).as(r.message()).isTrue();
        // 3.1 -> 3.0 and 10.95 -> 10.8: the nearest multiples of 0.6 m.
        assertThat(placement(rackId).xM()).isEqualTo(3.0);
        assertThat(placement(rackId).yM()).isEqualTo(10.8);
        assertThat(doc.isDirty()).isTrue();
        Placement after = placement(rackId);
        assertThat(doc.undo()).isTrue();
        assertThat(placement(rackId)).isEqualTo(before);
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.isDirty()).isFalse();
        assertThat(doc.redo()).isTrue();
        assertThat(placement(rackId)).isEqualTo(after);
    }

    @Test
    void moveNearARowSnapsOntoItsLineAndPitch() {
        Rack last = original.racks().stream()
                .filter(x -> x.rowId() != null)
                .reduce((a, b) -> b)
                .orElseThrow();
        String row = last.rowId();
        Rack first = original.racks().stream()
                .filter(x -> row.equals(x.rowId()))
                .findFirst()
                .orElseThrow();
        double y = first.placement().yM();
        // Past the row's end, 0.7 m off its line: lands on the line, on the row's pitch (phase 4.05 m).
        EditResult r = doc.moveRacks(List.of(first.id()), "hall-1", 10.1, y + 0.7);
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(placement(first.id()).yM()).isEqualTo(y);
        double k = (placement(first.id()).xM() - 4.05) / DesignerDocument.GRID_M;
        assertThat(Math.abs(k - Math.round(k))).isLessThan(1e-6);
    }

    @Test
    void movesOntoAnotherRackOrOutOfTheHallAreRefusedAndNotStored() {
        Placement other = original.racks().get(1).placement();
        EditResult overlap = doc.moveRacks(List.of(rackId), "hall-1", other.xM(), other.yM());
        assertThat(overlap.applied()).isFalse();
        assertThat(overlap.message()).contains("overlaps");
        EditResult outside = doc.moveRacks(List.of(rackId), "hall-1", -3, 2);
        assertThat(outside.applied()).isFalse();
        assertThat(outside.message()).contains("outside hall");
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).isFalse();
    }

    @Test
    void addRotateDeleteAndAddRowAreEachOneUndoableEdit() {
        EditResult add = doc.addRack("gb200-nvl72", "hall-1", 3.0, 11.0);
        assertThat(add.applied()).as(add.message()).isTrue();
        String id = add.affectedIds().get(0);
        assertThat(doc.facility().racks()).hasSize(original.racks().size() + 1);
        assertThat(doc.rotateRacks(List.of(id)).applied()).isTrue();
        assertThat(placement(id).rotationDeg()).isEqualTo(90);
        assertThat(doc.deleteRacks(List.of(id)).applied()).isTrue();
        assertThat(doc.rack(id)).isEmpty();
        EditResult row = doc.addRow("gb200-nvl72", "hall-1", 3.0, 2.4, 4);
        assertThat(row.applied()).as(row.message()).isTrue();
        assertThat(doc.facility().racks()).hasSize(original.racks().size() + 4);
        assertThat(doc.facility().rows()).hasSize(original.rows().size() + 1);
        for (int i = 0; i < 4; i++) {
            doc.undo();
        }
        assertThat(doc.facility()).isSameAs(original);
        assertThat(doc.canUndo()).isFalse();
    }

    @Test
    void propertyEditsOfAPowerNodeKeepItsOtherFields() {
        // the fields the property sheet does not show (standby inputs, loss figures) must survive an edit
        PowerNode ups = original.power().nodes().stream()
                .filter(n -> n.kind() == PowerNodeKind.UPS)
                .findFirst()
                .orElseThrow();
        PowerNode standby = ups.withStandbyInputs(List.of(ups.inputs().get(0)));
        List<PowerNode> nodes = original.power().nodes().stream()
                .map(n -> n == ups ? standby : n)
                .toList();
        Facility f = original.withPower(new PowerChain(nodes, original.power().redundancyGroups()));
        doc = new DesignerDocument(f, CatalogIo.builtIn());

        for (String[] edit :
                new String[][] {{"name", "UPS A1"}, {"voltageV", "480"}, {"efficiency", "0.97"}, {"ratingKw", "1500"}
                }) {
            EditResult r = doc.setProperty(ups.id(), edit[0], edit[1]);
            assertThat(r.applied()).as(edit[0] + ": " + r.message()).isTrue();
        }
        PowerNode edited = doc.powerNode(ups.id()).orElseThrow();
        assertThat(edited.standbyInputs()).containsExactly(ups.inputs().get(0));
        assertThat(edited.efficiencyCurve()).isEqualTo(ups.efficiencyCurve());
        assertThat(edited)
                .extracting(PowerNode::name, PowerNode::voltageV, PowerNode::efficiency, PowerNode::ratingKw)
                .containsExactly("UPS A1", 480.0, 0.97, 1500.0);
    }

    @Test
    void badPropertyValuesAreRefusedWithAMessage() {
        EditResult text = doc.setProperty(rackId, "powerKw", "lots");
        assertThat(text.applied()).isFalse();
        assertThat(text.message()).contains("not a number");
        EditResult negative = doc.setProperty(rackId, "powerKw", "-5");
        assertThat(negative.applied()).isFalse();
        assertThat(negative.message()).contains("must be positive");
        assertThat(doc.checkProperty(rackId, "powerKw", "-5").applied()).isFalse();
        assertThat(doc.facility()).isSameAs(original);
        EditResult ok = doc.setProperty(rackId, "powerKw", "120");
        assertThat(ok.applied()).as(ok.message()).isTrue();
        assertThat(doc.rack(rackId).orElseThrow().powerKw()).isEqualTo(120.0);
        String node = original.power().nodes().get(0).id();
        assertThat(doc.setProperty(node, "ratingKw", "0").applied()).isFalse();
        assertThat(doc.setProperty(node, "ratingKw", "5000").applied()).isTrue();
        assertThat(doc.powerNode(node).orElseThrow().ratingKw()).isEqualTo(5000);
    }

    @Test
    void editsOnTheGigawattCampusAreValidatedInInteractiveTime() {
        Facility campus = new FacilityGenerator(CatalogIo.builtIn()).campus(8000);
        DesignerDocument big = new DesignerDocument(campus, CatalogIo.builtIn());
        String id = campus.racks().get(100).id();
        big.checkProperty(id, "powerKw", "100"); // the first check also validates the facility as opened
        long start = System.nanoTime();
        EditResult r = big.setProperty(id, "powerKw", "101");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.applied()).as(r.message()).isTrue();
        System.getLogger(getClass().getName())
                .log(System.Logger.Level.INFO, "campus edit validated in " + millis + " ms");
        // A generous bound for this 2-core machine: what matters is "a blink", not "seconds".
        assertThat(millis).isLessThan(3_000);
    }

    @Test
    void savingClearsTheDirtyFlag() {
        assertThat(doc.moveRacks(List.of(rackId), "hall-1", 3.0, 10.8).applied())
                .isTrue();
        assertThat(doc.isDirty()).isTrue();
        doc.markSaved();
        assertThat(doc.isDirty()).isFalse();
        doc.undo();
        assertThat(doc.isDirty()).isTrue();
    }

    private List<String> rowRackIds(Facility f, String rowId) {
        return f.racks().stream()
                .filter(r -> rowId.equals(r.rowId()))
                .map(Rack::id)
                .toList();
    }

    @Test
    void pasteGivesFreshIdsANewRowOneAisleBeyondAndUndoesInOneStep() {
        List<String> row = rowRackIds(original, "hall-1-row-01");
        assertThat(row).hasSize(10);
        assertThat(doc.copy(row)).isEqualTo(10);
        EditResult r = doc.paste();
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(r.affectedIds()).hasSize(10).doesNotContainAnyElementsOf(row);
        // The row is 1.2 m deep (rack depth) and the aisle 1.2 m: the copy stands 2.4 m further along y, x unchanged.
        for (int i = 0; i < 10; i++) {
            Placement from = placement(row.get(i));
            Rack copy = doc.rack(r.affectedIds().get(i)).orElseThrow();
            assertThat(copy.placement()).isEqualTo(new Placement("hall-1", from.xM(), 7.0 + 2.4, 0));
            assertThat(copy.type()).isEqualTo(doc.rack(row.get(i)).orElseThrow().type());
            assertThat(copy.rowId()).isEqualTo("hall-1-row-02");
        }
        assertThat(doc.facility().rows()).extracting(x -> x.id()).containsExactly("hall-1-row-01", "hall-1-row-02");
        // Again: 2.4 m further (y = 11.8 m) would hit the fan wall at y = 13 m (1.5 m deep), back at 7 m is the
        // original row, 6.6 m along x leaves the 12.75 m hall either way, 4.8 m further too: 9.4 - 4.8 = 4.6 m is free.
        EditResult again = doc.paste();
        assertThat(again.applied()).as(again.message()).isTrue();
        assertThat(doc.rack(again.affectedIds().get(0))
                        .orElseThrow()
                        .placement()
                        .yM())
                .isEqualTo(4.6, within(1e-9));
        assertThat(doc.undo()).isTrue();
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(original);
    }

    @Test
    void pasteTriesTheOtherSideAndIsRefusedWhenNothingFits() {
        // The fan wall at (5, 13), 1.5 m deep: 1.5 + 1.2 m aisle = 2.7, rounded up to the grid: 3.0 m. Beyond (y = 16
        // m) is
        // outside the 14 m hall, so it goes to the other side: y = 10 m.
        doc.copy(List.of("hall-1-ahu-02"));
        EditResult r = doc.paste();
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(doc.facility().cooling().airHandlers().stream()
                        .filter(a -> a.id().equals(r.affectedIds().get(0)))
                        .findFirst()
                        .orElseThrow()
                        .placement())
                .isEqualTo(new Placement("hall-1", 5.0, 10.0, 180));
        doc.undo();
        // Both fan walls, the CDU and the row span y 0.25 to 13.75 m and x 3.0 to 9.75 m of the 12.75 x 14 m hall:
        // every offset (y by 14.7 m, x by 7.8 m, and twice those) leaves the hall.
        List<String> all = new java.util.ArrayList<>(rowRackIds(original, "hall-1-row-01"));
        all.addAll(List.of("hall-1-su-01-cdu", "hall-1-ahu-01", "hall-1-ahu-02"));
        assertThat(doc.copy(all)).isEqualTo(13);
        EditResult refused = doc.paste();
        assertThat(refused.applied()).isFalse();
        assertThat(refused.message()).startsWith("Paste refused: no free spot").contains("outside hall");
        assertThat(doc.facility()).isSameAs(original);
    }

    @Test
    void deleteAndRotateActOnTheWholeSelectionInOneStep() {
        EditResult added = doc.addRow(TYPE, "hall-1", 1.8, 2.4, 3);
        assertThat(added.applied()).as(added.message()).isTrue();
        Facility withRow = doc.facility();
        EditResult turned = doc.rotateItems(added.affectedIds());
        assertThat(turned.applied()).as(turned.message()).isTrue();
        // Racks at x = 1.8, 2.4, 3.0 m on y = 2.4 m turn together about (2.4, 2.4): (dx, dy) -> (-dy, dx),
        // so they stand at y = 1.8, 2.4, 3.0 m on x = 2.4 m, each turned 90 degrees: a row running along y.
        for (int i = 0; i < 3; i++) {
            assertThat(placement(added.affectedIds().get(i)))
                    .isEqualTo(new Placement("hall-1", 2.4, 1.8 + 0.6 * i, 90));
        }
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(withRow);
        EditResult deleted = doc.deleteItems(added.affectedIds());
        assertThat(deleted.applied()).as(deleted.message()).isTrue();
        assertThat(doc.facility().racks()).hasSize(original.racks().size());
        assertThat(doc.undo()).isTrue();
        assertThat(doc.facility()).isSameAs(withRow);
    }

    @Test
    void alignMovesTheSelectedRacksOfEachRowAsAGroup() {
        EditResult added = doc.addRow(TYPE, "hall-1", 1.8, 2.4, 3);
        assertThat(added.applied()).as(added.message()).isTrue();
        List<String> row1 = rowRackIds(original, "hall-1-row-01");
        List<String> both = new java.util.ArrayList<>(added.affectedIds());
        both.addAll(row1);
        // Right ends: row 1 ends at 9.45 + 0.3 = 9.75 m, the new row at 3.0 + 0.3 = 3.3 m: the new row moves 6.45 m.
        EditResult r = doc.align(both, DesignerDocument.Alignment.ENDS);
        assertThat(r.applied()).as(r.message()).isTrue();
        assertThat(placement(added.affectedIds().get(0)).xM()).isEqualTo(1.8 + 6.45, within(1e-9));
        assertThat(placement(added.affectedIds().get(2)).xM()).isEqualTo(3.0 + 6.45, within(1e-9));
        assertThat(placement(row1.get(0))).isEqualTo(original.racks().get(0).placement());
        // Centres on the first selected group (the new row, now 7.95 to 9.75 m, centre 8.85 m): row 1 (3.75 to
        // 9.75 m, centre 6.75 m) moves 2.1 m as a whole, its first rack from 4.05 to 6.15 m.
        EditResult centre = doc.align(both, DesignerDocument.Alignment.CENTRE);
        assertThat(centre.applied()).as(centre.message()).isTrue();
        assertThat(placement(row1.get(0)).xM()).isEqualTo(6.15, within(1e-9));
        assertThat(placement(added.affectedIds().get(0)).xM()).isEqualTo(8.25, within(1e-9));
        Facility centred = doc.facility();
        assertThat(doc.align(both, DesignerDocument.Alignment.CENTRE).applied())
                .as("already aligned")
                .isFalse();
        assertThat(doc.align(row1, DesignerDocument.Alignment.LEFT).applied())
                .as("one row only")
                .isFalse();
        assertThat(doc.facility()).isSameAs(centred);
        doc.undo();
        doc.undo();
        assertThat(placement(added.affectedIds().get(0)).xM()).isEqualTo(1.8);
    }

    @Test
    void equipmentFromThePaletteGetsItsLoopOrItsFeeder() {
        EditResult cdu = doc.addItem("coolit-chx2000", "hall-1", 1.25, 10.1);
        assertThat(cdu.applied()).as(cdu.message()).isTrue();
        var placed = doc.facility().cooling().cdus().stream()
                .filter(c -> c.id().equals(cdu.affectedIds().get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(placed.placement()).isEqualTo(new Placement("hall-1", 1.2, 10.2, 0));
        assertThat(placed.facilityLoopId()).isEqualTo("hall-1-fw");
        // A PDU in the yard: the sample's UPSs have no position, so the first one found feeds it.
        EditResult pdu = doc.addItem("pdu-250a", null, -20.1, -3.0);
        assertThat(pdu.applied()).as(pdu.message()).isTrue();
        var node = doc.powerNode(pdu.affectedIds().get(0)).orElseThrow();
        assertThat(node.inputs()).containsExactly("hall-1-blk-01-ups-a");
        assertThat(node.placement()).isEqualTo(new Placement(null, -20.4, -3.0, 0));
        assertThat(node.ratingKw()).isPositive();
        assertThat(doc.addItem(TYPE, null, -30, -3).applied())
                .as("racks stand in halls")
                .isFalse();
        doc.undo();
        doc.undo();
        assertThat(doc.facility()).isSameAs(original);
    }
}
