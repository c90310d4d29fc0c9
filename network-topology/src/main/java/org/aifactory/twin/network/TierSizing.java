package org.aifactory.twin.network;

/**
 * The sizing rules of generated fat-tree tiers, as pure functions so that tests can hold them to
 * NVIDIA's published switch counts.
 *
 * <p>Rules (docs/network.md, "Building fabrics"):
 * <ul>
 *   <li>A leaf with oversubscription {@code o} (downlink : uplink bandwidth) gives
 *       {@code floor(ports * o / (1 + o))} ports to hosts and the rest to uplinks; a leaf of a
 *       one-tier fabric gives all its ports to hosts.</li>
 *   <li>Spines over {@code L} leaves with {@code U} uplinks each: the smallest divisor {@code d} of
 *       {@code U} with {@code d * spineDownPorts >= L * U}. Requiring a divisor spreads each leaf's
 *       uplinks evenly over the spines; this reproduces the B300-XDR SuperPOD table (ref §4:
 *       1, 2, 4, 8, 18 SU give 4, 8, 18, 36, 72 spines) and the B200 SuperPOD's 128 spines.</li>
 *   <li>Cores over spines with {@code T} uplinks in all: {@code ceil(T / ports)} (B200 SuperPOD:
 *       128 spines x 32 uplinks / 64 ports = 64 cores, ref §4).</li>
 * </ul>
 */
public final class TierSizing {
    private TierSizing() {}

    /** Ports of a leaf that face hosts, for a downlink:uplink ratio {@code oversubscription}. */
    public static int leafDownPorts(int ports, double oversubscription, int tiers) {
        if (ports < 2) {
            throw new IllegalArgumentException("The switch ports (" + ports + ") must be at least 2.");
        }
        if (tiers <= 1) {
            return ports;
        }
        double o = oversubscription > 0 ? oversubscription : 1.0;
        int down = (int) Math.floor(ports * o / (1 + o) + Tolerances.EPSILON);
        return Math.max(1, Math.min(ports - 1, down));
    }

    /**
     * Switches one tier up for {@code lower} switches with {@code uplinks} uplinks each, when each
     * upper switch gives {@code downPorts} ports to the lower tier; -1 when no divisor of
     * {@code uplinks} is enough (the tier cannot reach every lower switch: add a tier).
     */
    public static int upperSwitches(int lower, int uplinks, int downPorts) {
        if (lower < 1 || uplinks < 1 || downPorts < 1) {
            throw new IllegalArgumentException("lower (" + lower + "), uplinks (" + uplinks + ") and downPorts ("
                    + downPorts + ") must be positive");
        }
        long needed = (long) lower * uplinks;
        for (int d = 1; d <= uplinks; d++) {
            if (uplinks % d == 0 && (long) d * downPorts >= needed) {
                return d;
            }
        }
        return -1;
    }

    /** Core switches for {@code uplinks} spine uplinks in total, on switches of {@code ports} ports. */
    public static int coreSwitches(long uplinks, int ports) {
        return (int) ((uplinks + ports - 1) / ports);
    }

    /** Greatest common divisor, for the number of rails a rack's NICs split into evenly. */
    static int gcd(int x, int y) {
        return y == 0 ? Math.abs(x) : gcd(y, x % y);
    }
}
