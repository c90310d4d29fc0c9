package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/** A network switch: ports of {@code portSpeedGbps} each, its power and height in rack units. */
public record SwitchType(
        String id, String name, int ports, double portSpeedGbps, double powerW, int rackUnits, String source)
        implements CatalogEntry {

    public SwitchType {
        Checks.required(id, "id");
    }
}
