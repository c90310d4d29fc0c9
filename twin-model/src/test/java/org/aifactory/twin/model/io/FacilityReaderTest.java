package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.twin.model.TestFacilities;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a clear, located problem; all problems come at once. */
class FacilityReaderTest {
    private static final String GOOD =
            new String(FacilityWriter.toBytes(TestFacilities.row(3)), StandardCharsets.UTF_8);
    private final FacilityReader reader = FacilityReader.withBuiltInCatalog();

    private List<Problem> problems(String json) {
        FacilityLoadException e = catchThrowableOfType(
                FacilityLoadException.class, () -> reader.read(json.getBytes(StandardCharsets.UTF_8), "bad.json"));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.problems();
    }

    /** Replaces exactly one occurrence, so a test cannot silently edit nothing. */
    private static String replaceOnce(String s, String from, String to) {
        int at = s.indexOf(from);
        assertThat(at).as("fixture contains %s", from).isGreaterThanOrEqualTo(0);
        return s.substring(0, at) + to + s.substring(at + from.length());
    }

    private static int lineOf(String json, String text) {
        int at = json.indexOf(text);
        return (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theGoodFixtureLoads() throws Exception {
        assertThat(reader.read(GOOD.getBytes(StandardCharsets.UTF_8), "good.json")
                        .racks())
                .hasSize(3);
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        String bad = replaceOnce(GOOD, "\"widthM\": 10.0,", "\"widthM\": 10.0,,");
        List<Problem> p = problems(bad);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).file()).isEqualTo("bad.json");
        assertThat(p.get(0).line()).isEqualTo(lineOf(bad, ",,"));
        assertThat(p.get(0).column()).isGreaterThan(1);
        assertThat(p.get(0).message()).startsWith("invalid JSON");
        assertThat(p.get(0).toString()).startsWith("bad.json:" + lineOf(bad, ",,") + ":");
    }

    @Test
    void truncatedFileIsASyntaxError() {
        List<Problem> p = problems(GOOD.substring(0, GOOD.length() / 2));
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).startsWith("invalid JSON"));
    }

    @Test
    void notAnObjectIsRejected() {
        assertThat(problems("[1, 2]"))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("one JSON object"));
    }

    @Test
    void wrongTypeIsLocatedAtTheValue() {
        String bad = replaceOnce(GOOD, "\"xM\": 2.1,", "\"xM\": \"two\",");
        Problem p = problems(bad).get(0);
        assertThat(p.path()).isEqualTo("/racks/1/placement/xM");
        assertThat(p.element()).isEqualTo("rack-2");
        assertThat(p.line()).isEqualTo(lineOf(bad, "\"two\""));
        assertThat(p.message()).contains("'two'").contains("double");
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() {
        String bad = replaceOnce(GOOD, "\"rotationDeg\": 0.0", "\"rotationDeg\": 0.0, \"rotation\": 90");
        Problem p = problems(bad).get(0);
        assertThat(p.path()).isEqualTo("/racks/0/placement/rotation");
        assertThat(p.message()).contains("unknown field 'rotation'").contains("rotationDeg");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String bad = replaceOnce(GOOD, "\"type\": \"gb200-nvl72\",", "");
        Problem p = problems(bad).get(0);
        assertThat(p.path()).isEqualTo("/racks/0");
        assertThat(p.element()).isEqualTo("rack-1");
        assertThat(p.message()).isEqualTo("missing required field 'type'");
    }

    @Test
    void badEnumValueListsTheAllowedOnes() {
        String bad = replaceOnce(GOOD, "\"kind\": \"transformer\"", "\"kind\": \"trafo\"");
        Problem p = problems(bad).get(0);
        assertThat(p.element()).isEqualTo("tx-1");
        assertThat(p.message())
                .contains("'trafo' is not one of")
                .contains("transformer")
                .contains("busway");
    }

    @Test
    void unknownCatalogReference() {
        Problem p = problems(replaceOnce(GOOD, "\"gb200-nvl72\"", "\"gb900-nvl999\""))
                .get(0);
        assertThat(p.path()).isEqualTo("/racks/0/type");
        assertThat(p.element()).isEqualTo("rack-1");
        assertThat(p.message()).isEqualTo("rack type 'gb900-nvl999' does not exist");
        assertThat(p.line()).isPositive();
    }

    @Test
    void duplicateId() {
        Problem p = problems(GOOD.replace("\"id\": \"rack-3\"", "\"id\": \"rack-1\""))
                .get(0);
        assertThat(p.path()).isEqualTo("/racks/2/id");
        assertThat(p.message()).contains("duplicate id 'rack-1'").contains("/racks/0");
    }

    @Test
    void danglingReference() {
        Problem p = problems(replaceOnce(GOOD, "\"source\": \"bus-b\"", "\"source\": \"bus-z\""))
                .get(0);
        assertThat(p.path()).isEqualTo("/racks/0/feeds/1/source");
        assertThat(p.message()).isEqualTo("power node 'bus-z' does not exist");
    }

    @Test
    void negativeQuantity() {
        Problem p = problems(replaceOnce(GOOD, "\"ratingKw\": 2850.0", "\"ratingKw\": -2850.0"))
                .get(0);
        assertThat(p.path()).isEqualTo("/power/nodes/1/ratingKw");
        assertThat(p.element()).isEqualTo("tx-1");
        assertThat(p.message()).contains("ratingKw (-2850.0 kW) must be positive");
    }

    @Test
    void nanQuantity() {
        Problem p = problems(replaceOnce(GOOD, "\"altitudeM\": 100.0", "\"altitudeM\": \"NaN\""))
                .get(0);
        assertThat(p.path()).isEqualTo("/site/altitudeM");
        assertThat(p.message()).contains("finite");
    }

    @Test
    void absurdQuantityHintsAtUnits() {
        Problem p = problems(replaceOnce(GOOD, "\"widthM\": 10.0", "\"widthM\": 10000.0"))
                .get(0);
        assertThat(p.path()).isEqualTo("/halls/0/widthM");
        assertThat(p.message()).contains("absurd").contains("unit");
    }

    @Test
    void overlappingItems() {
        String bad = replaceOnce(GOOD, "\"xM\": 2.1,", "\"xM\": 1.8,");
        Problem p = problems(bad).get(0);
        assertThat(p.element()).isEqualTo("rack-2");
        assertThat(p.message()).contains("overlaps rack 'rack-1'");
    }

    @Test
    void itemOutsideItsHall() {
        Problem p = problems(replaceOnce(GOOD, "\"yM\": 4.0,", "\"yM\": 7.9,")).get(0);
        assertThat(p.element()).isEqualTo("rack-1");
        assertThat(p.message()).contains("outside hall 'hall-1'");
    }

    @Test
    void powerGraphCycle() {
        String bad = replaceOnce(
                GOOD,
                "\"inputs\": [\n          \"utility\"\n        ]",
                "\"inputs\": [\n          \"bus-a\"\n        ]");
        assertThat(problems(bad)).anySatisfy(p -> assertThat(p.message()).contains("cycle"));
    }

    @Test
    void unsupportedFormatVersion() {
        Problem p = problems(replaceOnce(GOOD, "\"formatVersion\": 1", "\"formatVersion\": 99"))
                .get(0);
        assertThat(p.path()).isEqualTo("/formatVersion");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("formatVersion 99 is not supported");
    }

    /** Three broken racks and a semantic error elsewhere: all four are reported in one load. */
    @Test
    void reportsEveryProblemAtOnce() {
        String bad = GOOD;
        bad = replaceOnce(bad, "\"xM\": 1.5,", "\"xM\": true,");
        bad = replaceOnce(bad, "\"xM\": 2.1,", "\"xM\": \"x\",");
        bad = replaceOnce(bad, "\"xM\": 2.7,", "\"xM\": [],");
        bad = replaceOnce(bad, "\"ratingKw\": 2850.0", "\"ratingKw\": 0.0");
        List<Problem> p = problems(bad);
        assertThat(p).extracting(Problem::element).contains("rack-1", "rack-2", "rack-3", "tx-1");
        assertThat(p).allSatisfy(x -> assertThat(x.line()).isPositive());
        // The racks that could not be read are not reported again as dangling references.
        assertThat(p).noneSatisfy(x -> assertThat(x.message()).contains("does not exist"));
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        FacilityLoadException e =
                catchThrowableOfType(FacilityLoadException.class, () -> reader.read(Path.of("/no/such/file.json")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("/no/such/file.json");
            assertThat(p.message()).isEqualTo("file not found");
        });
    }
}
