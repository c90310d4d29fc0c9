package org.aifactory.twin.serving;

import java.util.ArrayDeque;

/**
 * Forecast of the next interval's value from the last {@code window} samples
 * ({@link PlannerSpec.Predictor}). Holt: level ℓ and trend b, ℓ_t = α y_t + (1 − α)(ℓ + b),
 * b_t = β (ℓ_t − ℓ) + (1 − β) b, forecast ℓ + b, never below 0; refitted over the window at each
 * sample so old samples drop out as in Dynamo's windowed predictors.
 */
final class LoadPredictor {
    static final double HOLT_ALPHA = 0.5;
    static final double HOLT_BETA = 0.3;

    private final PlannerSpec.Predictor kind;
    private final int window;
    private final ArrayDeque<Double> samples = new ArrayDeque<>();

    LoadPredictor(PlannerSpec.Predictor kind, int window) {
        this.kind = kind;
        this.window = window;
    }

    void add(double v) {
        samples.addLast(v);
        if (samples.size() > window) {
            samples.pollFirst();
        }
    }

    /** The forecast; 0 with no samples. */
    double predict() {
        if (samples.isEmpty()) {
            return 0;
        }
        if (kind == PlannerSpec.Predictor.CONSTANT || samples.size() < 2) {
            return samples.peekLast();
        }
        double level = Double.NaN;
        double trend = 0;
        for (double y : samples) {
            if (Double.isNaN(level)) {
                level = y;
                continue;
            }
            double previous = level;
            level = HOLT_ALPHA * y + (1 - HOLT_ALPHA) * (level + trend);
            trend = HOLT_BETA * (level - previous) + (1 - HOLT_BETA) * trend;
        }
        return Math.max(0, level + trend);
    }
}
