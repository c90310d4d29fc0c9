package org.aifactory.twin.network;

import org.aifactory.twin.model.catalog.RackType;

/**
 * Front-end (north-south: storage, in-band management, users) ports of a rack, which the catalog's
 * {@code nics} (the compute fabric's NICs) do not give:
 * <ul>
 *   <li>GPU racks: {@value #PORTS_PER_TRAY} x {@value #PORT_SPEED_GBPS} GbE per compute tray, to two
 *       separate switches ([P] NVIDIA NVL72 AI Factory Enterprise RA, network logical architecture:
 *       "connects the nodes using two 400 Gb/s ports to two separate switches"; the DGX GB200 tray
 *       carries 2 BlueField-3, ref §1a), with {@value #GPUS_PER_TRAY} GPUs per compute tray
 *       ([P] DGX GB200 user guide, ref §1a: 18 trays of 4 GPUs in an NVL72);</li>
 *   <li>other racks (storage, CPU): their catalog NICs, which are Ethernet already.</li>
 * </ul>
 */
final class FrontEndPorts {
    static final int GPUS_PER_TRAY = 4;
    static final int PORTS_PER_TRAY = 2;
    static final double PORT_SPEED_GBPS = 400;

    private FrontEndPorts() {}

    /** Front-end ports of a rack of {@code type}. */
    static int ports(RackType type) {
        if (type.gpus() > 0) {
            int trays = (type.gpus() + GPUS_PER_TRAY - 1) / GPUS_PER_TRAY;
            return trays * PORTS_PER_TRAY;
        }
        return type.nics();
    }

    /** Speed of each of those ports, Gb/s. */
    static double speedGbps(RackType type) {
        return type.gpus() > 0 ? PORT_SPEED_GBPS : type.nicSpeedGbps();
    }
}
