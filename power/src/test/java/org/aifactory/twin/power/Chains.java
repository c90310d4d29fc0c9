package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aifactory.twin.model.EfficiencyPoint;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.RedundancyGroup;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;

/** Small hand-built power chains for the solver tests. */
final class Chains {
    private Chains() {}

    static final CatalogIndex CATALOG = new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY);

    /** The built-in ups-2500 curve (ai-factory-reference.md §3). */
    static final List<EfficiencyPoint> UPS_CURVE = List.of(
            new EfficiencyPoint(0.1, 0.8),
            new EfficiencyPoint(0.25, 0.85),
            new EfficiencyPoint(0.5, 0.93),
            new EfficiencyPoint(0.75, 0.945),
            new EfficiencyPoint(1.0, 0.95));

    static PowerNode lossless(String id, PowerNodeKind kind, double ratingKw, String... inputs) {
        return new PowerNode(
                id, kind, id, null, null, List.of(inputs), ratingKw, 415, null, null, null, List.of(), null);
    }

    static PowerNode fixed(String id, PowerNodeKind kind, double ratingKw, double efficiency, String... inputs) {
        return new PowerNode(
                id, kind, id, null, null, List.of(inputs), ratingKw, 415, efficiency, null, null, List.of(), null);
    }

    static PowerNode transformer(String id, double ratingKw, double noLoadKw, double fullLoadKw, String... inputs) {
        return new PowerNode(
                id,
                PowerNodeKind.TRANSFORMER,
                id,
                null,
                null,
                List.of(inputs),
                ratingKw,
                415,
                null,
                noLoadKw,
                fullLoadKw,
                List.of(),
                null);
    }

    static PowerNode ups(String id, double ratingKw, List<EfficiencyPoint> curve, String... inputs) {
        return new PowerNode(
                id, PowerNodeKind.UPS, id, null, null, List.of(inputs), ratingKw, 415, null, null, null, curve, null);
    }

    /** A GB200 NVL72 rack (8 x 33 kW shelves) drawing {@code powerKw}, fed A, B, C... from {@code sources}. */
    static Rack rack(String id, Double powerKw, String... sources) {
        List<RackFeed> feeds = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            feeds.add(new RackFeed(FeedSide.values()[i], sources[i]));
        }
        return new Rack(id, "gb200-nvl72", null, Placement.inHall("hall-1", 1, 1, 0), feeds, null, powerKw);
    }

    static List<Rack> racks(int count, Double powerKw, String... sources) {
        List<Rack> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(rack("rack-" + i, powerKw, sources));
        }
        return list;
    }

    static Facility facility(List<PowerNode> nodes, List<RedundancyGroup> groups, List<Rack> racks) {
        return new Facility(
                Facility.FORMAT_VERSION,
                new Site("test", 0, 35, 24, 100_000, 100),
                List.of(new Hall("hall-1", "Hall 1", 0, 0, 50, 50, 5)),
                List.of(),
                racks,
                new PowerChain(nodes, groups),
                null,
                null,
                null,
                null);
    }

    static Facility facility(List<PowerNode> nodes, List<Rack> racks) {
        return facility(nodes, List.of(), racks);
    }

    static PowerGraph graph(Facility f) {
        return new PowerGraph(f, CATALOG, PowerOptions.DEFAULT);
    }

    static int[] indices(PowerGraph g, String... nodeIds) {
        return Arrays.stream(nodeIds).mapToInt(g::nodeIndex).sorted().toArray();
    }
}
