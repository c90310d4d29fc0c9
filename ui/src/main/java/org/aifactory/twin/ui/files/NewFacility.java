package org.aifactory.twin.ui.files;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Site;

/**
 * What File &gt; New opens: a site with one empty hall to place racks in from the palette or
 * with Edit &gt; Add row. Its figures are starting values the user edits, not sourced data:
 * a 24 m x 18 m x 4.5 m hall [E] (room for four rows of about 30 racks on 0.6 m tiles), design
 * ambient 35 °C dry bulb / 24 °C wet bulb and 80 USD/MWh as in the generated samples [E], and a
 * 10 MW grid connection [E].
 */
public final class NewFacility {
    /** The name a new facility has until it is saved. */
    public static final String NAME = "untitled.json";

    public static final String HALL_ID = "hall-1";

    private NewFacility() {}

    public static Facility create() {
        Site site = new Site("New facility", 0, 35, 24, 10_000, 80);
        Hall hall = new Hall(HALL_ID, "Hall 1", 0, 0, 24, 18, 4.5);
        return new Facility(
                Facility.FORMAT_VERSION, site, List.of(hall), List.of(), List.of(), null, null, null, null, null);
    }
}
