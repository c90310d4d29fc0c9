package org.aifactory.twin.power;

/**
 * A steady-state solution of the power graph: per node the output it delivers, its losses and
 * its input ({@code input = output + losses}), which nodes and racks are live, and totals. The
 * arrays are owned by this object; callers must not modify them.
 */
final class FlowState {
    final boolean[] nodeLive;
    final double[] outputKw;
    final double[] lossKw;
    final double[] inputKw;
    final boolean[] rackPowered;
    /** Live feed entries of each rack. */
    final int[] rackLiveFeeds;
    /** IT power of the powered racks, kW. */
    final double itPowerKw;
    /** Sum of node losses, kW. */
    final double lossesKw;
    /** Sum of the sources' inputs: what the chain draws from utility and generators, kW. */
    final double sourceDemandKw;

    FlowState(
            boolean[] nodeLive,
            double[] outputKw,
            double[] lossKw,
            double[] inputKw,
            boolean[] rackPowered,
            int[] rackLiveFeeds,
            double itPowerKw,
            double lossesKw,
            double sourceDemandKw) {
        this.nodeLive = nodeLive;
        this.outputKw = outputKw;
        this.lossKw = lossKw;
        this.inputKw = inputKw;
        this.rackPowered = rackPowered;
        this.rackLiveFeeds = rackLiveFeeds;
        this.itPowerKw = itPowerKw;
        this.lossesKw = lossesKw;
        this.sourceDemandKw = sourceDemandKw;
    }
}
