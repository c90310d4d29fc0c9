package org.aifactory.twin.model.analysis;

import java.util.Optional;
import java.util.ServiceLoader;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.ServingMode;
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
     *
     * @param mode aggregated (every replica prefills and decodes) or disaggregated (a prefill pool
     *     and a decode pool, as NVIDIA Dynamo runs them; both of {@code tensorParallelism} GPUs);
     *     null means aggregated
     */
    record Request(
            String modelId,
            Precision precision,
            String rackTypeId,
            int tensorParallelism,
            TrafficProfile traffic,
            Slo slo,
            ServingMode mode) {
        public Request {
            mode = mode == null ? ServingMode.AGGREGATED : mode;
            if (modelId == null || precision == null || rackTypeId == null || traffic == null || slo == null) {
                throw new IllegalArgumentException(
                        "a sizing request needs a model, precision, rack type, traffic and SLO");
            }
            if (tensorParallelism < 1) {
                throw new IllegalArgumentException(
                        "the tensorParallelism (" + tensorParallelism + ") must be at least 1");
            }
        }

        /** An aggregated-serving question. */
        public Request(
                String modelId,
                Precision precision,
                String rackTypeId,
                int tensorParallelism,
                TrafficProfile traffic,
                Slo slo) {
            this(modelId, precision, rackTypeId, tensorParallelism, traffic, slo, ServingMode.AGGREGATED);
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
     * @param prefillReplicas disaggregated: replicas of the prefill pool (0 for aggregated)
     * @param decodeReplicas disaggregated: replicas of the decode pool (0 for aggregated);
     *     {@code replicas} is their sum
     * @param prefillRacks disaggregated: racks the prefill pool fills on its own (0 for aggregated)
     * @param decodeRacks disaggregated: racks the decode pool fills on its own; {@code racks} may be
     *     one less than their sum when the pools share a partly filled rack
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
            int emulations,
            int prefillReplicas,
            int decodeReplicas,
            int prefillRacks,
            int decodeRacks) {

        /** An aggregated-serving answer (no pools). */
        public Proposal(
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
            this(
                    feasible,
                    reason,
                    rackTypeId,
                    replicas,
                    gpus,
                    racks,
                    itPowerKw,
                    offeredRps,
                    tokensPerSecond,
                    ttftAtSloPercentileMs,
                    itlAtSloPercentileMs,
                    emulations,
                    0,
                    0,
                    0,
                    0);
        }

        public double itPowerMw() {
            return itPowerKw / 1000;
        }

        /** Whether the answer has separate prefill and decode pools. */
        public boolean disaggregated() {
            return decodeReplicas > 0;
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
