package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Numeric precision of weights and activations in serving. */
public enum Precision {
    @JsonProperty("bf16")
    BF16(2.0),
    @JsonProperty("fp8")
    FP8(1.0),
    @JsonProperty("fp4")
    FP4(0.5);

    private final double bytesPerParameter;

    Precision(double bytesPerParameter) {
        this.bytesPerParameter = bytesPerParameter;
    }

    public double bytesPerParameter() {
        return bytesPerParameter;
    }
}
