package org.aifactory.twin.serving;

/**
 * One point of the serving report's {@code loadSweep}: the deployments' traffic scaled by
 * {@code loadFraction} and emulated again on the same replicas with the same seed (summed over
 * deployments; latencies the worst deployment's). Rates per second.
 *
 * @param loadFraction offered load as a fraction of the file's traffic (1 = as written)
 * @param offeredRps requests per second arriving
 * @param offeredTokensPerSecond arrivals × the traffic's mean input + output tokens per request
 * @param requestsPerSecond requests completed per second
 * @param tokensPerSecond input + output tokens per second served
 * @param goodputRps requests per second within both SLOs
 * @param goodputTokensPerSecond {@code tokensPerSecond × sloAttainment}: tokens of requests within the
 *     SLOs, taking them as long as the average request [E]
 * @param sloAttainment share of the requests within both SLOs ({@code goodputRps / offeredRps}: the
 *     emulator counts good requests over every measured arrival, the run draining its queue)
 * @param ttftP99Ms time to first token, p99, ms
 * @param itlP99Ms inter-token latency, p99, ms
 * @param overloaded a deployment's queue grew without bound at this load
 */
public record LoadPoint(
        double loadFraction,
        double offeredRps,
        double offeredTokensPerSecond,
        double requestsPerSecond,
        double tokensPerSecond,
        double goodputRps,
        double goodputTokensPerSecond,
        double sloAttainment,
        double ttftP99Ms,
        double itlP99Ms,
        boolean overloaded) {

    /** One deployment's point from its emulation, rates scaled by {@code upscale} to all its replicas. */
    static LoadPoint of(double fraction, EmulationResult r, double upscale, double meanTokensPerRequest) {
        // the emulator counts good requests over all measured arrivals (the run drains its queue), so divide by those
        double attainment = r.offeredRps() > 0 ? Math.min(1, r.goodputRps() / r.offeredRps()) : 0;
        double tps = r.totalTokensPerS() * upscale;
        return new LoadPoint(
                fraction,
                r.offeredRps() * upscale,
                r.offeredRps() * upscale * meanTokensPerRequest,
                r.completedRps() * upscale,
                tps,
                r.goodputRps() * upscale,
                tps * attainment,
                attainment,
                r.ttftP99Ms(),
                r.itlP99Ms(),
                r.overloaded());
    }

    /** The facility's point: this one's rates plus {@code o}'s, the worse latencies. */
    LoadPoint plus(LoadPoint o) {
        double rps = requestsPerSecond + o.requestsPerSecond;
        double offered = offeredRps + o.offeredRps;
        double good = goodputRps + o.goodputRps;
        return new LoadPoint(
                loadFraction,
                offered,
                offeredTokensPerSecond + o.offeredTokensPerSecond,
                rps,
                tokensPerSecond + o.tokensPerSecond,
                good,
                goodputTokensPerSecond + o.goodputTokensPerSecond,
                offered > 0 ? Math.min(1, good / offered) : 0,
                Math.max(ttftP99Ms, o.ttftP99Ms),
                Math.max(itlP99Ms, o.itlP99Ms),
                overloaded || o.overloaded);
    }
}
