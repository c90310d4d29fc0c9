package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class FocusTargetsTest {
    private final Facility su = Samples.SCALABLE_UNIT.load();
    private final ElementIndex index = new ElementIndex(su);

    @Test
    void aDrawnElementStandsForItself() {
        assertThat(FocusTargets.of("hall-1-su-01-cdu", index)).containsExactly("hall-1-su-01-cdu");
    }

    /** The sample with its busways' placements taken away (a file may leave them out). */
    private static Facility unplacedBusways(Facility f) {
        List<PowerNode> nodes = f.power().nodes().stream()
                .map(n -> n.kind() != PowerNodeKind.BUSWAY
                        ? n
                        : new PowerNode(
                                n.id(),
                                n.kind(),
                                n.name(),
                                n.type(),
                                null,
                                n.inputs(),
                                n.ratingKw(),
                                n.voltageV(),
                                n.efficiency(),
                                n.noLoadLossKw(),
                                n.fullLoadLossKw(),
                                n.efficiencyCurve(),
                                n.lengthM(),
                                n.standbyInputs()))
                .toList();
        return new Facility(
                f.formatVersion(),
                f.site(),
                f.halls(),
                f.rows(),
                f.racks(),
                new PowerChain(nodes, f.power().redundancyGroups()),
                f.cooling(),
                f.network(),
                f.workload(),
                f.catalog());
    }

    @Test
    void aPlacedBuswayStandsForItself() {
        assertThat(FocusTargets.of("hall-1-su-01-bus-a", index)).containsExactly("hall-1-su-01-bus-a");
    }

    @Test
    void anUnplacedBuswayStandsForTheRacksItFeeds() {
        ElementIndex index = new ElementIndex(unplacedBusways(su));
        assertThat(FocusTargets.of("hall-1-su-01-bus-a", index)).first().isEqualTo("hall-1-su-01-bus-a");
        assertThat(FocusTargets.of("hall-1-su-01-bus-a", index))
                .contains("hall-1-su-01-gpu-1", "hall-1-su-01-gpu-8")
                .doesNotContain("hall-1-spine-rack-1");
        // The UPS above both busways of the unit: the unit's racks too.
        assertThat(FocusTargets.of("hall-1-blk-01-ups-a", index)).contains("hall-1-su-01-gpu-1", "hall-1-spine-rack-1");
    }

    @Test
    void aRowStandsForItsRacksAndALoopForItsRacksAndCdu() {
        Rack rack = su.racks().get(0);
        assertThat(FocusTargets.of(rack.rowId(), index)).contains(rack.id());
        assertThat(FocusTargets.of(rack.coolingLoopId(), index)).contains("hall-1-su-01-cdu", rack.id());
        assertThat(FocusTargets.of("no-such-id", index)).isEmpty();
    }
}
