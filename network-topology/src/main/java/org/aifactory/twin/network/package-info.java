/**
 * Network topology (issue 5): fabric generation ({@link org.aifactory.twin.network.FabricGenerator}),
 * cable plan ({@link org.aifactory.twin.network.CablePlan}), throughput and failures
 * ({@link org.aifactory.twin.network.FabricSolver}), contributed to {@code validate} as the
 * {@code network} analysis ({@link org.aifactory.twin.network.NetworkAnalysis}). Depends on twin-model
 * and JGraphT only; rules and sources in {@code docs/network.md}.
 */
package org.aifactory.twin.network;
