package org.aifactory.twin.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CduKind;
import org.aifactory.twin.model.catalog.CduType;
import org.aifactory.twin.model.catalog.RackKind;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.Problem;
import org.junit.jupiter.api.Test;

/** The optional cooling fields of catalog entries (pumps, cold-plate curve, return limit) are checked and located. */
class CoolingCatalogFieldsTest {

    private static List<String> problems(List<RackType> racks, List<CduType> cdus) {
        Catalog local =
                new Catalog(List.of(), racks, cdus, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Facility f = new Facility(
                1, new Site("s", 0, 30, 20, 1000, 50), List.of(), List.of(), List.of(), null, null, null, null, local);
        return new FacilityValidator(CatalogIo.builtIn())
                .validate(f).stream().map(Problem::toString).toList();
    }

    private static CduType cdu(String id, Integer pumps, Integer standby) {
        return new CduType(id, id, CduKind.IN_ROW, 1000, 4, 1500, 200, 5, 0.6, 1.2, 2.2, "[E] test", pumps, standby);
    }

    private static RackType rack(String id, Double returnC, Double dropKpa, Double flowLpm) {
        return new RackType(
                id,
                id,
                RackKind.CPU,
                null,
                0,
                2,
                50,
                60,
                0.8,
                40.0,
                0,
                0,
                0,
                0,
                0.6,
                1.2,
                2.3,
                800,
                "[E] test",
                returnC,
                dropKpa,
                flowLpm);
    }

    @Test
    void goodEntriesPass() {
        assertThat(problems(
                        List.of(rack("r-ok", 52.0, 80.0, 90.0)),
                        List.of(cdu("c-ok", 3, 1), cdu("c-default", null, null))))
                .isEmpty();
    }

    @Test
    void pumpCountsMustLeaveADutyPump() {
        assertThat(problems(
                        List.of(),
                        List.of(cdu("c-none", 0, null), cdu("c-all-standby", 2, 2), cdu("c-no-count", null, 1))))
                .containsExactly(
                        "c-none (/catalog/cdus/0/pumps) pumps (0) must be between 1 and 20",
                        "c-all-standby (/catalog/cdus/1/standbyPumps) standbyPumps (2) must be at least 0 and fewer than pumps (2): "
                                + "at least one pump must be on duty",
                        "c-no-count (/catalog/cdus/2/standbyPumps) standbyPumps needs pumps (how many are installed)");
    }

    @Test
    void coldPlateCurveAndReturnLimitAreChecked() {
        assertThat(problems(
                        List.of(
                                rack("r-half", null, 80.0, null),
                                rack("r-neg", null, -5.0, 90.0),
                                rack("r-ret", 40.0, null, null)),
                        List.of()))
                .containsExactly(
                        "r-half (/catalog/racks/0/coldPlateFlowLpm) give coldPlateDropKpa and coldPlateFlowLpm together "
                                + "(the pressure drop at that flow), or neither",
                        "r-neg (/catalog/racks/1/coldPlateDropKpa) coldPlateDropKpa (-5.0 kPa) must be positive",
                        "r-ret (/catalog/racks/2/maxCoolantReturnC) maxCoolantReturnC (40.0 °C) must be above maxCoolantSupplyC (40.0 °C)");
    }
}
