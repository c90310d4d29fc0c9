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
        return new PowerNode(
                type,
                t.kind(),
                t.name(),
                type,
                null,
                java.util.List.of("x"),
                t.ratingKw(),
                t.voltageV(),
                t.efficiency(),
                t.noLoadLossKw(),
                t.fullLoadLossKw(),
                t.efficiencyCurve(),
                null);
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
        assertThat(ups.lossKw(1_500))
                .isCloseTo(1_500 * (1 / 0.936 - 1), within(KW))
                .isCloseTo(102.5641, within(1e-4));
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
    void buswayRunLossIsThreeISquaredRTimesLength() {
        // busway-1600a (1,093 kW, 415 V) with a 50 m run. Rated current 1,093,000 / (sqrt(3) x 415 x 0.95)
        // = 1,093,000 / 682.871 = 1,600.6 A: the 1,600 A Canalis KTC run, R1 = 0.029 mohm/m per phase.
        // At 1,000 kW: I = 1,000,000 / 682.871 = 1,464.43 A; loss = 3 x 1,464.43^2 x 0.029e-3 x 50
        // = 3 x 2,144,546 x 0.00145 = 9,328.8 W = 9.3288 kW (0.93 %; the fixed 0.995 would give 5.03 kW).
        LossModel bus = LossModel.of(catalogNode("busway-1600a").withLengthM(50.0));
        assertThat(bus.law()).isEqualTo(LossModel.Law.RESISTIVE_RUN);
        assertThat(LossModel.ratedCurrentA(1_093, 415, 0.95)).isCloseTo(1_600.62, within(0.01));
        assertThat(LossModel.runOhmPerM(1_600.62)).isEqualTo(0.029e-3);
        assertThat(bus.lossKw(1_000)).isCloseTo(9.32877, within(1e-5));
        // square law: half the load, a quarter of the loss; twice the length, twice the loss
        assertThat(bus.lossKw(500)).isCloseTo(9.32877 / 4, within(1e-5));
        assertThat(LossModel.of(catalogNode("busway-1600a").withLengthM(100.0)).lossKw(1_000))
                .isCloseTo(2 * 9.32877, within(1e-5));
        // no length (or 0 m): the fixed efficiency applies as before
        assertThat(LossModel.of(catalogNode("busway-1600a").withLengthM(0.0)).law())
                .isEqualTo(LossModel.Law.FIXED_EFFICIENCY);
    }

    @Test
    void runResistanceFollowsTheRatingTable() {
        // busway-2500a: 1,707 kW -> 2,499.7 A -> 0.018 mohm/m; a 6,000 A run scales the 5,000 A entry [E]
        assertThat(LossModel.runOhmPerM(LossModel.ratedCurrentA(1_707, 415, 0.95)))
                .isEqualTo(0.018e-3);
        assertThat(LossModel.runOhmPerM(6_000)).isCloseTo(0.009e-3 * 5_000 / 6_000, within(1e-15));
        // pdu-250a: 171 kW -> 250.4 A, below the table: 0.049 x 1,000 / 250.4 = 0.19567 mohm/m [E];
        // 20 m at 150 kW: I = 219.664 A, loss = 3 x 219.664^2 x 0.19567e-3 x 20 = 566.50 W
        PowerNode pdu = catalogNode("pdu-250a").withLengthM(20.0);
        assertThat(LossModel.of(pdu).lossKw(150)).isCloseTo(0.566502, within(1e-6));
    }

    @Test
    void nodeWithoutLossFiguresIsLossless() {
        LossModel utility = LossModel.of(Chains.lossless("u", PowerNodeKind.UTILITY, 1_000));
        assertThat(utility.lossKw(800)).isZero();
    }
}
