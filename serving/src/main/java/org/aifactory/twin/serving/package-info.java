/**
 * Serving-workload emulator (issue 6, not yet written): discrete-event emulation of LLM
 * inference. It will contribute the {@code serving} analysis through
 * {@link org.aifactory.twin.model.analysis.FacilityAnalysis}. Depends on twin-model only.
 */
package org.aifactory.twin.serving;
