package org.aifactory.twin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.catalog.AirHandlerType;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.CduKind;
import org.aifactory.twin.model.catalog.CduType;
import org.aifactory.twin.model.catalog.Footprinted;
import org.aifactory.twin.model.catalog.HeatRejectionType;
import org.aifactory.twin.model.catalog.PowerEquipmentType;
import org.aifactory.twin.model.catalog.RackType;

/** What the palette offers: every catalog type that occupies floor, racks first, and how each reads in the list. */
final class PaletteEntries {
    private PaletteEntries() {}

    /** Rack types (GPU, network, storage, CPU), then floor-standing CDUs, power equipment, heat rejection and air handlers, each by id. */
    static List<Footprinted> of(CatalogIndex catalog) {
        List<Footprinted> out = new ArrayList<>(catalog.rackTypes());
        // An in-rack CDU sits inside a rack (hostRackId), not on the floor.
        catalog.cduTypes().stream().filter(c -> c.kind() != CduKind.IN_RACK).forEach(out::add);
        out.addAll(catalog.powerEquipmentTypes());
        out.addAll(catalog.heatRejectionTypes());
        out.addAll(catalog.airHandlerTypes());
        return out;
    }

    static String label(Footprinted t) {
        String name = t.name() == null ? t.id() : t.name();
        if (t instanceof RackType r) {
            return String.format(
                    Locale.ROOT, "%s  (%s rack, %.0f kW)", name, lower(r.kind().name()), r.typicalPowerKw());
        }
        if (t instanceof CduType c) {
            return String.format(Locale.ROOT, "CDU: %s  (%,.0f kW)", name, c.capacityKw());
        }
        if (t instanceof PowerEquipmentType p) {
            return String.format(
                    Locale.ROOT, "%s: %s  (%,.0f kW)", capital(lower(p.kind().name())), name, p.ratingKw());
        }
        if (t instanceof HeatRejectionType h) {
            return String.format(
                    Locale.ROOT, "%s: %s  (%,.0f kW)", capital(lower(h.kind().name())), name, h.capacityKw());
        }
        if (t instanceof AirHandlerType a) {
            return String.format(Locale.ROOT, "Air handler: %s  (%,.0f kW)", name, a.capacityKw());
        }
        return name;
    }

    private static String lower(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
