/**
 * Network topology (issue 5, not yet written): fabric generation, cable plan and throughput. It
 * will contribute the {@code network} analysis through
 * {@link org.aifactory.twin.model.analysis.FacilityAnalysis}. Depends on twin-model only.
 */
package org.aifactory.twin.network;
