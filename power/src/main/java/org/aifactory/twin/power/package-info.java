/**
 * Power solver (issue 4): steady-state load flow of the power chain with losses, currents and
 * facility totals, the N-1 analysis of every single failure, Max-Q power capping to a site cap and
 * DSX-Flex grid events (demand response, lost feed), contributed as the {@code power}
 * analysis through {@link org.aifactory.twin.model.analysis.FacilityAnalysis}
 * ({@link org.aifactory.twin.power.PowerAnalysis}). Depends on twin-model only. Equations,
 * assumptions and sources: {@code docs/power.md}.
 */
package org.aifactory.twin.power;
