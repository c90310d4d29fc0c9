package org.aifactory.twin.serving;

/**
 * One planner decision: what it saw over the last interval and what it set.
 *
 * @param timeS decision time, s of simulated time
 * @param observedRps arrivals per second in the interval just ended
 * @param predictedRps the forecast for the next interval
 * @param ttftMeanMs mean TTFT of the requests whose first token came in the interval (0: none)
 * @param itlMeanMs mean inter-token latency of the tokens of the interval (0: none)
 * @param frontWorkers aggregated or prefill workers serving after the decision (not counting starting ones)
 * @param backWorkers decode workers serving (0 when aggregated)
 * @param frontTarget workers the planner asked for
 * @param backTarget decode workers the planner asked for
 */
public record PlannerPoint(
        double timeS,
        double observedRps,
        double predictedRps,
        double ttftMeanMs,
        double itlMeanMs,
        int frontWorkers,
        int backWorkers,
        int frontTarget,
        int backTarget) {}
