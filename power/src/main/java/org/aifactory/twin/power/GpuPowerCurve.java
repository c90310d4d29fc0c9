package org.aifactory.twin.power;

/**
 * GPU throughput against its power limit: {@code t(p) = p^alpha} for a fraction {@code p = P_gpu / G}
 * of the rack's nominal GPU power {@code G} (GPUs x catalog {@code maxTdpW}), {@code p} in
 * {@code [floorFraction, 1]}, {@code t} the throughput as a fraction of the throughput at nominal power.
 * Concave and increasing for {@code 0 < alpha < 1}, so the throughput-optimal split of a power budget
 * gives every rack the same marginal throughput per kW (see {@link CapPlanner}).
 *
 * <p>A rack's power is {@code P = N + p G}: a cap throttles its GPUs, while the rest of the rack
 * (CPUs, NVLink switches, NICs, fans: {@code N = maxPowerKw - G}) keeps drawing its share [E]. GB200
 * NVL72: {@code G = 72 x 1.2 kW = 86.4 kW}, {@code N = 132 - 86.4 = 45.6 kW} (catalog, ref §1).
 *
 * <p>{@code alpha} depends on what the rack runs ({@link WorkloadKind}: training and prefill 0.866,
 * aggregated inference 0.436, decode 0.109, each fitted to a published point, see there).
 * {@code floorFraction = 0.3} [D]: a GPU's power limit cannot go below its minimum (H100 SXM: 200 W
 * of 700 W = 0.29 in nvidia-smi); below it the rack must be switched off instead.
 * Cross-check with NVIDIA Max-Q / DSX Boost [S] (reference §3, "about 30 % lower power, or ~30 % more
 * infrastructure in a fixed power budget"): with inference's 0.436 a GPU at 70 % of its power keeps
 * {@code 0.7^0.436 = 0.856} of its throughput, so 1.43x the GPUs in the same power deliver 1.22x.
 *
 * @param alpha exponent, in (0, 1)
 * @param floorFraction lowest GPU power limit as a fraction of nominal GPU power, in (0, 1]
 */
record GpuPowerCurve(double alpha, double floorFraction) {

    /** The lowest GPU power limit, fraction of nominal [D: H100 SXM 200 of 700 W]. */
    static final double DEFAULT_FLOOR_FRACTION = 0.3;

    /** The curve of a workload kind with the default floor. */
    static GpuPowerCurve of(WorkloadKind kind) {
        return new GpuPowerCurve(kind.defaultAlpha(), DEFAULT_FLOOR_FRACTION);
    }

    GpuPowerCurve {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException(
                    "The alpha (" + alpha + ") of the GPU power curve must be in (0, 1) to be concave.");
        }
        if (!(floorFraction > 0 && floorFraction <= 1)) {
            throw new IllegalArgumentException(
                    "The floorFraction (" + floorFraction + ") must be in (0, 1]. Maybe 0.3?");
        }
    }

    /** Throughput fraction at power fraction {@code p} (clamped to [0, 1]): {@code p^alpha}. */
    double throughputFraction(double powerFraction) {
        return Math.pow(Math.max(0, Math.min(1, powerFraction)), alpha);
    }

    /**
     * The GPU power fraction at which a rack of throughput weight {@code w} and nominal GPU power
     * {@code G} has marginal throughput {@code lambda} per kW: from
     * {@code d/dP [w ((P - N)/G)^alpha] = alpha w / G p^(alpha-1) = lambda},
     * {@code p = (alpha w / (lambda G))^(1/(1-alpha))}. Not clamped.
     */
    double powerFractionAtMarginal(double lambda, double weight, double gpuKw) {
        return Math.pow(alpha * weight / (lambda * gpuKw), 1 / (1 - alpha));
    }

    /** Marginal throughput per kW at GPU power {@code gpuPowerKw}: {@code alpha w / G (P_gpu/G)^(alpha-1)}. */
    double marginalPerKw(double gpuPowerKw, double weight, double gpuKw) {
        return alpha * weight / gpuKw * Math.pow(gpuPowerKw / gpuKw, alpha - 1);
    }
}
