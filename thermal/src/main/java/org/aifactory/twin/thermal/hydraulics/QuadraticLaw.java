package org.aifactory.twin.thermal.hydraulics;

/**
 * A resistance with {@code drop = k·Q·|Q| + kLinear·Q}: a cold plate or manifold calibrated at one
 * point (turbulent, k·Q²), or a textbook pipe with a fixed friction factor (K·Q²). The small linear
 * term keeps the slope positive at zero flow, so the Newton Jacobian never becomes singular; set it
 * to zero for an exact textbook law.
 *
 * @param k quadratic coefficient, drop per flow²
 * @param kLinear linear coefficient, drop per flow
 */
public record QuadraticLaw(double k, double kLinear) implements EdgeLaw {

    public QuadraticLaw {
        if (!(k >= 0) || !(kLinear >= 0)) {
            throw new IllegalArgumentException("k (" + k + ") and kLinear (" + kLinear + ") must be >= 0");
        }
    }

    /** The law through one measured point: {@code drop = dropAtRef} at {@code flowRef}. */
    public static QuadraticLaw through(double flowRef, double dropAtRef, double linearShare) {
        if (!(flowRef > 0) || !(dropAtRef > 0)) {
            throw new IllegalArgumentException(
                    "flowRef (" + flowRef + ") and dropAtRef (" + dropAtRef + ") must be positive");
        }
        double k = dropAtRef / (flowRef * flowRef);
        return new QuadraticLaw(k * (1 - linearShare), k * flowRef * linearShare);
    }

    @Override
    public double drop(double flow) {
        return k * flow * Math.abs(flow) + kLinear * flow;
    }

    @Override
    public double slope(double flow) {
        return 2 * k * Math.abs(flow) + kLinear;
    }
}
