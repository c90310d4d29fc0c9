package org.aifactory.twin.model.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Look-ups by id over the built-in catalog plus a facility's own entries. Where an id appears
 * twice the facility's entry wins here; the validator reports the clash as an error.
 */
public final class CatalogIndex {
    private final Map<String, GpuType> gpus;
    private final Map<String, RackType> racks;
    private final Map<String, CduType> cdus;
    private final Map<String, HeatRejectionType> heatRejection;
    private final Map<String, AirHandlerType> airHandlers;
    private final Map<String, PowerEquipmentType> powerEquipment;
    private final Map<String, SwitchType> switches;
    private final Map<String, CableType> cables;
    private final Map<String, LlmType> models;

    public CatalogIndex(Catalog builtIn, Catalog local) {
        gpus = index(builtIn.gpus(), local.gpus());
        racks = index(builtIn.racks(), local.racks());
        cdus = index(builtIn.cdus(), local.cdus());
        heatRejection = index(builtIn.heatRejection(), local.heatRejection());
        airHandlers = index(builtIn.airHandlers(), local.airHandlers());
        powerEquipment = index(builtIn.powerEquipment(), local.powerEquipment());
        switches = index(builtIn.switches(), local.switches());
        cables = index(builtIn.cables(), local.cables());
        models = index(builtIn.models(), local.models());
    }

    private static <T extends CatalogEntry> Map<String, T> index(List<T> builtIn, List<T> local) {
        Map<String, T> map = new HashMap<>(
                builtIn.stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity(), (a, b) -> a)));
        local.forEach(e -> map.put(e.id(), e));
        return Map.copyOf(map);
    }

    public Optional<GpuType> gpu(String id) {
        return find(gpus, id);
    }

    public Optional<RackType> rack(String id) {
        return find(racks, id);
    }

    public Optional<CduType> cdu(String id) {
        return find(cdus, id);
    }

    public Optional<HeatRejectionType> heatRejection(String id) {
        return find(heatRejection, id);
    }

    public Optional<AirHandlerType> airHandler(String id) {
        return find(airHandlers, id);
    }

    public Optional<PowerEquipmentType> powerEquipment(String id) {
        return find(powerEquipment, id);
    }

    public Optional<SwitchType> switchType(String id) {
        return find(switches, id);
    }

    public Optional<CableType> cable(String id) {
        return find(cables, id);
    }

    public Optional<LlmType> model(String id) {
        return find(models, id);
    }

    /** The rack type, which the caller knows exists (the validator has checked the reference). */
    public RackType rackOrThrow(String id) {
        return rack(id).orElseThrow(() -> new IllegalArgumentException("unknown rack type '" + id + "'"));
    }

    private static <T> Optional<T> find(Map<String, T> map, String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(map.get(id));
    }

    public List<RackType> rackTypes() {
        return sorted(racks);
    }

    public List<CduType> cduTypes() {
        return sorted(cdus);
    }

    public List<HeatRejectionType> heatRejectionTypes() {
        return sorted(heatRejection);
    }

    public List<AirHandlerType> airHandlerTypes() {
        return sorted(airHandlers);
    }

    public List<PowerEquipmentType> powerEquipmentTypes() {
        return sorted(powerEquipment);
    }

    public List<SwitchType> switchTypes() {
        return sorted(switches);
    }

    public List<CableType> cableTypes() {
        return sorted(cables);
    }

    public List<LlmType> modelTypes() {
        return sorted(models);
    }

    public List<GpuType> gpuTypes() {
        return sorted(gpus);
    }

    private static <T extends CatalogEntry> List<T> sorted(Map<String, T> map) {
        return map.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
