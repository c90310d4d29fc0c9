package org.aifactory.twin.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.junit.jupiter.api.Test;

class LossModelTest {

    private static final double KW = 1e-9;

    private static PowerNode catalogNode(String type) {
        var t = Chains.CATALOG.powerEquipment(type).orElseThrow();
        return new PowerNode(type, t.kind(), t.name(), type, null, java.util.List.of("x"), t.ratingKw(), t.voltageV(),
                t.efficiency(), t.noLoadLossKw(), t.fullLoadLossKw(), t.efficiencyCurve(), null);
    }

    @Test
    void transformerLossesAtHalfAndFullLoadFromTheCatalog() {
        // transformer-3mva: P0 = 4 kW no-load, Pk = 30 kW load loss at 2,850 kW.
        LossModel tx = LossModel.of(catalogNode("transformer-3mva"));
        assertThat(tx.law()).isEqualTo(LossModel.Law.NO_LOAD_PLUS_LOAD);
        // 50 %: 1,425 kW -> 4 + 30 x 0.5^2 = 4 + 7.5 = 11.5 kW (0.81 % of the load)
        assertThat(tx.lossKw(1_425)).isCloseTo(11.5, within(KW));
        // 100 %: 2,850 kW -> 4 + 30 x 1^2 = 34 kW (1.19 %: inside the 1.0-1.5 % of the reference, §3)
        assertThat(tx.lossKw(2_850)).isCloseTo(34.0, within(KW));
        // energised at no load: the core loss alone
        assertThat(tx.lossKw(0)).isCloseTo(4.0, within(KW));
    }

    @Test
    void upsEfficiencyInterpolatesLinearlyInLoadFraction() {
        // ups-2500 curve: (0.10, 0.80) (0.25, 0.85) (0.50, 0.93) (0.75, 0.945) (1.00, 0.95)
        LossModel ups = LossModel.of(catalogNode("ups-2500"));
        assertThat(ups.law()).isEqualTo(LossModel.Law.EFFICIENCY_CURVE);
        // f = 0.2: 0.80 + (0.2 - 0.1) / 0.15 x 0.05 = 0.8333...; at 500 kW: 500 x (1/0.8333 - 1) = 500 x 0.2 = 100 kW
        assertThat(ups.efficiencyAt(0.2)).isCloseTo(0.8 + 0.05 * 2 / 3, within(1e-12));
        assertThat(ups.lossKw(500)).isCloseTo(100.0, within(KW));
        // f = 0.6: 0.93 + 0.1/0.25 x 0.015 = 0.936; at 1,500 kW: 1,500 x (1/0.936 - 1) = 102.5641 kW
        assertThat(ups.efficiencyAt(0.6)).isCloseTo(0.936, within(1e-12));
        assertThat(ups.lossKw(1_500)).isCloseTo(1_500 * (1 / 0.936 - 1), within(KW)).isCloseTo(102.5641, within(1e-4));
        // on a point: f = 0.5 -> 0.93
        assertThat(ups.efficiencyAt(0.5)).isEqualTo(0.93);
        // clamped at the ends: f = 0.05 -> 0.80 (125 kW: loss 31.25 kW), f = 1.2 -> 0.95
        assertThat(ups.efficiencyAt(0.05)).isEqualTo(0.8);
        assertThat(ups.lossKw(125)).isCloseTo(31.25, within(KW));
        assertThat(ups.efficiencyAt(1.2)).isEqualTo(0.95);
    }

    @Test
    void fixedEfficiencyLossIsOutputTimesInverseEfficiencyMinusOne() {
        // busway-1600a, eta 0.995: at 1,000 kW the loss is 1,000 x (1/0.995 - 1) = 5.0251 kW
        LossModel bus = LossModel.of(catalogNode("busway-1600a"));
        assertThat(bus.law()).isEqualTo(LossModel.Law.FIXED_EFFICIENCY);
        assertThat(bus.lossKw(1_000)).isCloseTo(5.025126, within(1e-6));
    }

    @Test
    void nodeWithoutLossFiguresIsLossless() {
        LossModel utility = LossModel.of(Chains.lossless("u", PowerNodeKind.UTILITY, 1_000));
        assertThat(utility.lossKw(800)).isZero();
    }
}
