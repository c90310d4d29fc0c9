package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.FabricKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Network;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.Row;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.TopologySpec;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackKind;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.catalog.SwitchType;
import org.aifactory.twin.model.io.CatalogIo;

/**
 * Facilities built for network tests: {@code racks} endpoint racks of one type in rows of
 * {@value #RACKS_PER_ROW} (0.6 m pitch, rows 3 m apart) in one hall, a network rack at the end of
 * every row, and one fabric with only a topology spec (no switches, no links), so that the solver
 * generates everything.
 */
final class TestFabrics {
    static final int RACKS_PER_ROW = 20;

    private TestFabrics() {}

    /** A node-sized "rack" (a DGX-like server) of {@code gpus} GPUs and {@code nics} NICs. */
    static RackType node(String id, int gpus, int nics, double nicSpeedGbps) {
        return new RackType(
                id,
                id,
                RackKind.GPU,
                null,
                gpus,
                0,
                10,
                10,
                0,
                null,
                0,
                0,
                nics,
                nicSpeedGbps,
                0.6,
                1.2,
                2.3,
                500,
                "[E] test");
    }

    /** A k-port switch of {@code speedGbps} ports, 1U. */
    static SwitchType switchOf(String id, int ports, double speedGbps) {
        return new SwitchType(id, id, ports, speedGbps, 1000, 1, "[E] test");
    }

    static Catalog catalog(List<RackType> racks, List<SwitchType> switches) {
        return new Catalog(
                List.of(), racks, List.of(), List.of(), List.of(), List.of(), switches, List.of(), List.of());
    }

    static Facility facility(String rackType, int racks, TopologySpec spec, Catalog local) {
        return facility(rackType, racks, spec, local, FabricKind.COMPUTE_INFINIBAND);
    }

    static Facility facility(String rackType, int racks, TopologySpec spec, Catalog local, FabricKind kind) {
        List<Rack> all = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> members = new ArrayList<>();
        int rowCount = (racks + RACKS_PER_ROW - 1) / RACKS_PER_ROW;
        for (int r = 0; r < rowCount; r++) {
            String rowId = String.format(Locale.ROOT, "row-%d", r + 1);
            rows.add(new Row(rowId, "hall", rowId));
            double y = 3 + 3.0 * r;
            for (int k = 0; k < RACKS_PER_ROW && r * RACKS_PER_ROW + k < racks; k++) {
                String id = String.format(Locale.ROOT, "r%d-n%d", r + 1, k + 1);
                all.add(new Rack(
                        id, rackType, rowId, Placement.inHall("hall", 3 + 0.6 * k, y, 0), List.of(), null, null));
                members.add(id);
            }
            String net = String.format(Locale.ROOT, "r%d-net", r + 1);
            all.add(new Rack(
                    net,
                    "network-rack",
                    rowId,
                    Placement.inHall("hall", 3 + 0.6 * RACKS_PER_ROW, y, 0),
                    List.of(),
                    null,
                    null));
            members.add(net);
        }
        Hall hall = new Hall("hall", "Hall", 0, 0, 6 + 0.6 * (RACKS_PER_ROW + 1), 6 + 3.0 * rowCount, 6);
        Fabric fabric = new Fabric("fab", kind, spec, members, List.of(), List.of());
        return new Facility(
                Facility.FORMAT_VERSION,
                new Site("test", 0, 30, 20, 1e9, 50),
                List.of(hall),
                rows,
                all,
                null,
                null,
                new Network(List.of(fabric)),
                null,
                local);
    }

    static TopologySpec spec(TopologyType type, int tiers, double oversubscription, String switchType) {
        return new TopologySpec(type, tiers, oversubscription, switchType, null);
    }

    static CatalogIndex index(Catalog local) {
        return new CatalogIndex(CatalogIo.builtIn(), local);
    }

    /** Solves the facility's only fabric. */
    static FabricSolver.Solved solve(Facility f, Catalog local) {
        CatalogIndex catalog = index(local);
        return new FabricSolver(NetworkAssumptions.DEFAULT)
                .solve(f.network().fabrics().get(0), SiteGeometry.of(f, catalog), catalog)
                .orElseThrow();
    }

    static int switchesOfTier(FabricSolver.Solved s, int tier) {
        return s.summary().tierDetail().stream()
                .filter(t -> t.tier() == tier)
                .mapToInt(NetworkReport.TierSummary::switches)
                .sum();
    }
}
