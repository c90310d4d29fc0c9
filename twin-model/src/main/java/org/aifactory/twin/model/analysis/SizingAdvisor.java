package org.aifactory.twin.model.analysis;

import java.util.Optional;
import java.util.ServiceLoader;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * Sizing mode as a service: how many racks (and so GPUs and IT power) serve a traffic at its
 * SLOs. The serving module implements it with its emulator; the designer's sizing view finds it
 * with {@link #discover()} ({@link ServiceLoader}, a {@code META-INF/services} entry), so the UI
 * needs no solver on its compile path. Implementations are stateless and may take seconds: call
 * them off the UI thread.
 */
public interface SizingAdvisor {

    /**
     * A sizing question: this catalog model at this precision, in replicas of {@code tensorParallelism}
     * GPUs on racks of {@code rackTypeId}, under {@code traffic}, at {@code slo}.
     */
    record Request(
            String modelId,
            Precision precision,
            String rackTypeId,
            int tensorParallelism,
            TrafficProfile traffic,
            Slo slo) {
        public Request {
            if (modelId == null || precision == null || rackTypeId == null || traffic == null || slo == null) {
                throw new IllegalArgumentException(
                        "a sizing request needs a model, precision, rack type, traffic and SLO");
            }
            if (tensorParallelism < 1) {
                throw new IllegalArgumentException(
                        "the tensorParallelism (" + tensorParallelism + ") must be at least 1");
            }
        }
    }

    /**
     * The answer: the fewest replicas found to meet the SLO, what they take, and what the
     * emulation measured at that size. When {@code feasible} is false, {@code reason} says why.
     *
     * @param replicas serving replicas of {@code tensorParallelism} GPUs
     * @param racks racks of the requested type holding them
     * @param itPowerKw racks × the rack type's typical power, kW
     * @param tokensPerSecond input + output tokens per second served at that size
     * @param ttftAtSloPercentileMs TTFT at the SLO's percentile, ms; {@code itlAtSloPercentileMs} likewise
     * @param emulations emulations the search ran
     */
    record Proposal(
            boolean feasible,
            String reason,
            String rackTypeId,
            int replicas,
            int gpus,
            int racks,
            double itPowerKw,
            double offeredRps,
            double tokensPerSecond,
            double ttftAtSloPercentileMs,
            double itlAtSloPercentileMs,
            int emulations) {

        public double itPowerMw() {
            return itPowerKw / 1000;
        }
    }

    /** Which method answers, for the user ("serving emulator"). */
    String name();

    /** Answers {@code request}, resolving its ids in {@code catalog}; an id not in the catalog is an infeasible answer naming it. */
    Proposal size(Request request, CatalogIndex catalog);

    /** The first advisor on the class path, if any. */
    static Optional<SizingAdvisor> discover() {
        return ServiceLoader.load(SizingAdvisor.class).findFirst();
    }
}
