package org.aifactory.twin.power;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.aifactory.twin.model.EfficiencyPoint;
import org.aifactory.twin.model.PowerNode;

/**
 * The losses of one power node as a function of the real power it delivers (its output),
 * {@code P_out} in kW. Which law applies depends on the figures the node gives, in this order:
 * <ol>
 *   <li>an {@code efficiencyCurve} (UPS style): {@code eta(f)} interpolated linearly in the load
 *       fraction {@code f = P_out / rating}, held constant outside the first and last points;
 *       loss = {@code P_out (1/eta - 1)}. Source of the shape: UPS efficiency falls at part load,
 *       about 85 % at 20-25 % load and 95 % at rating (riello-ups.com; CEC/LBNL UPS study;
 *       ai-factory-reference.md §3);</li>
 *   <li>{@code noLoadLossKw} and/or {@code fullLoadLossKw} (transformer style): loss =
 *       {@code P0 + Pk (P_out / rating)^2}, core loss constant while energised, copper loss with
 *       the square of current (IEC 60076-1 loss definitions; at constant voltage and power factor
 *       current is proportional to power); a missing one counts as 0;</li>
 *   <li>a busway or PDU with a {@code lengthM}: the I^2R loss of its three-phase run,
 *       {@code 3 I^2 R' L} with {@code I = P_out / (sqrt(3) V pf)} and {@code R'} the phase
 *       resistance per metre for its rated current ({@link #runOhmPerM}); a fixed efficiency it
 *       also gives is then not used;</li>
 *   <li>a fixed {@code efficiency}: loss = {@code P_out (1/eta - 1)};</li>
 *   <li>none of these: lossless.</li>
 * </ol>
 * Losses are those of an energised node; a de-energised (dead or failed) node has none.
 */
final class LossModel {

    enum Law {
        NONE,
        FIXED_EFFICIENCY,
        NO_LOAD_PLUS_LOAD,
        EFFICIENCY_CURVE,
        RESISTIVE_RUN
    }

    /**
     * Rated currents (A) of the Schneider Electric Canalis KTC copper busbar trunking range and the
     * average phase resistance of a run at its rated current and 35 °C ambient, R1 in ohm per metre
     * [P] (Canalis KTC catalogue, "Characteristics of run sections": 0.049, 0.035, 0.029, 0.022,
     * 0.018, 0.015, 0.012, 0.009 mohm/m for 1,000 to 5,000 A).
     */
    static final double[] RUN_RATED_A = {1_000, 1_350, 1_600, 2_000, 2_500, 3_200, 4_000, 5_000};

    static final double[] RUN_OHM_PER_M = {
        0.049e-3, 0.035e-3, 0.029e-3, 0.022e-3, 0.018e-3, 0.015e-3, 0.012e-3, 0.009e-3
    };
    /** A run's rated current may exceed the table's by this fraction and still take its resistance (1,093 kW at 415 V is 1,600.6 A). */
    static final double RATED_CURRENT_SLACK = 0.01;

    private final Law law;
    private final double ratingKw;
    private final double efficiency;
    private final double noLoadLossKw;
    private final double fullLoadLossKw;
    private final double[] curveFractions;
    private final double[] curveEfficiencies;
    /** Resistive run: {@code loss kW = runKwPerKw2 x P_out^2}. */
    private final double runKwPerKw2;

    private LossModel(
            Law law,
            double ratingKw,
            double efficiency,
            double noLoadLossKw,
            double fullLoadLossKw,
            double[] curveFractions,
            double[] curveEfficiencies) {
        this(law, ratingKw, efficiency, noLoadLossKw, fullLoadLossKw, curveFractions, curveEfficiencies, 0);
    }

    private LossModel(
            Law law,
            double ratingKw,
            double efficiency,
            double noLoadLossKw,
            double fullLoadLossKw,
            double[] curveFractions,
            double[] curveEfficiencies,
            double runKwPerKw2) {
        this.runKwPerKw2 = runKwPerKw2;
        this.law = law;
        this.ratingKw = ratingKw;
        this.efficiency = efficiency;
        this.noLoadLossKw = noLoadLossKw;
        this.fullLoadLossKw = fullLoadLossKw;
        this.curveFractions = curveFractions;
        this.curveEfficiencies = curveEfficiencies;
    }

    /** With the default power factor ({@link PowerOptions#DEFAULT_POWER_FACTOR}). */
    static LossModel of(PowerNode node) {
        return of(node, PowerOptions.DEFAULT_POWER_FACTOR);
    }

    static LossModel of(PowerNode node, double powerFactor) {
        double rating = node.ratingKw();
        if (!node.efficiencyCurve().isEmpty()) {
            List<EfficiencyPoint> points = node.efficiencyCurve().stream()
                    .sorted(Comparator.comparingDouble(EfficiencyPoint::loadFraction))
                    .toList();
            double[] f =
                    points.stream().mapToDouble(EfficiencyPoint::loadFraction).toArray();
            double[] e =
                    points.stream().mapToDouble(EfficiencyPoint::efficiency).toArray();
            for (double eta : e) {
                requireEfficiency(node, eta);
            }
            return new LossModel(Law.EFFICIENCY_CURVE, rating, 1, 0, 0, f, e);
        }
        if (node.noLoadLossKw() != null || node.fullLoadLossKw() != null) {
            if (!(rating > 0)) {
                throw new IllegalArgumentException("The ratingKw (" + rating + ") of power node (" + node.id()
                        + ") must be positive to scale its load loss. Maybe the facility was not validated?");
            }
            return new LossModel(
                    Law.NO_LOAD_PLUS_LOAD,
                    rating,
                    1,
                    orZero(node.noLoadLossKw()),
                    orZero(node.fullLoadLossKw()),
                    null,
                    null);
        }
        if (node.kind().feedsRacks()
                && node.lengthM() != null
                && node.lengthM() > 0
                && rating > 0
                && node.voltageV() > 0) {
            // three-phase run: loss = 3 I^2 R L with I = P / (sqrt(3) V pf), so loss [W] = P[W]^2 R L / (V pf)^2;
            // with P in kW and loss in kW: loss = P^2 x 1,000 x R L / (V pf)^2
            double ohmPerM = runOhmPerM(ratedCurrentA(rating, node.voltageV(), powerFactor));
            double vpf = node.voltageV() * powerFactor;
            return new LossModel(
                    Law.RESISTIVE_RUN, rating, 1, 0, 0, null, null, 1_000 * ohmPerM * node.lengthM() / (vpf * vpf));
        }
        if (node.efficiency() != null) {
            requireEfficiency(node, node.efficiency());
            return new LossModel(Law.FIXED_EFFICIENCY, rating, node.efficiency(), 0, 0, null, null);
        }
        return new LossModel(Law.NONE, rating, 1, 0, 0, null, null);
    }

    private static void requireEfficiency(PowerNode node, double eta) {
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("An efficiency (" + eta + ") of power node (" + node.id()
                    + ") must be in (0, 1]. Maybe the facility was not validated?");
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** Rated current of a three-phase node, A: {@code rating x 1,000 / (sqrt(3) V pf)}. */
    static double ratedCurrentA(double ratingKw, double voltageV, double powerFactor) {
        return ratingKw * 1_000 / (Math.sqrt(3) * voltageV * powerFactor);
    }

    /**
     * Phase resistance per metre of a run rated {@code ratedA}: that of the smallest Canalis KTC
     * rating that carries it ({@link #RUN_OHM_PER_M}, [P]). Outside the table [E]: resistance
     * inversely proportional to the rated current (the conductor section grows with it), scaled from
     * the 1,000 A or the 5,000 A entry (a 250 A PDU cable: 0.049 x 1,000 / 250 = 0.196 mohm/m).
     */
    static double runOhmPerM(double ratedA) {
        for (int k = 0; k < RUN_RATED_A.length; k++) {
            if (ratedA <= RUN_RATED_A[k] * (1 + RATED_CURRENT_SLACK)) {
                return k == 0 ? RUN_OHM_PER_M[0] * RUN_RATED_A[0] / ratedA : RUN_OHM_PER_M[k];
            }
        }
        int last = RUN_RATED_A.length - 1;
        return RUN_OHM_PER_M[last] * RUN_RATED_A[last] / ratedA;
    }

    Law law() {
        return law;
    }

    /** Loss of the energised node delivering {@code outputKw}, kW. */
    double lossKw(double outputKw) {
        return switch (law) {
            case NONE -> 0;
            case FIXED_EFFICIENCY -> outputKw * (1 / efficiency - 1);
            case NO_LOAD_PLUS_LOAD -> {
                double f = outputKw / ratingKw;
                yield noLoadLossKw + fullLoadLossKw * f * f;
            }
            case EFFICIENCY_CURVE -> outputKw * (1 / efficiencyAt(ratingKw > 0 ? outputKw / ratingKw : 0) - 1);
            case RESISTIVE_RUN -> runKwPerKw2 * outputKw * outputKw;
        };
    }

    /** The curve's efficiency at load fraction {@code f}: linear between points, flat beyond the ends. */
    double efficiencyAt(double f) {
        if (law != Law.EFFICIENCY_CURVE) {
            return law == Law.FIXED_EFFICIENCY ? efficiency : 1;
        }
        int last = curveFractions.length - 1;
        if (f <= curveFractions[0]) {
            return curveEfficiencies[0];
        }
        if (f >= curveFractions[last]) {
            return curveEfficiencies[last];
        }
        int i = Arrays.binarySearch(curveFractions, f);
        if (i >= 0) {
            return curveEfficiencies[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (f - curveFractions[lo]) / (curveFractions[hi] - curveFractions[lo]);
        return curveEfficiencies[lo] + t * (curveEfficiencies[hi] - curveEfficiencies[lo]);
    }
}
