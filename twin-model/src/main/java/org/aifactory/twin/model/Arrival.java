package org.aifactory.twin.model;

/**
 * The arrival process: Poisson at {@code rateRps}; bursts to {@code peakRps}; a diurnal curve
 * between {@code rateRps} (mean) and {@code peakRps} over {@code periodS}; or a trace file (CSV:
 * arrival time s, input tokens, output tokens, optional prefix/session id).
 */
public record Arrival(ArrivalKind kind, double rateRps, Double peakRps, Double periodS, String traceFile) {

    public Arrival {
        Checks.required(kind, "kind");
    }
}
