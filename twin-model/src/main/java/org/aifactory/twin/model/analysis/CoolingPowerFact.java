package org.aifactory.twin.model.analysis;

/**
 * Published by the thermal analysis: the electrical power the cooling plant draws (pumps, fans,
 * compressors, CDUs) at the site's design ambient and its annual mean, kW.
 */
public record CoolingPowerFact(double designCoolingPowerKw, double annualMeanCoolingPowerKw) {}
