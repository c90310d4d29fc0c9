/**
 * Serving-workload emulator (issue 6): an iteration-level discrete-event emulation of LLM
 * inference (continuous batching, chunked prefill, paged KV with preemption, aggregated or
 * disaggregated pools, routers) over a roofline execution model calibrated on MLPerf. Contributes
 * the {@code serving} analysis through {@link org.aifactory.twin.model.analysis.FacilityAnalysis}.
 * Depends on twin-model only; see {@code docs/serving.md}.
 */
package org.aifactory.twin.serving;
