package org.aifactory.twin.network;

/** Named numeric tolerances of the network solver. */
final class Tolerances {
    private Tolerances() {}

    /**
     * Absolute tolerance on bandwidths (Gb/s), lengths (m) and ratios: a bisection counts as short,
     * or a ratio as over the spec, only beyond it. Also handed to JGraphT's push-relabel max flow,
     * whose own default it equals.
     */
    static final double EPSILON = 1e-9;

    /** Relative tolerance for comparisons of large sums (Tb/s over thousands of links). */
    static final double RELATIVE = 1e-9;

    static boolean below(double value, double required) {
        return value < required - EPSILON - RELATIVE * Math.abs(required);
    }
}
