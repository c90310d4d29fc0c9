package org.aifactory.twin.serving;

/**
 * A synthetic model of shared prompt prefixes (system prompts, few-shot headers, chat history),
 * because the facility file format has no prefix field yet: every request belongs to one of
 * {@code sessions} sessions drawn with Zipf popularity (probability of the k-th most popular ∝
 * 1 / k^{@code zipfExponent}), and the first {@code sharedPrefixTokens} tokens of its prompt
 * (at most its prompt less one token) are the session's shared prefix. All three values are
 * assumptions [E] to be set per customer; Zipf popularity of shared content is the usual
 * assumption for caches (Breslau et al., INFOCOM 1999). {@link #NONE}: no sharing.
 *
 * @param sessions distinct prefixes (0: none), at most {@value #MAX_SESSIONS}
 * @param zipfExponent Zipf exponent s ≥ 0 (0: uniform popularity; ≈1: web-like skew)
 * @param sharedPrefixTokens tokens of a session's shared prefix
 */
public record PrefixModel(int sessions, double zipfExponent, int sharedPrefixTokens) {
    /** Bound on sessions: the popularity table is held in memory (8 B per session). */
    public static final int MAX_SESSIONS = 10_000_000;

    public static final PrefixModel NONE = new PrefixModel(0, 0, 0);

    public PrefixModel {
        if (sessions < 0 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions (" + sessions + ") must be in [0, " + MAX_SESSIONS + "]");
        }
        if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
            throw new IllegalArgumentException("zipfExponent (" + zipfExponent + ") must be finite and non-negative");
        }
        if (sharedPrefixTokens < 0) {
            throw new IllegalArgumentException("sharedPrefixTokens (" + sharedPrefixTokens + ") must be non-negative");
        }
    }

    /** Whether requests share prefixes at all. */
    public boolean enabled() {
        return sessions > 0 && sharedPrefixTokens > 0;
    }
}
