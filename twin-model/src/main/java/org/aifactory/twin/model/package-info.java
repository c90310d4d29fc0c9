/**
 * The facility model: immutable records describing an AI factory (site, halls, racks, power
 * chain, cooling, network fabrics, serving workload). No JavaFX, no solver code. Quantities are
 * SI unless the name says otherwise, and every name carries its unit ({@code ratedPowerKw},
 * {@code lengthM}).
 */
package org.aifactory.twin.model;
