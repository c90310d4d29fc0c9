package org.aifactory.twin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.twin.model.Facility;
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

    @Test
    void anUnplacedBuswayStandsForTheRacksItFeeds() {
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
