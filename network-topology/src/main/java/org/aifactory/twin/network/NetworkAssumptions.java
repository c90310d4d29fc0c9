package org.aifactory.twin.network;

/**
 * Figures the network solver needs that the facility file does not give. Every one is an
 * engineering assumption unless a source is named; {@code docs/network.md} explains each.
 *
 * @param trayHeightM height of the overhead cable trays above the floor [E] (0.7 m above a 2.3 m rack)
 * @param portHeightM mean height of a switch or NIC port in its rack [E] (mid-rack)
 * @param inRackRunM horizontal run inside a rack, per end, from the port to the rack's cable exit [E]
 * @param sameRackLengthM length of a link whose two ends are in the same rack [E]
 * @param slackFraction service-loop slack added to every routed length [E]
 * @param usableRackUnits rack units a network rack gives to switches [E] (a 48U rack less patch
 *     panels, management switch and PDUs); a Quantum-X800 is 4U, so 10 per rack
 * @param reuseRadiusM a generated switch goes into an existing network rack with free units only
 *     if that rack is within this Manhattan distance of where the switch is wanted [E]
 * @param floorClearanceM a new network rack's footprint, grown by this on every side, must not overlap
 *     any placed item [E]: keeps cross aisles (3 m), hot/cold aisles (1.8 m) and fan-wall fronts open
 * @param wallClearanceM a new network rack stands at least this far inside its hall's walls [E]
 * @param newRowAisleM aisle between two rows of new network racks [E] (the generated halls' 1.8 m)
 * @param rails leaves per rail group: NVIDIA SuperPODs wire each of 8 GPU rails of a scalable unit
 *     to its own leaf ([P] B300-XDR SuperPOD RA, 8 leaves per SU; ref §4)
 */
public record NetworkAssumptions(
        double trayHeightM,
        double portHeightM,
        double inRackRunM,
        double sameRackLengthM,
        double slackFraction,
        int usableRackUnits,
        double reuseRadiusM,
        double floorClearanceM,
        double wallClearanceM,
        double newRowAisleM,
        int rails) {

    public static final NetworkAssumptions DEFAULT =
            new NetworkAssumptions(3.0, 1.2, 0.5, 1.0, 0.10, 42, 15.0, 1.5, 1.0, 1.8, 8);

    public NetworkAssumptions {
        if (!(trayHeightM > 0) || !(portHeightM >= 0) || !(inRackRunM >= 0) || !(sameRackLengthM > 0)) {
            throw new IllegalArgumentException("cable allowances must be positive: trayHeightM (" + trayHeightM
                    + "), portHeightM (" + portHeightM + "), inRackRunM (" + inRackRunM + "), sameRackLengthM ("
                    + sameRackLengthM + ")");
        }
        if (!(slackFraction >= 0) || slackFraction > 1) {
            throw new IllegalArgumentException("The slackFraction (" + slackFraction + ") must be in [0, 1].");
        }
        if (!(floorClearanceM >= 0) || !(wallClearanceM >= 0) || !(newRowAisleM >= 0)) {
            throw new IllegalArgumentException(
                    "floor clearances must not be negative: floorClearanceM (" + floorClearanceM + "), wallClearanceM ("
                            + wallClearanceM + "), newRowAisleM (" + newRowAisleM + ")");
        }
        if (usableRackUnits < 1 || rails < 1) {
            throw new IllegalArgumentException(
                    "usableRackUnits (" + usableRackUnits + ") and rails (" + rails + ") must be positive.");
        }
    }
}
