/**
 * Power solver (issue 4, not yet written): load flow, losses, N-1 redundancy, power capping and
 * grid events. It will contribute the {@code power} analysis through
 * {@link org.aifactory.twin.model.analysis.FacilityAnalysis}. Depends on twin-model only.
 */
package org.aifactory.twin.power;
