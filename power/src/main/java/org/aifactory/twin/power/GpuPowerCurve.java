package org.aifactory.twin.power;

/**
 * GPU (and so rack) throughput against its power cap: {@code t(p) = p^alpha} for a power fraction
 * {@code p = P / P_max} in {@code [floorFraction, 1]}, where {@code P_max} is the rack's catalog
 * {@code maxPowerKw} (TDP) and {@code t} the throughput as a fraction of the throughput at
 * {@code P_max}. Concave and increasing, so the throughput-optimal split of a power budget gives
 * every rack the same marginal throughput per kW (see {@link CapPlanner}).
 *
 * <p>Sources and fit:
 * <ul>
 *   <li>{@code alpha = 0.44} [D]: fitted to "reducing an H100 from 700 W to 600 W (14 % power cut)
 *       typically yields only a 5-8 % throughput decrease for memory-bound LLM inference" [S]
 *       (factryze.ai/glossary/power-capping): {@code alpha = ln(1 - 0.065) / ln(600/700)
 *       = -0.0672 / -0.1542 = 0.436}. The same source gives 10-15 % step-time loss for
 *       pretraining at 600 W (alpha about 0.8): training-heavy sites should raise alpha.</li>
 *   <li>Cross-check with NVIDIA Max-Q / DSX Boost [S] (reference §3): "about 30 % lower power, or
 *       ~30 % more infrastructure in a fixed power budget". At {@code p = 0.7} the curve keeps
 *       {@code 0.7^0.44 = 0.855} of the throughput, so 1/0.7 = 1.43x the racks in the same power
 *       deliver {@code 1.43 x 0.855 = 1.22x} the throughput, in line with "~30 % more".</li>
 *   <li>{@code floorFraction = 0.3} [E]: a GPU cannot be capped below its minimum power limit
 *       (H100 SXM: 200 W of 700 W in nvidia-smi), and a rack keeps its CPUs, NICs and fans; below
 *       the floor the rack must be switched off instead.</li>
 * </ul>
 * The published data are per GPU; applying them to a whole rack's power is an estimate [E].
 *
 * @param alpha exponent, in (0, 1)
 * @param floorFraction lowest cap as a fraction of {@code maxPowerKw}, in (0, 1]
 */
record GpuPowerCurve(double alpha, double floorFraction) {

    /** The curve used unless told otherwise (see the class comment for the fit). */
    static final GpuPowerCurve DEFAULT = new GpuPowerCurve(0.44, 0.3);

    GpuPowerCurve {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("The alpha (" + alpha + ") of the GPU power curve must be in (0, 1) to be concave.");
        }
        if (!(floorFraction > 0 && floorFraction <= 1)) {
            throw new IllegalArgumentException("The floorFraction (" + floorFraction + ") must be in (0, 1]. Maybe 0.3?");
        }
    }

    /** Throughput fraction at power fraction {@code p} (clamped to [0, 1]): {@code p^alpha}. */
    double throughputFraction(double powerFraction) {
        return Math.pow(Math.max(0, Math.min(1, powerFraction)), alpha);
    }

    /**
     * The power fraction at which a rack of throughput weight {@code w} and maximum power
     * {@code maxKw} has marginal throughput {@code lambda} per kW: from
     * {@code d/dP [w (P/M)^alpha] = alpha w / M (P/M)^(alpha-1) = lambda},
     * {@code P/M = (alpha w / (lambda M))^(1/(1-alpha))}. Not clamped.
     */
    double powerFractionAtMarginal(double lambda, double weight, double maxKw) {
        return Math.pow(alpha * weight / (lambda * maxKw), 1 / (1 - alpha));
    }

    /** Marginal throughput per kW at power {@code powerKw}: {@code alpha w / M (P/M)^(alpha-1)}. */
    double marginalPerKw(double powerKw, double weight, double maxKw) {
        return alpha * weight / maxKw * Math.pow(powerKw / maxKw, alpha - 1);
    }
}
