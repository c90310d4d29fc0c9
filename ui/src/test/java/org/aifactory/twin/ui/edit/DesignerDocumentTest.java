package org.aifactory.twin.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

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
        Rack last = original.racks().stream().filter(x -> x.rowId() != null).reduce((a, b) -> b).orElseThrow();
        String row = last.rowId();
        Rack first = original.racks().stream().filter(x -> row.equals(x.rowId())).findFirst().orElseThrow();
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
        PowerNode ups = original.power().nodes().stream().filter(n -> n.kind() == PowerNodeKind.UPS).findFirst().orElseThrow();
        PowerNode standby = ups.withStandbyInputs(List.of(ups.inputs().get(0)));
        List<PowerNode> nodes = original.power().nodes().stream().map(n -> n == ups ? standby : n).toList();
        Facility f = original;
        f = new Facility(f.formatVersion(), f.site(), f.halls(), f.rows(), f.racks(),
                new PowerChain(nodes, f.power().redundancyGroups()), f.cooling(), f.network(), f.workload(), f.catalog());
        doc = new DesignerDocument(f, CatalogIo.builtIn());

        for (String[] edit : new String[][] {{"name", "UPS A1"}, {"voltageV", "480"}, {"efficiency", "0.97"}, {"ratingKw", "1500"}}) {
            EditResult r = doc.setProperty(ups.id(), edit[0], edit[1]);
            assertThat(r.applied()).as(edit[0] + ": " + r.message()).isTrue();
        }
        PowerNode edited = doc.powerNode(ups.id()).orElseThrow();
        assertThat(edited.standbyInputs()).containsExactly(ups.inputs().get(0));
        assertThat(edited.efficiencyCurve()).isEqualTo(ups.efficiencyCurve());
        assertThat(edited).extracting(PowerNode::name, PowerNode::voltageV, PowerNode::efficiency, PowerNode::ratingKw)
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
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "campus edit validated in " + millis + " ms");
        // A generous bound for this 2-core machine: what matters is "a blink", not "seconds".
        assertThat(millis).isLessThan(3_000);
    }

    @Test
    void savingClearsTheDirtyFlag() {
        assertThat(doc.moveRacks(List.of(rackId), "hall-1", 3.0, 10.8).applied()).isTrue();
        assertThat(doc.isDirty()).isTrue();
        doc.markSaved();
        assertThat(doc.isDirty()).isFalse();
        doc.undo();
        assertThat(doc.isDirty()).isTrue();
    }
}
