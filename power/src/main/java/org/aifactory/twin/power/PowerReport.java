package org.aifactory.twin.power;

import java.util.List;

/**
 * The report of the {@code power} analysis ({@code validate --json}, under {@code analyses.power}).
 * All powers are real power, kW; energy MWh; money US dollars.
 *
 * @param loadMode rack power used: {@code typical}, {@code max} or {@code capped}
 * @param itPowerKw power of the powered racks
 * @param lossesKw losses of the power chain (transformers, UPSs, busways, PDUs, switchgear)
 * @param coolingPowerKw cooling plant power at design conditions (0 without a thermal analysis)
 * @param coolingPowerSource where {@code coolingPowerKw} comes from
 * @param facilityPowerKw {@code itPowerKw + lossesKw + coolingPowerKw}
 * @param utilityDemandKw what the facility asks of the grid: {@code facilityPowerKw} [E: no on-site generation runs in steady state]
 * @param gridCapacityKw the site's interconnect capacity
 * @param gridUtilization {@code utilityDemandKw / gridCapacityKw}
 * @param lossesPueContribution {@code lossesKw / itPowerKw}: what the power chain adds to PUE
 * @param pue {@code facilityPowerKw / itPowerKw} (power chain and, when known, cooling)
 * @param annualEnergyMwh {@code (itPowerKw + lossesKw + annual mean cooling) x 8,760 h / 1,000}
 * @param annualCostUsd {@code annualEnergyMwh x electricityPriceUsdPerMwh}
 * @param powerFactor the power factor used for currents
 * @param components every node of the power chain, in facility order
 * @param n1 the N-1 table, nodes in facility order then power shelves in rack order
 * @param capping Max-Q capping of the racks at maximum power to the site cap, and the facility's
 *     throughput-against-power curve
 * @param gridEvents a demand-response event and a lost feed, with the plans that meet them
 */
public record PowerReport(
        String loadMode,
        int racks,
        int poweredRacks,
        double itPowerKw,
        double lossesKw,
        double coolingPowerKw,
        String coolingPowerSource,
        double facilityPowerKw,
        double utilityDemandKw,
        double gridCapacityKw,
        double gridUtilization,
        double lossesPueContribution,
        double pue,
        double annualEnergyMwh,
        double electricityPriceUsdPerMwh,
        double annualCostUsd,
        double powerFactor,
        List<ComponentLoad> components,
        N1Summary n1Summary,
        List<N1Case> n1,
        CappingReport capping,
        List<GridEvent> gridEvents) {

    public PowerReport {
        components = List.copyOf(components);
        n1 = List.copyOf(n1);
        gridEvents = List.copyOf(gridEvents);
    }
}
