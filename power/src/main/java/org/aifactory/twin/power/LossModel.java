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
 *   <li>a fixed {@code efficiency}: loss = {@code P_out (1/eta - 1)};</li>
 *   <li>none of these: lossless.</li>
 * </ol>
 * Losses are those of an energised node; a de-energised (dead or failed) node has none.
 */
final class LossModel {

    enum Law { NONE, FIXED_EFFICIENCY, NO_LOAD_PLUS_LOAD, EFFICIENCY_CURVE }

    private final Law law;
    private final double ratingKw;
    private final double efficiency;
    private final double noLoadLossKw;
    private final double fullLoadLossKw;
    private final double[] curveFractions;
    private final double[] curveEfficiencies;

    private LossModel(Law law, double ratingKw, double efficiency, double noLoadLossKw, double fullLoadLossKw,
            double[] curveFractions, double[] curveEfficiencies) {
        this.law = law;
        this.ratingKw = ratingKw;
        this.efficiency = efficiency;
        this.noLoadLossKw = noLoadLossKw;
        this.fullLoadLossKw = fullLoadLossKw;
        this.curveFractions = curveFractions;
        this.curveEfficiencies = curveEfficiencies;
    }

    static LossModel of(PowerNode node) {
        double rating = node.ratingKw();
        if (!node.efficiencyCurve().isEmpty()) {
            List<EfficiencyPoint> points = node.efficiencyCurve().stream()
                    .sorted(Comparator.comparingDouble(EfficiencyPoint::loadFraction)).toList();
            double[] f = points.stream().mapToDouble(EfficiencyPoint::loadFraction).toArray();
            double[] e = points.stream().mapToDouble(EfficiencyPoint::efficiency).toArray();
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
            return new LossModel(Law.NO_LOAD_PLUS_LOAD, rating, 1, orZero(node.noLoadLossKw()), orZero(node.fullLoadLossKw()),
                    null, null);
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
