package org.aifactory.twin.thermal.hydraulics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Solves a {@link HydraulicNetwork} for edge flows Q and node potentials H with Newton's method in
 * the nodal ("global gradient") form of Todini & Pilati (1988), the method of EPANET (Rossman,
 * EPANET 2 Users Manual, EPA/600/R-00/057, 2000, appendix D).
 *
 * <p>Equations, with A the node-edge incidence matrix (+1 where an edge leaves a node, −1 where it
 * enters), b the injections and h_e the edge laws:
 * <pre>
 *   energy, per edge:      h_e(Q_e) − (H_from − H_to) = 0
 *   continuity, per node:  (A·Q)_i − b_i = 0        (Kirchhoff's current law)
 * </pre>
 * One Newton step with D = diag(dh_e/dQ_e), edge residuals r and node residuals c = b − A·Q:
 * <pre>
 *   (A·D⁻¹·Aᵀ)·ΔH = c + A·D⁻¹·r          (reference node removed: symmetric positive definite)
 *   ΔQ = D⁻¹·(Aᵀ·ΔH − r)
 * </pre>
 * Continuity is linear, so after every step it holds to round-off; the energy residual falls
 * quadratically. The linear system is solved with Commons Math's LU decomposition; its size is
 * the node count, about 2 per rack for a coolant loop of 8-12 racks, so each solve is small and
 * a facility costs one such solve per loop: linear in the number of loops.
 *
 * <p>Stateless and thread-safe.
 */
public final class NewtonNetworkSolver {
    /** Convergence: edge residual below this share of the largest drop, node residual of the flow scale. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-12;

    public static final int DEFAULT_MAX_ITERATIONS = 60;

    private final double relativeTolerance;
    private final int maxIterations;

    public NewtonNetworkSolver() {
        this(DEFAULT_RELATIVE_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    public NewtonNetworkSolver(double relativeTolerance, int maxIterations) {
        if (!(relativeTolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("relativeTolerance (" + relativeTolerance
                    + ") must be positive and maxIterations (" + maxIterations + ") at least 1");
        }
        this.relativeTolerance = relativeTolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Solves from {@code initialFlows} (any guess; need not satisfy continuity).
     *
     * @throws HydraulicSolverException if it does not converge or the network is disconnected
     */
    public HydraulicSolution solve(HydraulicNetwork net, double[] initialFlows) {
        int n = net.nodeCount();
        int m = net.edgeCount();
        if (initialFlows.length != m) {
            throw new IllegalArgumentException(
                    "initialFlows has " + initialFlows.length + " entries for " + m + " edges");
        }
        int ref = net.referenceNode();
        int[] reduced = new int[n];
        for (int i = 0, k = 0; i < n; i++) {
            reduced[i] = i == ref ? -1 : k++;
        }
        double[] q = initialFlows.clone();
        double[] h = new double[n];
        double[] drop = new double[m];
        double[] inv = new double[m];
        double[] r = new double[m];
        double flowScale = 0;
        for (int i = 0; i < n; i++) {
            flowScale += Math.abs(net.injection(i));
        }
        for (double v : initialFlows) {
            flowScale = Math.max(flowScale, Math.abs(v));
        }
        flowScale = Math.max(flowScale, 1e-300);
        double edgeRes = Double.NaN;
        double nodeRes = Double.NaN;
        for (int it = 0; it <= maxIterations; it++) {
            double dropScale = 0;
            double rMax = 0;
            for (int e = 0; e < m; e++) {
                EdgeLaw law = net.law(e);
                drop[e] = law.drop(q[e]);
                double s = law.slope(q[e]);
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new HydraulicSolverException(
                            "edge " + e + " has slope " + s + " at flow " + q[e] + ": its law must increase with flow");
                }
                inv[e] = 1 / s;
                r[e] = drop[e] - (h[net.from(e)] - h[net.to(e)]);
                dropScale = Math.max(dropScale, Math.abs(drop[e]));
                rMax = Math.max(rMax, Math.abs(r[e]));
            }
            double[] c = net.nodeImbalance(q);
            double cMax = 0;
            for (int i = 0; i < n; i++) {
                c[i] = -c[i];
                cMax = Math.max(cMax, Math.abs(c[i]));
            }
            edgeRes = rMax / Math.max(dropScale, 1e-300);
            nodeRes = cMax / flowScale;
            if (edgeRes <= relativeTolerance && nodeRes <= relativeTolerance && it > 0) {
                return new HydraulicSolution(q, h, it, nodeRes, edgeRes);
            }
            if (it == maxIterations) {
                break;
            }
            Array2DRowRealMatrix jac = new Array2DRowRealMatrix(n - 1, n - 1);
            double[][] a = jac.getDataRef();
            double[] rhs = new double[n - 1];
            for (int i = 0; i < n; i++) {
                if (reduced[i] >= 0) {
                    rhs[reduced[i]] = c[i];
                }
            }
            for (int e = 0; e < m; e++) {
                int i = reduced[net.from(e)];
                int j = reduced[net.to(e)];
                double w = inv[e];
                if (i >= 0) {
                    a[i][i] += w;
                    rhs[i] += w * r[e];
                }
                if (j >= 0) {
                    a[j][j] += w;
                    rhs[j] -= w * r[e];
                }
                if (i >= 0 && j >= 0) {
                    a[i][j] -= w;
                    a[j][i] -= w;
                }
            }
            RealVector dh;
            try {
                dh = new LUDecomposition(jac).getSolver().solve(new ArrayRealVector(rhs, false));
            } catch (org.apache.commons.math3.linear.SingularMatrixException ex) {
                throw new HydraulicSolverException("the network is not connected to its reference node " + ref, ex);
            }
            double[] dH = new double[n];
            for (int i = 0; i < n; i++) {
                dH[i] = reduced[i] >= 0 ? dh.getEntry(reduced[i]) : 0;
            }
            for (int e = 0; e < m; e++) {
                q[e] += inv[e] * (dH[net.from(e)] - dH[net.to(e)] - r[e]);
            }
            for (int i = 0; i < n; i++) {
                h[i] += dH[i];
            }
        }
        throw new HydraulicSolverException(String.format(
                "Newton did not converge in %d iterations (edge residual %.3g, node residual %.3g relative)",
                maxIterations, edgeRes, nodeRes));
    }
}
