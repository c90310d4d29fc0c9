package org.aifactory.twin.model;

/** One point of an efficiency curve: at {@code loadFraction} of rating (0..1) the efficiency (0..1). */
public record EfficiencyPoint(double loadFraction, double efficiency) {}
