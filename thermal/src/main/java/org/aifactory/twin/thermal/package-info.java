/**
 * Thermal solver (issue 3, not yet written): liquid loops, heat rejection, residual air, PUE and
 * N-1 failure analysis. It will contribute the {@code thermal} analysis through
 * {@link org.aifactory.twin.model.analysis.FacilityAnalysis}; until then {@code validate} has no
 * thermal section. Depends on twin-model only.
 */
package org.aifactory.twin.thermal;
