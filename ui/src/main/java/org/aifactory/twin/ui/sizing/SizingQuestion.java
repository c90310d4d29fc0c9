package org.aifactory.twin.ui.sizing;

import java.util.Locale;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.analysis.SizingAdvisor;

/**
 * What the sizing view asks, as typed, turned into a {@link SizingAdvisor.Request}. Each number
 * is checked with a message naming the field and the value; FX-free.
 *
 * <p>Token lengths: the user gives the means; the spread is the chat mix of the generated samples
 * [E]: lognormal, standard deviation half the mean, at least 16 tokens, at most 8 × the mean.
 * SLO percentiles are p99, as in MLPerf Inference's Llama-2-70B interactive scenario (TTFT 450 ms,
 * TPOT 40 ms) [S] (ref §5c), which are also the defaults.
 *
 * @param mode aggregated, or disaggregated prefill and decode pools (as NVIDIA Dynamo runs them);
 *     null means aggregated
 */
public record SizingQuestion(
        String modelId,
        Precision precision,
        String rackTypeId,
        String tensorParallelism,
        String requestsPerSecond,
        String inputTokens,
        String outputTokens,
        String ttftMs,
        String itlMs,
        ServingMode mode) {

    /** An aggregated-serving question. */
    public SizingQuestion(
            String modelId,
            Precision precision,
            String rackTypeId,
            String tensorParallelism,
            String requestsPerSecond,
            String inputTokens,
            String outputTokens,
            String ttftMs,
            String itlMs) {
        this(
                modelId,
                precision,
                rackTypeId,
                tensorParallelism,
                requestsPerSecond,
                inputTokens,
                outputTokens,
                ttftMs,
                itlMs,
                ServingMode.AGGREGATED);
    }

    /** The deployment id the sizing and the laid-out facility use. */
    public static final String DEPLOYMENT = "serving";
    /** The SLOs' percentile. */
    public static final double SLO_PERCENTILE = 99;

    /** The defaults the view starts from: the scalable-unit sample's traffic (400 req/s of Llama-2-70B) on GB200. */
    public static SizingQuestion defaults() {
        return new SizingQuestion("llama-2-70b", Precision.FP8, "gb200-nvl72", "4", "400", "1024", "512", "450", "40");
    }

    /** The request, or an {@link IllegalArgumentException} whose message says which field is wrong and why. */
    public SizingAdvisor.Request toRequest() {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("Choose a model");
        }
        if (rackTypeId == null || rackTypeId.isBlank()) {
            throw new IllegalArgumentException("Choose a rack type");
        }
        int tp = (int) positive("Tensor parallelism", tensorParallelism, true);
        double rps = positive("Traffic, requests/s", requestsPerSecond, false);
        double in = positive("Input tokens (mean)", inputTokens, false);
        double out = positive("Output tokens (mean)", outputTokens, false);
        double ttft = positive("TTFT SLO (ms)", ttftMs, false);
        double itl = positive("Inter-token latency SLO (ms)", itlMs, false);
        TrafficProfile traffic = new TrafficProfile(
                DEPLOYMENT + "-traffic",
                DEPLOYMENT,
                new Arrival(ArrivalKind.POISSON, rps, null, null, null),
                tokens(in),
                tokens(out));
        Slo slo = new Slo(DEPLOYMENT + "-slo", DEPLOYMENT, ttft, SLO_PERCENTILE, itl, SLO_PERCENTILE);
        return new SizingAdvisor.Request(
                modelId,
                precision == null ? Precision.FP8 : precision,
                rackTypeId,
                tp,
                traffic,
                slo,
                mode == null ? ServingMode.AGGREGATED : mode);
    }

    private static TokenDistribution tokens(double mean) {
        return new TokenDistribution(
                DistributionKind.LOGNORMAL, mean, mean / 2, 16, (int) Math.max(32, Math.round(8 * mean)));
    }

    private static double positive(String field, String text, boolean integer) {
        String t = text == null ? "" : text.strip().replace(",", "");
        double v;
        try {
            v = integer ? Integer.parseInt(t) : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s: '%s' is not a%s number", field, text, integer ? " whole" : ""));
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be positive, not %s", field, t));
        }
        return v;
    }
}
