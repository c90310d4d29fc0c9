package org.aifactory.twin.serving;

import java.util.Optional;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.GpuType;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.catalog.RackType;

/**
 * The serving emulator's sizing mode ({@link Sizing}) behind the model's {@link SizingAdvisor}
 * service, for the designer's sizing view: aggregated serving, or disaggregated serving with a
 * prefill and a decode pool of the same parallelism (Sizing's search over the prefill share),
 * replicas of tensor parallelism only (pipeline, expert and data parallelism 1), the KV-aware
 * router, and the emulation options
 * {@code validate} uses ({@link ServingEmulation.Options#VALIDATE}). Found through
 * {@code META-INF/services}. Stateless.
 */
public final class EmulatorSizingAdvisor implements SizingAdvisor {
    /** The emulation options of each sizing trial. */
    private final ServingEmulation.Options options;

    public EmulatorSizingAdvisor() {
        this(ServingEmulation.Options.VALIDATE);
    }

    EmulatorSizingAdvisor(ServingEmulation.Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "serving emulator (sizing mode)";
    }

    @Override
    public Proposal size(Request q, CatalogIndex catalog) {
        Optional<LlmType> model = catalog.model(q.modelId());
        Optional<RackType> rack = catalog.rack(q.rackTypeId());
        Optional<GpuType> gpu = rack.map(RackType::gpu).flatMap(catalog::gpu);
        String missing = model.isEmpty()
                ? "model '" + q.modelId() + "' is not in the catalog"
                : rack.isEmpty()
                        ? "rack type '" + q.rackTypeId() + "' is not in the catalog"
                        : gpu.isEmpty() || rack.get().gpus() < 1
                                ? "rack type '" + q.rackTypeId() + "' holds no GPUs. Maybe pick a GPU rack type"
                                : null;
        if (missing != null) {
            return new Proposal(
                    false,
                    missing,
                    q.rackTypeId(),
                    0,
                    0,
                    0,
                    0,
                    q.traffic().arrival().rateRps(),
                    0,
                    Double.NaN,
                    Double.NaN,
                    0);
        }
        Parallelism p = new Parallelism(q.tensorParallelism(), 1, 1, 1);
        boolean disaggregated = q.mode() == ServingMode.DISAGGREGATED;
        SizingResult r = Sizing.size(new SizingRequest(
                q.traffic().deployment(),
                model.get(),
                q.precision(),
                rack.get(),
                gpu.get(),
                p,
                disaggregated ? p : null,
                RouterPolicy.KV_AWARE,
                q.traffic(),
                q.slo(),
                options));
        return new Proposal(
                r.feasible(),
                r.reason(),
                r.rackType(),
                r.replicas(),
                r.gpus(),
                r.racks(),
                r.itPowerKw(),
                r.offeredRps(),
                r.tokensPerSecond(),
                r.ttftAtSloPercentileMs(),
                r.itlAtSloPercentileMs(),
                r.emulations(),
                disaggregated ? r.prefillReplicas() : 0,
                disaggregated ? r.decodeReplicas() : 0,
                disaggregated
                        ? Sizing.poolRacks(
                                r.prefillReplicas(),
                                q.tensorParallelism(),
                                rack.get().gpus())
                        : 0,
                disaggregated
                        ? Sizing.poolRacks(
                                r.decodeReplicas(),
                                q.tensorParallelism(),
                                rack.get().gpus())
                        : 0);
    }
}
