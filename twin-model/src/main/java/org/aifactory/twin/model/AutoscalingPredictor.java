package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Load forecast of an SLA planner: the last interval again, or Holt's linear trend. */
public enum AutoscalingPredictor {
    @JsonProperty("constant")
    CONSTANT,
    @JsonProperty("holt")
    HOLT
}
