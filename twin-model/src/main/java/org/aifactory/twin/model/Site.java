package org.aifactory.twin.model;

/**
 * The site: its climate at design conditions, its grid connection and its energy price.
 *
 * @param altitudeM above sea level, metres
 * @param designDryBulbC ambient dry-bulb temperature the heat rejection must handle, °C
 * @param designWetBulbC ambient wet-bulb temperature at the same design condition, °C
 * @param gridCapacityKw the utility interconnect's capacity, kW
 * @param electricityPriceUsdPerMwh energy price, US dollars per MWh
 */
public record Site(
        String name,
        double altitudeM,
        double designDryBulbC,
        double designWetBulbC,
        double gridCapacityKw,
        double electricityPriceUsdPerMwh) {

    public Site {
        Checks.required(name, "name");
    }
}
