package org.aifactory.twin.power;

/**
 * What one single failure does, against the no-failure baseline.
 *
 * @param unpoweredRacks racks (indices, ascending) powered in the baseline that lose every feed
 * @param overloadedNodes nodes (indices, ascending) live and over their rating after the failure
 * @param overloadedRacks racks (indices, ascending) whose remaining power shelves cannot carry their load
 * @param lostLoadKw IT load of the unpowered racks, kW
 * @param sourceDemandKw what the chain draws from its sources after the failure, kW
 * @param lossesKw chain losses after the failure, kW
 */
record ContingencyOutcome(
        Failure failure,
        int[] unpoweredRacks,
        int[] overloadedNodes,
        int[] overloadedRacks,
        double lostLoadKw,
        double sourceDemandKw,
        double lossesKw) {

    boolean ok() {
        return unpoweredRacks.length == 0 && overloadedNodes.length == 0 && overloadedRacks.length == 0;
    }
}
