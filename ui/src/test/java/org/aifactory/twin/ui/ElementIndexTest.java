package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class ElementIndexTest {
    private final Facility su = Samples.SCALABLE_UNIT.load();
    private final ElementIndex index = new ElementIndex(su);

    @Test
    void rackSitsUnderItsHallAndRow() {
        Rack rack = su.racks().get(0);
        ElementIndex.Element e = index.find(rack.id()).orElseThrow();
        assertThat(e.kind()).isEqualTo("rack");
        assertThat(e.value()).isSameAs(rack);
        assertThat(e.outlinePath())
                .containsExactly(ElementIndex.HALLS, rack.placement().hallId(), rack.rowId(), rack.id());
    }

    @Test
    void everyIdOfTheFacilityIsSelectable() {
        su.racks().forEach(r -> assertThat(index.find(r.id())).isPresent());
        su.power().nodes().forEach(n -> assertThat(index.find(n.id())).isPresent());
        su.cooling().cdus().forEach(c -> assertThat(index.find(c.id())).isPresent());
        su.network()
                .fabrics()
                .forEach(f -> f.switches()
                        .forEach(
                                s -> assertThat(index.find(s.id()).orElseThrow().outlinePath())
                                        .containsExactly(ElementIndex.NETWORK, f.id(), s.id())));
        assertThat(index.find(ElementIndex.SITE_ID).orElseThrow().value()).isEqualTo(su.site());
        assertThat(index.find("no-such-id")).isEmpty();
    }

    @Test
    void aRackWithoutARowHangsUnderItsHall() {
        Facility lab = Samples.LAB.load();
        Rack rack = lab.racks().get(0);
        assertThat(new ElementIndex(lab).find(rack.id()).orElseThrow().outlinePath())
                .containsExactly(ElementIndex.HALLS, "lab", rack.id());
    }

    @Test
    void propertiesFlattenNestedRecordsWithUnitsInTheirNames() {
        Rack rack = su.racks().get(0);
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), su.catalog());
        List<PropertyRow> rows = PropertyRows.of(index.find(rack.id()).orElseThrow(), catalog);
        assertThat(rows)
                .contains(
                        new PropertyRow("id", rack.id()),
                        new PropertyRow("type", "gb200-nvl72"),
                        new PropertyRow("placement.hallId", rack.placement().hallId()),
                        new PropertyRow("feeds[0].side", "A"),
                        new PropertyRow("powerKw", PropertyRows.NONE),
                        new PropertyRow("catalog.gpus", "72"));
        assertThat(rows).extracting(PropertyRow::name).contains("placement.xM", "catalog.typicalPowerKw");
    }

    @Test
    void longListsAreCutShortAndNumbersLoseBinaryNoise() {
        List<PropertyRow> rows = PropertyRows.of(
                new Holder(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"), 0.1 + 0.2));
        assertThat(rows)
                .containsExactly(
                        new PropertyRow("ids", "a, b, c, d, e, f, g, h, i, j, k, l, ... (14 in all)"),
                        new PropertyRow("lengthM", "0.3"));
    }

    record Holder(List<String> ids, double lengthM) {}
}
