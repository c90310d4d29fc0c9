package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/** A cable or transceiver pair: its speed, reach and power per end. */
public record CableType(
        String id,
        String name,
        CableMedium medium,
        double speedGbps,
        double maxReachM,
        double powerPerEndW,
        String source)
        implements CatalogEntry {

    public CableType {
        Checks.required(id, "id");
        Checks.required(medium, "medium");
    }
}
