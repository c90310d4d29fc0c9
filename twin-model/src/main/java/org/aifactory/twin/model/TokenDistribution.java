package org.aifactory.twin.model;

/** A distribution of token counts: its mean, and the spread and bounds its shape uses. */
public record TokenDistribution(DistributionKind kind, double mean, Double stddev, Integer min, Integer max) {

    public TokenDistribution {
        Checks.required(kind, "kind");
    }

    public static TokenDistribution fixed(double tokens) {
        return new TokenDistribution(DistributionKind.FIXED, tokens, null, null, null);
    }
}
