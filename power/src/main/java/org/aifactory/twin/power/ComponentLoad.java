package org.aifactory.twin.power;

import org.aifactory.twin.model.PowerNodeKind;

/**
 * The steady state of one power-chain node.
 *
 * @param loadKw real power it delivers downstream (its output), kW
 * @param ratingKw its rating, kW
 * @param utilization {@code loadKw / ratingKw} (0 when the rating is 0)
 * @param lossesKw its losses at that load, kW
 * @param inputKw what it draws from its inputs, {@code loadKw + lossesKw}, kW
 * @param voltageV its output line-to-line voltage, V
 * @param currentA three-phase line current of the load, {@code loadKw x 1000 / (sqrt(3) x voltageV x pf)}, A
 * @param live whether it is energised
 */
public record ComponentLoad(
        String id,
        PowerNodeKind kind,
        double loadKw,
        double ratingKw,
        double utilization,
        double lossesKw,
        double inputKw,
        double voltageV,
        double currentA,
        boolean live) {}
