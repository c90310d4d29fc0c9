package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.GridEventKind;
import org.aifactory.twin.model.GridEventSpec;
import org.aifactory.twin.model.TestFacilities;
import org.junit.jupiter.api.Test;

/** site.powerCapKw and site.gridEvents: optional, round-trip, and every mistake named with the event's id. */
class GridEventsReaderTest {
    private final FacilityReader reader = FacilityReader.withBuiltInCatalog();

    private static Facility withEvents(Double capKw, List<GridEventSpec> events) {
        Facility f = TestFacilities.row(3);
        return f.withSite(f.site().withPowerCapKw(capKw).withGridEvents(events));
    }

    private List<Problem> problems(Facility f) {
        byte[] bytes = FacilityWriter.toBytes(f);
        FacilityLoadException e =
                catchThrowableOfType(FacilityLoadException.class, () -> reader.read(bytes, "site.json"));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void omittedFieldsAreNotWrittenAndReadBackEmpty() throws Exception {
        Facility f = TestFacilities.row(3);
        String json = new String(FacilityWriter.toBytes(f), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("powerCapKw").doesNotContain("gridEvents");
        Facility back = reader.read(json.getBytes(StandardCharsets.UTF_8), "row.json");
        assertThat(back.site().powerCapKw()).isNull();
        assertThat(back.site().gridEvents()).isEmpty();
    }

    @Test
    void capAndEventsRoundTrip() throws Exception {
        Facility f = withEvents(
                900.0,
                List.of(GridEventSpec.demandResponse("dr-1", 20, 4), GridEventSpec.lostFeed("lf-1", "bus-a", 2)));
        String json = new String(FacilityWriter.toBytes(f), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"powerCapKw\": 900.0")
                .contains("\"kind\": \"demand-response\"")
                .contains("\"kind\": \"lost-feed\"")
                .contains("\"curtailPercent\": 20.0")
                .contains("\"nodeId\": \"bus-a\"");
        Facility back = reader.read(json.getBytes(StandardCharsets.UTF_8), "row.json");
        assertThat(back).isEqualTo(f);
        assertThat(back.site().gridEvents().get(1).kind()).isEqualTo(GridEventKind.LOST_FEED);
    }

    @Test
    void badCapIsNamed() {
        assertThat(problems(withEvents(-5.0, List.of()))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/site/powerCapKw");
            assertThat(p.message()).contains("powerCapKw (-5.0 kW) must be positive");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void eachEventMistakeNamesTheEvent() {
        List<Problem> p = problems(withEvents(
                null,
                List.of(
                        GridEventSpec.demandResponse("dr-zero", 0, 4),
                        new GridEventSpec("dr-none", GridEventKind.DEMAND_RESPONSE, null, null, 4),
                        GridEventSpec.lostFeed("lf-ghost", "no-such-node", 4),
                        new GridEventSpec("lf-none", GridEventKind.LOST_FEED, null, null, 4),
                        GridEventSpec.demandResponse("dr-long", 10, -1),
                        new GridEventSpec("dr-both", GridEventKind.DEMAND_RESPONSE, 10.0, "bus-a", 1))));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("dr-zero");
            assertThat(x.path()).isEqualTo("/site/gridEvents/0/curtailPercent");
            assertThat(x.message()).contains("curtailPercent (0.0 %)").contains("between 0 and 100");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("dr-none");
            assertThat(x.message()).contains("needs curtailPercent");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("lf-ghost");
            assertThat(x.path()).isEqualTo("/site/gridEvents/2/nodeId");
            assertThat(x.message()).isEqualTo("power node 'no-such-node' does not exist");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("lf-none");
            assertThat(x.message()).contains("needs nodeId");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("dr-long");
            assertThat(x.path()).isEqualTo("/site/gridEvents/4/durationH");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("dr-both");
            assertThat(x.message()).contains("takes no nodeId");
        });
    }

    @Test
    void eventIdsAreFacilityIds() {
        assertThat(problems(withEvents(null, List.of(GridEventSpec.demandResponse("bus-a", 10, 1)))))
                .anySatisfy(x -> assertThat(x.message()).contains("duplicate id 'bus-a'"));
    }

    @Test
    void unknownKindListsTheKinds() throws Exception {
        Facility f = withEvents(null, List.of(GridEventSpec.demandResponse("dr-1", 20, 4)));
        String json = new String(FacilityWriter.toBytes(f), StandardCharsets.UTF_8)
                .replace("\"demand-response\"", "\"brownout\"");
        FacilityLoadException e = catchThrowableOfType(
                FacilityLoadException.class, () -> reader.read(json.getBytes(StandardCharsets.UTF_8), "site.json"));
        assertThat(e.problems()).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("/site/gridEvents/0/kind");
            assertThat(x.element()).isEqualTo("dr-1");
            assertThat(x.message())
                    .contains("'brownout' is not one of")
                    .contains("demand-response")
                    .contains("lost-feed");
        });
    }
}
