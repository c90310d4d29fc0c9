package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/**
 * A GPU. Dense (not sparse) tensor throughput.
 *
 * @param hbmGb memory, GB; {@code hbmBandwidthTBps} its bandwidth, TB/s
 * @param nvlinkGBps NVLink bandwidth per GPU, GB/s
 */
public record GpuType(
        String id,
        String name,
        double hbmGb,
        double hbmBandwidthTBps,
        double fp8DenseTflops,
        double fp4DenseTflops,
        double bf16DenseTflops,
        double maxTdpW,
        double nvlinkGBps,
        String source)
        implements CatalogEntry {

    public GpuType {
        Checks.required(id, "id");
    }
}
