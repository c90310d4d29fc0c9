package org.aifactory.twin.model.catalog;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aifactory.twin.model.Checks;

/**
 * Equipment and models, by kind. The built-in catalog ships as {@code catalog.json}; a facility
 * file may add entries of its own (with new ids) in the same shape.
 */
public record Catalog(
        List<GpuType> gpus,
        List<RackType> racks,
        List<CduType> cdus,
        List<HeatRejectionType> heatRejection,
        List<AirHandlerType> airHandlers,
        List<PowerEquipmentType> powerEquipment,
        List<SwitchType> switches,
        List<CableType> cables,
        List<LlmType> models) {

    public static final Catalog EMPTY = new Catalog(
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Catalog {
        gpus = Checks.listOf(gpus);
        racks = Checks.listOf(racks);
        cdus = Checks.listOf(cdus);
        heatRejection = Checks.listOf(heatRejection);
        airHandlers = Checks.listOf(airHandlers);
        powerEquipment = Checks.listOf(powerEquipment);
        switches = Checks.listOf(switches);
        cables = Checks.listOf(cables);
        models = Checks.listOf(models);
    }

    /** Every entry with the JSON name of its section, in file order. */
    public void forEachEntry(SectionVisitor visitor) {
        visit("gpus", gpus, visitor);
        visit("racks", racks, visitor);
        visit("cdus", cdus, visitor);
        visit("heatRejection", heatRejection, visitor);
        visit("airHandlers", airHandlers, visitor);
        visit("powerEquipment", powerEquipment, visitor);
        visit("switches", switches, visitor);
        visit("cables", cables, visitor);
        visit("models", models, visitor);
    }

    private static void visit(String section, List<? extends CatalogEntry> entries, SectionVisitor visitor) {
        for (int i = 0; i < entries.size(); i++) {
            visitor.visit(section, i, entries.get(i));
        }
    }

    public Stream<CatalogEntry> entries() {
        Stream.Builder<CatalogEntry> all = Stream.builder();
        Consumer<CatalogEntry> add = all::add;
        forEachEntry((section, index, entry) -> add.accept(entry));
        return all.build();
    }

    /** Receives each catalog entry with its section name and index. */
    @FunctionalInterface
    public interface SectionVisitor {
        void visit(String section, int index, CatalogEntry entry);
    }
}
