package org.aifactory.twin.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RackPowerLimitFactTest {

    @Test
    void racksNotNamedAreNotLimited() {
        var fact = new RackPowerLimitFact("power", Map.of("r1", 0.8), "site cap");
        assertThat(fact.fractionFor("r1")).isEqualTo(0.8);
        assertThat(fact.fractionFor("r2")).isEqualTo(1.0);
    }

    @Test
    void fractionsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new RackPowerLimitFact("power", Map.of("r1", 0.0), "x"))
                .hasMessageContaining("r1");
        assertThatThrownBy(() -> new RackPowerLimitFact("power", Map.of("r1", 1.2), "x"))
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new RackPowerLimitFact("power", Map.of("r1", Double.NaN), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextListsEveryFactOfOneTypeInOrder() {
        var power = new RackPowerLimitFact("power", Map.of("r1", 0.8), "site cap");
        var thermal = new RackPowerLimitFact("thermal", Map.of("r2", 0.9), "warm coolant");
        AnalysisContext context = () -> List.of(power, new CoolingPowerFact(1, 2), thermal);
        assertThat(context.factsOf(RackPowerLimitFact.class)).containsExactly(power, thermal);
        assertThat(context.fact(RackPowerLimitFact.class)).contains(power);
    }
}
