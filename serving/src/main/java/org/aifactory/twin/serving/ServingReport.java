package org.aifactory.twin.serving;

import java.util.List;

/**
 * The {@code serving} analysis report: facility totals first (the fields {@code validate --json}
 * promises), then each deployment. Totals: token and goodput rates are summed over deployments;
 * latency percentiles are the worst deployment's; {@code sloMet} holds when every deployment with
 * an SLO meets it.
 *
 * @param tokensPerSecond input + output tokens per second the facility serves
 * @param method how the figures were obtained (what was emulated, for how long)
 * @param itPowerKw IT power of the deployments' GPU shares of their racks
 * @param tokensPerJoule facility tokens per second over those IT watts (0 with no power)
 * @param energyCostUsdPerMillionTokens IT energy cost of a million tokens at the site's price
 * @param gpuHoursSaved GPU-hours the SLA planners saved against static provisioning, summed
 * @param facilityPowerOverhead facility power per IT watt from the power analysis (IT + losses +
 *     cooling over IT); null when the power analysis did not run
 * @param facilityTokensPerJoule {@code tokensPerJoule / facilityPowerOverhead}: tokens per joule the
 *     facility draws from the grid, assuming losses and cooling scale with the deployments' IT power
 * @param facilityEnergyCostUsdPerMillionTokens {@code energyCostUsdPerMillionTokens × facilityPowerOverhead}
 * @param loadSweep tokens per second against offered load: the traffic scaled by
 *     {@link ServingEmulation#SWEEP_FRACTIONS} on the same replicas and seed, shorter runs
 *     ({@link ServingEmulation#SWEEP_SECONDS} s of arrivals on {@link ServingEmulation#SWEEP_WORKERS} workers per point); empty when skipped
 * @param loadSweepSkipped why there is no sweep (too many deployments to emulate cheaply), or null
 */
public record ServingReport(
        double tokensPerSecond,
        double ttftP50Ms,
        double ttftP99Ms,
        double itlP50Ms,
        double itlP99Ms,
        double goodputRps,
        boolean sloMet,
        double inputTokensPerSecond,
        double outputTokensPerSecond,
        int gpus,
        double tokensPerSecondPerGpu,
        String method,
        List<DeploymentServing> deployments,
        double itPowerKw,
        double tokensPerJoule,
        double energyCostUsdPerMillionTokens,
        double gpuHoursSaved,
        Double facilityPowerOverhead,
        Double facilityTokensPerJoule,
        Double facilityEnergyCostUsdPerMillionTokens,
        List<LoadPoint> loadSweep,
        String loadSweepSkipped) {

    public ServingReport {
        deployments = List.copyOf(deployments);
        loadSweep = loadSweep == null ? List.of() : List.copyOf(loadSweep);
    }

    /** This report with the facility's energy figures, from its power per IT watt (1 or more). */
    ServingReport withFacilityOverhead(double overhead) {
        if (!(overhead >= 1)) {
            throw new IllegalArgumentException("facility power per IT watt must be at least 1, was " + overhead);
        }
        return new ServingReport(
                tokensPerSecond,
                ttftP50Ms,
                ttftP99Ms,
                itlP50Ms,
                itlP99Ms,
                goodputRps,
                sloMet,
                inputTokensPerSecond,
                outputTokensPerSecond,
                gpus,
                tokensPerSecondPerGpu,
                method,
                deployments,
                itPowerKw,
                tokensPerJoule,
                energyCostUsdPerMillionTokens,
                gpuHoursSaved,
                overhead,
                tokensPerJoule / overhead,
                energyCostUsdPerMillionTokens * overhead,
                loadSweep,
                loadSweepSkipped);
    }

    static ServingReport of(List<DeploymentServing> ds, String method) {
        return of(ds, method, List.of(), null);
    }

    static ServingReport of(List<DeploymentServing> ds, String method, List<LoadPoint> sweep, String sweepSkipped) {
        double tps = 0;
        double in = 0;
        double out = 0;
        double good = 0;
        int gpus = 0;
        double t50 = 0;
        double t99 = 0;
        double i50 = 0;
        double i99 = 0;
        boolean met = true;
        double kw = 0;
        double cost = 0;
        double saved = 0;
        for (DeploymentServing d : ds) {
            kw += d.itPowerKw();
            cost += d.energyCostUsdPerMillionTokens() * d.tokensPerSecond();
            saved += d.gpuHoursSaved();
            tps += d.tokensPerSecond();
            in += d.inputTokensPerSecond();
            out += d.outputTokensPerSecond();
            good += d.goodputRps();
            gpus += d.gpus();
            t50 = Math.max(t50, d.ttftP50Ms());
            t99 = Math.max(t99, d.ttftP99Ms());
            i50 = Math.max(i50, d.itlP50Ms());
            i99 = Math.max(i99, d.itlP99Ms());
            met &= d.sloMet();
        }
        return new ServingReport(
                tps,
                t50,
                t99,
                i50,
                i99,
                good,
                met,
                in,
                out,
                gpus,
                gpus == 0 ? 0 : tps / gpus,
                method,
                ds,
                kw,
                kw > 0 ? tps / (kw * 1e3) : 0,
                tps > 0 ? cost / tps : 0,
                saved,
                null,
                null,
                null,
                sweep,
                sweepSkipped);
    }
}
