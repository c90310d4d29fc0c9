package org.aifactory.twin.model;

import java.util.List;

/**
 * The site: its climate at design conditions, its grid connection and its energy price.
 *
 * @param altitudeM above sea level, metres
 * @param designDryBulbC ambient dry-bulb temperature the heat rejection must handle, °C
 * @param designWetBulbC ambient wet-bulb temperature at the same design condition, °C
 * @param gridCapacityKw the utility interconnect's capacity, kW
 * @param electricityPriceUsdPerMwh energy price, US dollars per MWh
 * @param powerCapKw optional cap on the site's utility demand (IT + losses + cooling), kW, e.g. a
 *     contracted or permitted demand below the interconnect; when omitted the power analysis uses
 *     {@code gridCapacityKw}
 * @param gridEvents optional grid events to plan for (demand response, lost feed)
 */
public record Site(
        String name,
        double altitudeM,
        double designDryBulbC,
        double designWetBulbC,
        double gridCapacityKw,
        double electricityPriceUsdPerMwh,
        Double powerCapKw,
        List<GridEventSpec> gridEvents) {

    public Site {
        Checks.required(name, "name");
        gridEvents = Checks.listOf(gridEvents);
    }

    /** A site without a power cap or grid events. */
    public Site(String name, double altitudeM, double designDryBulbC, double designWetBulbC, double gridCapacityKw,
            double electricityPriceUsdPerMwh) {
        this(name, altitudeM, designDryBulbC, designWetBulbC, gridCapacityKw, electricityPriceUsdPerMwh, null, List.of());
    }

    public Site withPowerCapKw(Double newPowerCapKw) {
        return new Site(name, altitudeM, designDryBulbC, designWetBulbC, gridCapacityKw, electricityPriceUsdPerMwh, newPowerCapKw,
                gridEvents);
    }

    public Site withGridEvents(List<GridEventSpec> newGridEvents) {
        return new Site(name, altitudeM, designDryBulbC, designWetBulbC, gridCapacityKw, electricityPriceUsdPerMwh, powerCapKw,
                newGridEvents);
    }
}
