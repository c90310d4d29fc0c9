package org.aifactory.twin.thermal.hydraulics;

/**
 * A centrifugal pump at speed fraction {@code s} of its rated speed, with the quadratic curve
 * {@code head(Q) = s²·shutoffHead − a·Q·|Q|} (affinity laws: head scales with speed², the curve's
 * friction-like term does not). As an edge its drop is {@code −head(Q)}, increasing in Q.
 *
 * <p>The curve is fixed by two points: the shutoff head at zero flow and the rated point
 * ({@code ratedFlow}, {@code ratedHead}) at full speed; see {@link #fromRating}.
 *
 * @param shutoffHead head at zero flow and full speed
 * @param a curve coefficient, head per flow²
 * @param speedFraction running speed over rated speed (0, 1]
 */
public record PumpLaw(double shutoffHead, double a, double speedFraction) implements EdgeLaw {

    public PumpLaw {
        if (!(shutoffHead > 0) || !(a > 0) || !(speedFraction > 0)) {
            throw new IllegalArgumentException("shutoffHead (" + shutoffHead + "), a (" + a + ") and speedFraction ("
                    + speedFraction + ") must be positive");
        }
    }

    /**
     * The curve through the rated point, with a shutoff head {@code shutoffRatio} times the rated
     * head: {@code a = (shutoffHead − ratedHead) / ratedFlow²}.
     */
    public static PumpLaw fromRating(double ratedFlow, double ratedHead, double shutoffRatio, double speedFraction) {
        if (!(shutoffRatio > 1)) {
            throw new IllegalArgumentException(
                    "shutoffRatio (" + shutoffRatio + ") must exceed 1: the head falls with flow");
        }
        double shutoff = ratedHead * shutoffRatio;
        return new PumpLaw(shutoff, (shutoff - ratedHead) / (ratedFlow * ratedFlow), speedFraction);
    }

    /**
     * The curve of {@code running} of the {@code installed} identical parallel pumps this curve
     * describes together. n identical pumps in parallel share the flow at the same head, each on
     * H = s²·H0 − a₁·(Q/n)·|Q/n|, so the set's coefficient is a₁/n²: with this curve the whole set,
     * a₁ = a·installed², and {@code running} of them have a·(installed/running)². The shutoff head
     * is unchanged; at any head they give running/installed of the flow.
     */
    public PumpLaw withRunning(int running, int installed) {
        if (running < 1 || running > installed) {
            throw new IllegalArgumentException(
                    "running (" + running + ") must be between 1 and installed (" + installed + ")");
        }
        double r = (double) installed / running;
        return new PumpLaw(shutoffHead, a * r * r, speedFraction);
    }

    public PumpLaw atSpeed(double newSpeedFraction) {
        return new PumpLaw(shutoffHead, a, newSpeedFraction);
    }

    /** Head the pump gives at {@code flow}. */
    public double head(double flow) {
        return speedFraction * speedFraction * shutoffHead - a * flow * Math.abs(flow);
    }

    @Override
    public double drop(double flow) {
        return -head(flow);
    }

    @Override
    public double slope(double flow) {
        // a tiny floor keeps the Jacobian regular if the pump ever carries zero flow
        return 2 * a * Math.abs(flow) + a * 1e-9;
    }
}
