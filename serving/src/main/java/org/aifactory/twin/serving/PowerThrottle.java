package org.aifactory.twin.serving;

/**
 * Throughput of a GPU against the power it may draw, for a power cap (the power analysis) or
 * thermal throttling (the thermal analysis), both published as a
 * {@link org.aifactory.twin.model.analysis.RackPowerLimitFact}. A GPU held below its power lowers
 * its clocks; the roofline's two ceilings then fall by different amounts:
 * <pre>
 *   compute peak  × p^{@value #COMPUTE_ALPHA}     (prefill, compute-bound)
 *   HBM bandwidth × p^{@value #MEMORY_ALPHA}     (decode, memory-bound)
 * </pre>
 * for a power fraction {@code p = P / P_max} in [{@value #FLOOR_FRACTION}, 1], so a decode-heavy
 * replica loses less than a prefill-heavy one; the iteration model mixes them as its roofline does.
 * <ul>
 *   <li>{@code MEMORY_ALPHA = 0.44} [D]: "reducing an H100 from 700 W to 600 W (14 % power cut)
 *       typically yields only a 5-8 % throughput decrease for memory-bound LLM inference" [S]
 *       (factryze.ai/glossary/power-capping): ln(1 − 0.065) / ln(600/700) = 0.436. The same curve
 *       the power analysis uses for its Max-Q capping plan (docs/power.md §6), so both analyses
 *       agree on what a cap costs a decode-bound fleet.</li>
 *   <li>{@code COMPUTE_ALPHA = 0.8} [D]: the same source gives a 10-15 % step-time loss for
 *       compute-bound pretraining at 600 W: ln(1 − 0.125) / ln(600/700) = 0.87, ln(1/1.125) /
 *       ln(600/700) = 0.76; 0.8 is between them (docs/power.md: "alpha about 0.8 for
 *       training-heavy sites").</li>
 *   <li>{@code FLOOR_FRACTION = 0.3} [E]: the lowest power limit a GPU accepts (H100 SXM: 200 W of
 *       700 W in nvidia-smi), as in the power analysis; a tighter limit is taken as this floor.</li>
 * </ul>
 * Cross-check: at a 70 % cap a decode-bound replica keeps 0.7^0.44 = 85.5 % and a prefill-bound
 * one 0.7^0.8 = 75.2 %; NVIDIA's Max-Q "about 30 % lower power" for most of the throughput [S]
 * (reference §3) sits at the decode end, as serving fleets are mostly decode time.
 */
public final class PowerThrottle {
    public static final double MEMORY_ALPHA = 0.44;
    public static final double COMPUTE_ALPHA = 0.8;
    public static final double FLOOR_FRACTION = 0.3;

    private PowerThrottle() {}

    /** The derate of a replica whose GPUs may draw {@code powerFraction} of their nominal power. */
    public static ExecutionModel.Derate at(double powerFraction) {
        if (!(powerFraction > 0)) {
            throw new IllegalArgumentException("powerFraction (" + powerFraction + ") must be above 0");
        }
        double p = Math.max(FLOOR_FRACTION, Math.min(1, powerFraction));
        if (p == 1) {
            return ExecutionModel.Derate.NONE;
        }
        return new ExecutionModel.Derate(Math.pow(p, COMPUTE_ALPHA), Math.pow(p, MEMORY_ALPHA), 1);
    }
}
