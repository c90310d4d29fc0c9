package org.aifactory.twin.serving;

import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.catalog.GpuType;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.catalog.RackType;

/**
 * What a sales engineer asks: this model at this precision on this rack type, under this traffic,
 * at these SLOs. Replicas use {@code parallelism} (aggregated, or the prefill pool when
 * {@code decodeParallelism} is set for disaggregated serving).
 *
 * @param rack rack type the replicas run on (GPUs per rack, NICs and typical power)
 * @param gpu the rack type's GPU
 * @param decodeParallelism decode-pool parallelism, or null for aggregated serving
 * @param options emulation options of each trial (emulated workers, requests, seed, prefixes)
 */
public record SizingRequest(
        String id,
        LlmType model,
        Precision precision,
        RackType rack,
        GpuType gpu,
        Parallelism parallelism,
        Parallelism decodeParallelism,
        RouterPolicy router,
        TrafficProfile traffic,
        Slo slo,
        ServingEmulation.Options options) {

    public SizingRequest {
        if (model == null
                || precision == null
                || rack == null
                || gpu == null
                || parallelism == null
                || router == null
                || traffic == null
                || slo == null
                || options == null) {
            throw new IllegalArgumentException("sizing request " + id
                    + " needs a model, precision, rack, GPU, parallelism, router, " + "traffic, SLO and options");
        }
        if (rack.gpu() == null || rack.gpus() < 1) {
            throw new IllegalArgumentException("rack type " + rack.id() + " of sizing request " + id
                    + " holds no GPUs. " + "Maybe pick a GPU rack type");
        }
    }

    public boolean disaggregated() {
        return decodeParallelism != null;
    }
}
