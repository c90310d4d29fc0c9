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
 * @param climateFile optional: an hourly ambient CSV (8,760 rows of dry bulb and wet bulb, °C; see
 *     {@link org.aifactory.twin.model.io.ClimateCsvReader}), path relative to the facility file;
 *     null: the thermal analysis uses its synthetic climate for the site
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
        String climateFile,
        Double powerCapKw,
        List<GridEventSpec> gridEvents) {

    public Site {
        Checks.required(name, "name");
        gridEvents = Checks.listOf(gridEvents);
    }

    /** A site with the synthetic climate, no power cap and no grid events. */
    public Site(
            String name,
            double altitudeM,
            double designDryBulbC,
            double designWetBulbC,
            double gridCapacityKw,
            double electricityPriceUsdPerMwh) {
        this(
                name,
                altitudeM,
                designDryBulbC,
                designWetBulbC,
                gridCapacityKw,
                electricityPriceUsdPerMwh,
                null,
                null,
                List.of());
    }

    /** This site with another climate file (null: none). */
    public Site withClimateFile(String newClimateFile) {
        return new Site(
                name,
                altitudeM,
                designDryBulbC,
                designWetBulbC,
                gridCapacityKw,
                electricityPriceUsdPerMwh,
                newClimateFile,
                powerCapKw,
                gridEvents);
    }

    public Site withPowerCapKw(Double newPowerCapKw) {
        return new Site(
                name,
                altitudeM,
                designDryBulbC,
                designWetBulbC,
                gridCapacityKw,
                electricityPriceUsdPerMwh,
                climateFile,
                newPowerCapKw,
                gridEvents);
    }

    public Site withGridEvents(List<GridEventSpec> newGridEvents) {
        return new Site(
                name,
                altitudeM,
                designDryBulbC,
                designWetBulbC,
                gridCapacityKw,
                electricityPriceUsdPerMwh,
                climateFile,
                powerCapKw,
                newGridEvents);
    }
}
