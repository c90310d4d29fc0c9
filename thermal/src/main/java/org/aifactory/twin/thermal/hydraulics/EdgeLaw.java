package org.aifactory.twin.thermal.hydraulics;

/**
 * The characteristic of one edge of a hydraulic network: the potential drop from its start node
 * to its end node as a function of the flow through it (positive from start to end). Units are the
 * caller's (Pa and m³/s for the coolant loops; metres of head and m³/s for textbook networks).
 *
 * <p>The Newton solver needs the law to be non-decreasing in the flow ({@link #slope} &ge; 0):
 * true of pipes, cold plates and pumps (whose "drop" is the negative of their head).
 */
public interface EdgeLaw {
    /** Potential drop from start to end at {@code flow}. */
    double drop(double flow);

    /** d(drop)/d(flow) at {@code flow}; never negative. */
    double slope(double flow);

    /** Laws in series: drops add up, slopes add up. */
    static EdgeLaw series(EdgeLaw first, EdgeLaw second) {
        return new EdgeLaw() {
            @Override
            public double drop(double flow) {
                return first.drop(flow) + second.drop(flow);
            }

            @Override
            public double slope(double flow) {
                return first.slope(flow) + second.slope(flow);
            }
        };
    }
}
