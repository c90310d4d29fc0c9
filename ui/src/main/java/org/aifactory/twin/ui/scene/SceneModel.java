package org.aifactory.twin.ui.scene;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.layout.FacilityLayout;
import org.aifactory.twin.model.layout.PlacedItem;
import org.aifactory.twin.model.layout.SiteFrame;

/**
 * What the 3D view draws, in scene metres (x = site x, z = site y, y down), computed off the FX
 * thread: hall floors, the yard around them, the racks as one merged mesh and all other placed
 * equipment as a second one.
 */
public final class SceneModel {
    /** Yard margin around everything drawn, as a share of the larger site extent. */
    private static final double YARD_MARGIN_SHARE = 0.08;
    /** ...but at least this much, m. */
    private static final double YARD_MARGIN_MIN_M = 5;
    /**
     * An overhead busway's underside hangs this far above the tallest rack top, m [E]: its
     * 0.3 m section then stays under the cable trays (at 0.5 m, {@link CableTrays#CLEARANCE_M}).
     */
    static final double BUSWAY_CLEARANCE_M = 0.15;

    /** A hall floor in site coordinates, m. */
    public record HallFloor(String id, String name, double x0, double z0, double widthM, double depthM) {}

    /** An axis-aligned box in scene coordinates, m (minY is the highest point: y points down). */
    public record Extent(double minX, double maxX, double minY, double maxY, double minZ, double maxZ) {
        public double width() {
            return maxX - minX;
        }

        public double depth() {
            return maxZ - minZ;
        }

        public double centreX() {
            return (minX + maxX) / 2;
        }

        public double centreZ() {
            return (minZ + maxZ) / 2;
        }
    }

    private final List<HallFloor> halls;
    private final BoxMeshData racks;
    private final BoxMeshData equipment;
    private final Extent content;
    private final Extent yard;
    private final Map<ItemCategory, Integer> counts;
    private final CableTrays trays;

    private SceneModel(
            List<HallFloor> halls,
            BoxMeshData racks,
            BoxMeshData equipment,
            Extent content,
            Extent yard,
            Map<ItemCategory, Integer> counts,
            CableTrays trays) {
        this.trays = trays;
        this.halls = List.copyOf(halls);
        this.racks = racks;
        this.equipment = equipment;
        this.content = content;
        this.yard = yard;
        this.counts = Map.copyOf(counts);
    }

    public static SceneModel build(Facility facility, CatalogIndex catalog) {
        SiteFrame frame = new SiteFrame(facility.halls());
        List<HallFloor> floors = new ArrayList<>();
        for (Hall h : facility.halls()) {
            floors.add(new HallFloor(h.id(), h.name(), h.originXM(), h.originYM(), h.widthM(), h.depthM()));
        }
        List<ItemGeometry> rackItems = new ArrayList<>();
        List<Integer> rackArgb = new ArrayList<>();
        List<ItemGeometry> otherItems = new ArrayList<>();
        List<Integer> otherArgb = new ArrayList<>();
        Map<ItemCategory, Integer> counts = new EnumMap<>(ItemCategory.class);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minZ = Double.POSITIVE_INFINITY;
        double maxZ = Double.NEGATIVE_INFINITY;
        double maxH = 0;
        List<PlacedItem> placed = FacilityLayout.itemsSeenFromAbove(facility, catalog);
        // Overhead busways hang just above the tallest rack, each drawn along its run's length.
        double rackTopM = 0;
        for (PlacedItem item : placed) {
            if ("rack".equals(item.kind())) {
                rackTopM = Math.max(rackTopM, item.heightM());
            }
        }
        for (PlacedItem item : placed) {
            boolean overhead = FacilityLayout.isOverhead(item, catalog);
            ItemGeometry g = new ItemGeometry(
                    item.id(),
                    frame.xM(item.hallId(), item.xM()),
                    frame.yM(item.hallId(), item.yM()),
                    item.widthM(),
                    item.depthM(),
                    item.heightM(),
                    item.rotationDeg(),
                    overhead ? rackTopM + BUSWAY_CLEARANCE_M : 0);
            ItemCategory category = ItemCategory.of(item, catalog);
            counts.merge(category, 1, Integer::sum);
            if ("rack".equals(item.kind())) {
                rackItems.add(g);
                rackArgb.add(category.argb());
            } else {
                otherItems.add(g);
                otherArgb.add(category.argb());
            }
            double reach = Math.hypot(g.widthM(), g.depthM()) / 2;
            minX = Math.min(minX, g.centreX() - reach);
            maxX = Math.max(maxX, g.centreX() + reach);
            minZ = Math.min(minZ, g.centreZ() - reach);
            maxZ = Math.max(maxZ, g.centreZ() + reach);
            maxH = Math.max(maxH, g.baseM() + g.heightM());
        }
        for (HallFloor f : floors) {
            minX = Math.min(minX, f.x0());
            maxX = Math.max(maxX, f.x0() + f.widthM());
            minZ = Math.min(minZ, f.z0());
            maxZ = Math.max(maxZ, f.z0() + f.depthM());
        }
        if (minX > maxX) { // nothing placed at all: a 10 m square of empty yard
            minX = -5;
            maxX = 5;
            minZ = -5;
            maxZ = 5;
        }
        Extent content = new Extent(minX, maxX, -Math.max(maxH, 0.1), 0, minZ, maxZ);
        double margin = Math.max(YARD_MARGIN_MIN_M, YARD_MARGIN_SHARE * Math.max(maxX - minX, maxZ - minZ));
        Extent yard = new Extent(minX - margin, maxX + margin, 0, 0, minZ - margin, maxZ + margin);
        BoxMeshData racks = BoxMeshData.of(rackItems, toArray(rackArgb));
        return new SceneModel(
                floors,
                racks,
                BoxMeshData.of(otherItems, toArray(otherArgb)),
                content,
                yard,
                counts,
                CableTrays.of(facility, racks));
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    public List<HallFloor> halls() {
        return halls;
    }

    public BoxMeshData racks() {
        return racks;
    }

    /** The network fabrics' cable bundles in overhead trays. */
    public CableTrays trays() {
        return trays;
    }

    public BoxMeshData equipment() {
        return equipment;
    }

    /**
     * Points that outline everything worth seeing, x, y, z after each other: every box corner and
     * every hall floor corner. The camera frames these rather than their bounding box, which for a
     * turned view holds a lot of empty yard.
     */
    public float[] framePoints() {
        float[] a = racks.points();
        float[] b = equipment.points();
        float[] out = new float[a.length + b.length + halls.size() * 12];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        int p = a.length + b.length;
        for (HallFloor h : halls) {
            for (int k = 0; k < 4; k++) {
                out[p++] = (float) (h.x0() + ((k & 1) == 0 ? 0 : h.widthM()));
                out[p++] = 0;
                out[p++] = (float) (h.z0() + ((k & 2) == 0 ? 0 : h.depthM()));
            }
        }
        return out;
    }

    /** Everything drawn except the yard: halls and items. */
    public Extent content() {
        return content;
    }

    public Extent yard() {
        return yard;
    }

    /** How many items of each category are drawn. */
    public Map<ItemCategory, Integer> counts() {
        return counts;
    }
}
