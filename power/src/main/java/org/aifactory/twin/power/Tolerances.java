package org.aifactory.twin.power;

/** Named numeric tolerances of the power solver. */
final class Tolerances {
    private Tolerances() {}

    /**
     * A load counts as over a rating only beyond {@code rating x (1 + 1e-9)}: a GB300 rack at its
     * typical 132 kW on the 4 x 33 kW shelves of one side is exactly at rating, and rounding in
     * the sums must not turn that into a violation.
     */
    static final double OVER_RATING_RELATIVE = 1e-9;

    static boolean over(double loadKw, double ratingKw) {
        return loadKw > ratingKw * (1 + OVER_RATING_RELATIVE);
    }
}
