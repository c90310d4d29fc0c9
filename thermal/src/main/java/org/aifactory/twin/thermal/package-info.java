/**
 * Thermal solver (issue 3): rack heat split, secondary coolant loops solved as hydraulic networks
 * by Newton's method, CDUs, facility water and heat rejection at design ambient and over a
 * synthetic year, residual air heat, cooling power and PUE, and N-1 failures with lumped-mass
 * times to limit. Contributes the {@code thermal} analysis ({@link org.aifactory.twin.thermal.ThermalAnalysis})
 * and publishes {@link org.aifactory.twin.model.analysis.CoolingPowerFact}. Depends on twin-model
 * and Commons Math only. Equations and sources: docs/thermal.md.
 */
package org.aifactory.twin.thermal;
