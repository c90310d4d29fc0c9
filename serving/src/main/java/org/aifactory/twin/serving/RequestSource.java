package org.aifactory.twin.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.TokenDistribution;

/**
 * Where requests come from: arrival times and token lengths, drawn from a seeded generator so a
 * run is deterministic for its seed. Arrival processes:
 * <ul>
 *   <li>Poisson at {@code rateRps};</li>
 *   <li>burst: {@code peakRps} for the first {@value #BURST_DUTY} of every {@code periodS}, the base
 *       rate otherwise (the burst's share of each period is an assumption [E]);</li>
 *   <li>diurnal: rate(t) = mean + a × sin(2πt / period), a = min(peak - mean, mean) so the rate
 *       never goes negative and the mean holds;</li>
 *   <li>trace: CSV rows {@code arrivalS,inputTokens,outputTokens[,session]}, '#' comments. A session
 *       id marks a multi-turn conversation: each turn's prompt is taken to start with the previous
 *       turn's prompt and answer, so its shared prefix is that length, at most its prompt less one
 *       token [E]; what a worker can reuse of it is the previous prompt it prefilled.</li>
 * </ul>
 * Non-homogeneous processes are drawn by thinning (Lewis and Shedler 1979).
 */
public abstract class RequestSource {
    /** Share of each burst period spent at the peak rate [E]. */
    public static final double BURST_DUTY = 0.1;
    /** Period of bursts and of the diurnal curve when the file gives none, s [E]. */
    public static final double DEFAULT_PERIOD_S = 60;

    /** Fills the next request; false when the source is exhausted. */
    public abstract boolean next(Request into);

    /** Long-run mean arrival rate, requests/s (infinite for the offline source). */
    public abstract double meanRateRps();

    /** A request as drawn: arrival time and token counts. */
    public static final class Request {
        public double arrivalS;
        public int inputTokens;
        public int outputTokens;
        /** Session whose prefix the prompt starts with, or -1 for none. */
        public int prefixId = -1;
        /** Tokens of the prompt that are the session's shared prefix (0 when {@code prefixId} is -1). */
        public int prefixTokens;
        /**
         * Tokens of this prompt a later request of the session may reuse once it is prefilled: the
         * shared prefix (synthetic model) or the whole prompt (a conversation turn of a trace).
         */
        public int reusableTokens;
        /** Tenant index drawn by {@link #withTenants}, -1 for none. */
        public int tenant = -1;
    }

    /**
     * {@code base} with each request given a tenant, drawn by the tenants' shares (normalised to
     * sum 1) from its own seeded stream, so arrivals and lengths stay those of {@code base}.
     */
    public static RequestSource withTenants(RequestSource base, List<TenantSpec> tenants, long seed) {
        if (tenants.isEmpty()) {
            return base;
        }
        double[] cdf = new double[tenants.size()];
        double sum = 0;
        for (int i = 0; i < cdf.length; i++) {
            sum += tenants.get(i).share();
            cdf[i] = sum;
        }
        double total = sum;
        SplittableRandom random = new SplittableRandom(seed ^ 0x7E4A47L);
        return new RequestSource() {
            @Override
            public boolean next(Request r) {
                if (!base.next(r)) {
                    return false;
                }
                double u = random.nextDouble() * total;
                int k = 0;
                while (k < cdf.length - 1 && u >= cdf[k]) {
                    k++;
                }
                r.tenant = k;
                return true;
            }

            @Override
            public double meanRateRps() {
                return base.meanRateRps();
            }
        };
    }

    /**
     * {@code base} with each request given a session of {@code prefixes} (Zipf popularity, its own
     * seeded stream so arrivals and token lengths stay those of {@code base}); {@code base} itself
     * when the model shares nothing.
     */
    public static RequestSource withPrefixes(RequestSource base, PrefixModel prefixes, long seed) {
        if (!prefixes.enabled()) {
            return base;
        }
        double[] cdf = new double[prefixes.sessions()];
        double sum = 0;
        for (int k = 0; k < cdf.length; k++) {
            sum += Math.pow(k + 1, -prefixes.zipfExponent());
            cdf[k] = sum;
        }
        double total = sum;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return new RequestSource() {
            @Override
            public boolean next(Request r) {
                if (!base.next(r)) {
                    return false;
                }
                int k = java.util.Arrays.binarySearch(cdf, random.nextDouble() * total);
                r.prefixId = Math.min(cdf.length - 1, k >= 0 ? k : -k - 1);
                r.prefixTokens = Math.max(0, Math.min(prefixes.sharedPrefixTokens(), r.inputTokens - 1));
                r.reusableTokens = r.prefixTokens;
                return true;
            }

            @Override
            public double meanRateRps() {
                return base.meanRateRps();
            }
        };
    }

    /** Synthetic arrivals scaled by {@code rateScale} (to emulate a share of a deployment's replicas). */
    public static RequestSource synthetic(
            Arrival arrival, TokenDistribution input, TokenDistribution output, double rateScale, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        TokenSampler in = new TokenSampler(input, root.split());
        TokenSampler out = new TokenSampler(output, root.split());
        SplittableRandom times = root.split();
        double rate = arrival.rateRps() * rateScale;
        double peak = (arrival.peakRps() == null ? arrival.rateRps() : arrival.peakRps()) * rateScale;
        double period = arrival.periodS() == null || arrival.periodS() <= 0 ? DEFAULT_PERIOD_S : arrival.periodS();
        RateCurve curve = switch (arrival.kind()) {
            case POISSON, TRACE -> null;
            case BURST -> t -> (t % period) < BURST_DUTY * period ? peak : rate;
            case DIURNAL -> t -> rate + Math.min(peak - rate, rate) * Math.sin(2 * Math.PI * t / period);
        };
        double max = curve == null
                ? rate
                : arrival.kind() == ArrivalKind.DIURNAL
                        ? rate + Math.max(0, Math.min(peak - rate, rate))
                        : Math.max(rate, peak);
        double mean = switch (arrival.kind()) {
            case BURST -> BURST_DUTY * peak + (1 - BURST_DUTY) * rate;
            default -> rate;
        };
        if (!(rate > 0)) {
            throw new IllegalArgumentException(
                    "rateRps (" + arrival.rateRps() + ") must be positive for " + arrival.kind());
        }
        return new RequestSource() {
            private double t;

            @Override
            public boolean next(Request r) {
                do {
                    t += -Math.log(1 - times.nextDouble()) / max;
                } while (curve != null && times.nextDouble() * max > curve.rate(t));
                r.arrivalS = t;
                r.inputTokens = in.next();
                r.outputTokens = out.next();
                return true;
            }

            @Override
            public double meanRateRps() {
                return mean;
            }
        };
    }

    /** Every request at time zero (MLPerf "offline"): throughput at saturation. */
    public static RequestSource offline(TokenDistribution input, TokenDistribution output, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        TokenSampler in = new TokenSampler(input, root.split());
        TokenSampler out = new TokenSampler(output, root.split());
        return new RequestSource() {
            @Override
            public boolean next(Request r) {
                r.arrivalS = 0;
                r.inputTokens = in.next();
                r.outputTokens = out.next();
                return true;
            }

            @Override
            public double meanRateRps() {
                return Double.POSITIVE_INFINITY;
            }
        };
    }

    /** A trace file; its rows are replayed in order, arrival times scaled by 1 / {@code rateScale}. */
    public static RequestSource trace(Path file, double rateScale) {
        List<double[]> rows = new ArrayList<>();
        java.util.Map<String, Integer> sessions = new java.util.HashMap<>();
        java.util.Map<Integer, Long> history = new java.util.HashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#") || Character.isLetter(s.charAt(0))) {
                    continue;
                }
                String[] f = s.split(",");
                if (f.length < 3) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "%s:%d: a trace row needs arrivalS,inputTokens,outputTokens; found '%s'",
                            file,
                            lineNo,
                            s));
                }
                try {
                    int in = Integer.parseInt(f[1].strip());
                    int out = Integer.parseInt(f[2].strip());
                    int session = -1;
                    long shared = 0;
                    if (f.length > 3 && !f[3].isBlank()) {
                        session = sessions.computeIfAbsent(f[3].strip(), k -> sessions.size());
                        shared = Math.max(0, Math.min(history.getOrDefault(session, 0L), in - 1L));
                        history.put(session, (long) in + out);
                    }
                    rows.add(new double[] {Double.parseDouble(f[0].strip()), in, out, session, shared});
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            String.format(Locale.ROOT, "%s:%d: not a number in '%s'", file, lineNo, s), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
        double span = rows.isEmpty() ? 0 : rows.get(rows.size() - 1)[0] - rows.get(0)[0];
        double mean = span > 0 ? (rows.size() - 1) / span * rateScale : Double.POSITIVE_INFINITY;
        return new RequestSource() {
            private int i;

            @Override
            public boolean next(Request r) {
                if (i >= rows.size()) {
                    return false;
                }
                double[] row = rows.get(i++);
                r.arrivalS = row[0] / rateScale;
                r.inputTokens = Math.max(1, (int) row[1]);
                r.outputTokens = Math.max(1, (int) row[2]);
                r.prefixId = (int) row[3];
                r.prefixTokens = (int) row[4];
                r.reusableTokens = row[3] >= 0 ? r.inputTokens : 0;
                return true;
            }

            @Override
            public double meanRateRps() {
                return mean;
            }
        };
    }

    @FunctionalInterface
    private interface RateCurve {
        double rate(double tS);
    }

    /** Draws token counts from a {@link TokenDistribution}, clamped to [max(1, min), max]. */
    static final class TokenSampler {
        private final TokenDistribution d;
        private final SplittableRandom random;
        private final int lo;
        private final int hi;
        private final double mu;
        private final double sigma;

        TokenSampler(TokenDistribution d, SplittableRandom random) {
            this.d = d;
            this.random = random;
            this.lo = Math.max(1, d.min() == null ? 1 : d.min());
            this.hi = d.max() == null ? Integer.MAX_VALUE : Math.max(lo, d.max());
            double sd = d.stddev() == null ? 0 : d.stddev();
            if (d.kind() == DistributionKind.LOGNORMAL && d.mean() > 0) {
                // lognormal with the given arithmetic mean and standard deviation
                double cv2 = sd * sd / (d.mean() * d.mean());
                this.sigma = Math.sqrt(Math.log1p(cv2));
                this.mu = Math.log(d.mean()) - sigma * sigma / 2;
            } else {
                this.sigma = 0;
                this.mu = 0;
            }
        }

        int next() {
            double v = switch (d.kind()) {
                case FIXED -> d.mean();
                case UNIFORM -> {
                    double sd = d.stddev() == null ? 0 : d.stddev();
                    // uniform with the given mean and standard deviation: half-width sqrt(3) sd
                    double half = d.min() != null && d.max() != null && sd == 0
                            ? (d.max() - d.min()) / 2.0
                            : Math.sqrt(3) * sd;
                    double centre =
                            d.min() != null && d.max() != null && sd == 0 ? (d.max() + d.min()) / 2.0 : d.mean();
                    yield centre + (2 * random.nextDouble() - 1) * half;
                }
                case LOGNORMAL -> sigma == 0 ? d.mean() : Math.exp(mu + sigma * gaussian());
            };
            long r = Math.round(v);
            return (int) Math.max(lo, Math.min(hi, r));
        }

        private double gaussian() {
            // Box-Muller, one value per call (deterministic, no cached state)
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }
}
