package org.aifactory.twin.model.analysis;

import java.util.Map;
import java.util.Objects;

/**
 * Published by an analysis that limits the power the GPUs of some racks may draw: the power
 * analysis when a site power cap or a grid event caps racks, the thermal analysis when coolant
 * too warm forces the GPUs to throttle. The serving analysis lowers those racks' throughput with
 * its throughput-against-power curve. Several analyses may publish one each; a consumer applies
 * the tightest limit per rack ({@link AnalysisContext#factsOf(Class)}).
 *
 * @param source name of the analysis that published it ("power", "thermal")
 * @param gpuPowerFractionByRack rack id to the allowed fraction of the rack's nominal GPU power,
 *     in (0, 1]; racks not in the map are not limited
 * @param reason one line a person can read: why these racks are limited
 */
public record RackPowerLimitFact(String source, Map<String, Double> gpuPowerFractionByRack, String reason) {

    public RackPowerLimitFact {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        gpuPowerFractionByRack = Map.copyOf(gpuPowerFractionByRack);
        gpuPowerFractionByRack.forEach((rack, fraction) -> {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException(
                        "power fraction of rack " + rack + " must be in (0, 1], was " + fraction);
            }
        });
    }

    /** The allowed fraction of nominal GPU power for {@code rackId}: 1 when not limited. */
    public double fractionFor(String rackId) {
        return gpuPowerFractionByRack.getOrDefault(rackId, 1.0);
    }
}
