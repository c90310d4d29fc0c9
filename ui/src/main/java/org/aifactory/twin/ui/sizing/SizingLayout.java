package org.aifactory.twin.ui.sizing;

import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;

/**
 * Lays a sizing answer out as a facility to edit: the samples' {@link FacilityGenerator} builds
 * the racks in rows of scalable units (8 GPU racks, a network rack and one in-row CDU each), 2N
 * power and cooling towers; its serving deployment is then replaced by the sized one (the model,
 * precision, replicas, traffic and SLO the user asked about; a disaggregated answer's prefill and
 * decode pools), so validating the layout checks the answer. FX-free.
 */
public final class SizingLayout {
    /** Energy price of the laid-out site, USD/MWh: the generated samples' figure for the scalable unit [E]. */
    static final double PRICE_USD_PER_MWH = 80;

    private SizingLayout() {}

    /** The facility for {@code proposal}; the proposal must be feasible. */
    public static Facility layout(SizingAdvisor.Request q, SizingAdvisor.Proposal p) {
        if (!p.feasible() || p.racks() < 1) {
            throw new IllegalArgumentException("Only a feasible answer can be laid out: " + p.reason());
        }
        String name = String.format(
                Locale.ROOT,
                "Sized: %s at %,.0f req/s on %d %s racks",
                q.modelId(),
                q.traffic().arrival().rateRps(),
                p.racks(),
                q.rackTypeId());
        Facility f = new FacilityGenerator(CatalogIo.builtIn())
                .generate(new FacilityGenerator.Spec(name, q.rackTypeId(), p.racks(), q.modelId(), PRICE_USD_PER_MWH));
        List<String> gpuRacks = f.racks().stream()
                .filter(r -> r.type().equals(q.rackTypeId()))
                .map(Rack::id)
                .toList();
        Parallelism parallelism = new Parallelism(q.tensorParallelism(), 1, 1, 1);
        Deployment d = new Deployment(
                SizingQuestion.DEPLOYMENT,
                q.modelId(),
                q.precision(),
                p.disaggregated() ? ServingMode.DISAGGREGATED : ServingMode.AGGREGATED,
                gpuRacks,
                p.disaggregated()
                        ? List.of(
                                new WorkerPool(PoolRole.PREFILL, p.prefillReplicas(), parallelism),
                                new WorkerPool(PoolRole.DECODE, p.decodeReplicas(), parallelism))
                        : List.of(new WorkerPool(PoolRole.AGGREGATED, p.replicas(), parallelism)),
                RouterPolicy.KV_AWARE);
        Workload w = new Workload(List.of(d), List.of(q.traffic()), List.of(q.slo()));
        return f.withWorkload(w);
    }

    /** A file name for the layout: {@code sized-<model>-<racks>-racks.json}. */
    public static String fileName(SizingAdvisor.Request q, SizingAdvisor.Proposal p) {
        return String.format(Locale.ROOT, "sized-%s-%d-racks.json", q.modelId(), p.racks());
    }
}
