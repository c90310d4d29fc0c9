package org.aifactory.twin.power;

/**
 * The power-capping study and the default grid-event study. The facility file's {@code site.powerCapKw}
 * and {@code site.gridEvents} take precedence over the defaults here (see {@link PowerAnalysis}).
 *
 * @param siteCapKw cap on utility demand for the capping study, kW; null: the file's
 *     {@code site.powerCapKw}, else the site's grid capacity
 * @param demandResponseFraction share of the baseline utility demand a demand-response event
 *     curtails, in [0, 1): default 0.20 [E: a typical DR request; DSX Flex names no figure]
 * @param demandResponseHours how long it lasts, h: default 4 [E]
 * @param lostFeedNodeId the node a lost-feed event takes out; null: the most loaded transformer
 *     (the most loaded utility when there is none)
 * @param lostFeedHours how long the feed is out, h: default 4 [E]
 * @param curvePoints points of the facility throughput-against-power curve (>= 2): default 16
 * @param curveAlpha one exponent of the GPU curve for every rack ({@link GpuPowerCurve}); null (the
 *     default): by what the rack runs ({@link WorkloadKind})
 * @param curveFloorFraction lowest GPU power limit as a fraction of nominal GPU power: default 0.3 [D]
 */
public record GridOptions(
        Double siteCapKw,
        double demandResponseFraction,
        double demandResponseHours,
        String lostFeedNodeId,
        double lostFeedHours,
        int curvePoints,
        Double curveAlpha,
        double curveFloorFraction) {

    public static final GridOptions DEFAULT =
            new GridOptions(null, 0.20, 4, null, 4, 16, null, GpuPowerCurve.DEFAULT_FLOOR_FRACTION);

    public GridOptions {
        if (siteCapKw != null && !(siteCapKw > 0)) {
            throw new IllegalArgumentException(
                    "The siteCapKw (" + siteCapKw + ") must be positive. Maybe leave it out to use the grid capacity?");
        }
        if (!(demandResponseFraction >= 0 && demandResponseFraction < 1)) {
            throw new IllegalArgumentException(
                    "The demandResponseFraction (" + demandResponseFraction + ") must be in [0, 1). Maybe 0.2?");
        }
        if (!(demandResponseHours >= 0) || !(lostFeedHours >= 0)) {
            throw new IllegalArgumentException("The event durations (" + demandResponseHours + " h, " + lostFeedHours
                    + " h) must not be negative.");
        }
        if (curvePoints < 2) {
            throw new IllegalArgumentException("The curvePoints (" + curvePoints + ") must be at least 2. Maybe 16?");
        }
        new GpuPowerCurve(curveAlpha == null ? 0.5 : curveAlpha, curveFloorFraction); // validates both
    }

    /** The defaults with one curve exponent for every rack, whatever it runs. */
    public GridOptions withCurveAlpha(double alpha) {
        return new GridOptions(
                siteCapKw,
                demandResponseFraction,
                demandResponseHours,
                lostFeedNodeId,
                lostFeedHours,
                curvePoints,
                alpha,
                curveFloorFraction);
    }

    /** The defaults with another site cap, kW. */
    public GridOptions withSiteCapKw(double capKw) {
        return new GridOptions(
                capKw,
                demandResponseFraction,
                demandResponseHours,
                lostFeedNodeId,
                lostFeedHours,
                curvePoints,
                curveAlpha,
                curveFloorFraction);
    }

    /** The defaults with another demand-response event. */
    public GridOptions withDemandResponse(double fraction, double hours) {
        return new GridOptions(
                siteCapKw, fraction, hours, lostFeedNodeId, lostFeedHours, curvePoints, curveAlpha, curveFloorFraction);
    }

    /** The defaults with another lost feed. */
    public GridOptions withLostFeed(String nodeId, double hours) {
        return new GridOptions(
                siteCapKw,
                demandResponseFraction,
                demandResponseHours,
                nodeId,
                hours,
                curvePoints,
                curveAlpha,
                curveFloorFraction);
    }

    /** The curve of a rack running {@code kind}. */
    GpuPowerCurve curve(WorkloadKind kind) {
        return new GpuPowerCurve(curveAlpha != null ? curveAlpha : kind.defaultAlpha(), curveFloorFraction);
    }

    /** The exponent used for each workload kind, by {@link WorkloadKind#jsonName()}. */
    java.util.Map<String, Double> alphas() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (WorkloadKind k : WorkloadKind.values()) {
            m.put(k.jsonName(), curve(k).alpha());
        }
        return m;
    }
}
