package org.aifactory.twin.model;

/**
 * The site: its climate at design conditions, its grid connection and its energy price.
 *
 * @param altitudeM above sea level, metres
 * @param designDryBulbC ambient dry-bulb temperature the heat rejection must handle, °C
 * @param designWetBulbC ambient wet-bulb temperature at the same design condition, °C
 * @param gridCapacityKw the utility interconnect's capacity, kW
 * @param electricityPriceUsdPerMwh energy price, US dollars per MWh
 * @param climateFile optional: an hourly ambient CSV (8,760 rows of dry bulb and wet bulb, °C; see
 *     {@link org.aifactory.twin.model.io.ClimateCsvReader}), path relative to the facility file;
 *     null: the thermal analysis uses its synthetic climate for the site
 */
public record Site(
        String name,
        double altitudeM,
        double designDryBulbC,
        double designWetBulbC,
        double gridCapacityKw,
        double electricityPriceUsdPerMwh,
        String climateFile) {

    public Site {
        Checks.required(name, "name");
    }

    /** A site without a climate file (the synthetic climate). */
    public Site(String name, double altitudeM, double designDryBulbC, double designWetBulbC, double gridCapacityKw,
            double electricityPriceUsdPerMwh) {
        this(name, altitudeM, designDryBulbC, designWetBulbC, gridCapacityKw, electricityPriceUsdPerMwh, null);
    }

    /** This site with another climate file (null: none). */
    public Site withClimateFile(String newClimateFile) {
        return new Site(name, altitudeM, designDryBulbC, designWetBulbC, gridCapacityKw, electricityPriceUsdPerMwh, newClimateFile);
    }
}
