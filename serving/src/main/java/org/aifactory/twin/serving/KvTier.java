package org.aifactory.twin.serving;

import java.util.List;

/**
 * A KV block offload tier below HBM (Dynamo's KV Block Manager: CPU memory, local SSD, networked
 * storage, reference §5b): cached prefixes evicted from HBM are demoted here, and a later hit is
 * loaded back at this tier's bandwidth instead of being recomputed. Per GPU, because each GPU of a
 * tensor-parallel replica holds and loads its own shard of the KV.
 *
 * @param name tier name (reported)
 * @param capacityBytesPerGpu bytes of KV this tier keeps per GPU
 * @param bandwidthBytesPerSPerGpu load bandwidth back into HBM per GPU, B/s
 */
public record KvTier(String name, double capacityBytesPerGpu, double bandwidthBytesPerSPerGpu) {

    public KvTier {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a KV tier needs a name");
        }
        if (!(capacityBytesPerGpu > 0) || !(bandwidthBytesPerSPerGpu > 0)) {
            throw new IllegalArgumentException(
                    "capacityBytesPerGpu (" + capacityBytesPerGpu + ") and bandwidthBytesPerSPerGpu ("
                            + bandwidthBytesPerSPerGpu + ") of KV tier " + name + " must be positive");
        }
    }

    /**
     * CPU memory over NVLink-C2C: 900 GB/s per Grace-Blackwell superchip [S] (reference §1a), one
     * Grace to two GPUs, so 450 GB/s per GPU; LPDDR5X 17 TB per NVL72 rack [S] (reference §1c,
     * GB300) = 236 GB per GPU, half of it given to KV [E].
     */
    public static final KvTier CPU_NVLINK_C2C = new KvTier("cpu", 118e9, 450e9);
    /**
     * Local NVMe [E]: four E1.S drives of 3.84 TB per compute tray (4 GPUs) = 3.84 TB per GPU, one
     * PCIe Gen5 drive's ~12 GB/s per GPU.
     */
    public static final KvTier LOCAL_NVME = new KvTier("nvme", 3.84e12, 12e9);
    /**
     * Networked context-memory storage (BlueField-4 STX style) [E]: 100 TB per GPU (effectively
     * unbounded), half of a 400 Gb/s NIC per GPU = 25 GB/s.
     */
    public static final KvTier NETWORK_STORAGE = new KvTier("network", 100e12, 25e9);

    /** CPU, then NVMe, then network storage: the KV Block Manager's hierarchy (G2, G3, G4). */
    public static List<KvTier> blockManagerDefaults() {
        return List.of(CPU_NVLINK_C2C, LOCAL_NVME, NETWORK_STORAGE);
    }
}
