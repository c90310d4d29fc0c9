package org.aifactory.twin.thermal.hydraulics;

/**
 * Flows and potentials that satisfy a {@link HydraulicNetwork}.
 *
 * @param flows per edge, positive from its start to its end node
 * @param potentials per node (pressure or head), the reference node at 0
 * @param iterations Newton iterations taken
 * @param maxNodeImbalanceRelative largest |Kirchhoff residual| at a node over the flow scale
 * @param maxEdgeResidualRelative largest |law drop − potential difference| over the drop scale
 */
public record HydraulicSolution(
        double[] flows,
        double[] potentials,
        int iterations,
        double maxNodeImbalanceRelative,
        double maxEdgeResidualRelative) {

    public double flow(int edge) {
        return flows[edge];
    }

    public double potential(int node) {
        return potentials[node];
    }
}
