package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.TestFacilities;
import org.junit.jupiter.api.Test;

/** power.nodes[].standbyInputs: optional, round-trips, and must name the node's own inputs. */
class StandbyInputsReaderTest {
    private final FacilityReader reader = FacilityReader.withBuiltInCatalog();

    /** TestFacilities.row with bus-b also fed from the utility, that input marked {@code standby}. */
    private static Facility withStandby(List<String> inputs, List<String> standby) {
        Facility f = TestFacilities.row(3);
        List<PowerNode> nodes = new ArrayList<>();
        for (PowerNode n : f.power().nodes()) {
            nodes.add(
                    n.id().equals("bus-b")
                            ? new PowerNode(
                                    n.id(),
                                    n.kind(),
                                    n.name(),
                                    n.type(),
                                    n.placement(),
                                    inputs,
                                    n.ratingKw(),
                                    n.voltageV(),
                                    n.efficiency(),
                                    n.noLoadLossKw(),
                                    n.fullLoadLossKw(),
                                    n.efficiencyCurve(),
                                    n.lengthM(),
                                    standby)
                            : n);
        }
        return f.withPower(new PowerChain(nodes, f.power().redundancyGroups()));
    }

    @Test
    void standbyInputsRoundTripAndAreOmittedWhenEmpty() throws Exception {
        assertThat(new String(FacilityWriter.toBytes(TestFacilities.row(3)), StandardCharsets.UTF_8))
                .doesNotContain("standbyInputs");
        Facility f = withStandby(List.of("tx-1", "utility"), List.of("utility"));
        Facility back = reader.read(FacilityWriter.toBytes(f), "row.json");
        assertThat(back).isEqualTo(f);
        assertThat(back.power().nodes().get(3).standbyInputs()).containsExactly("utility");
    }

    @Test
    void aStandbyInputMustBeAnInputAndNotTheOnlyKind() {
        FacilityLoadException e = catchThrowableOfType(
                FacilityLoadException.class,
                () -> reader.read(
                        FacilityWriter.toBytes(withStandby(List.of("tx-1"), List.of("utility"))), "row.json"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.element()).isEqualTo("bus-b");
            assertThat(p.path()).isEqualTo("/power/nodes/3/standbyInputs/0");
            assertThat(p.message()).contains("standby input 'utility' is not one of the node's inputs");
        });
        FacilityLoadException all = catchThrowableOfType(
                FacilityLoadException.class,
                () -> reader.read(FacilityWriter.toBytes(withStandby(List.of("tx-1"), List.of("tx-1"))), "row.json"));
        assertThat(all.problems())
                .anySatisfy(p -> assertThat(p.message()).contains("at least one must be a primary input"));
    }
}
