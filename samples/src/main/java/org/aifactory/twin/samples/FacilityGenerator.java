package org.aifactory.twin.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.AshraeClass;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Cooling;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.FabricKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FacilityWaterLoop;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Fluid;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.Link;
import org.aifactory.twin.model.Network;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.RedundancyGroup;
import org.aifactory.twin.model.RedundancyScheme;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.Row;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.SwitchInstance;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TopologySpec;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.CduType;
import org.aifactory.twin.model.catalog.Footprinted;
import org.aifactory.twin.model.catalog.PowerEquipmentType;
import org.aifactory.twin.model.catalog.RackType;

/**
 * Builds facilities in the shape of NVIDIA's GB200/GB300 SuperPOD reference design, deterministically
 * (same parameters, same bytes): scalable units (SU) of 8 NVL72 racks plus a network rack holding
 * the SU's 8 InfiniBand leaves (B300-XDR SuperPOD RA: 8 leaves per SU), one in-row CDU per SU,
 * two SUs per row with hot and cold aisles, 2N power (A and B transformer, UPS and busway per
 * power block), cooling towers and fan walls sized from the load.
 *
 * <p>Layout rules (metres): racks 0.6 wide side by side; row pitch 3.0 (1.2 deep racks + 1.8
 * aisle) [E]; 3 m cross aisles between row columns and 3 m margins to the walls [E]; 4 row columns
 * and 8 rows per column per hall, so a full hall holds 64 SUs (512 GPU racks).
 */
public final class FacilityGenerator {
    public static final int RACKS_PER_SU = 8;
    public static final int SUS_PER_ROW = 2;
    public static final int ROW_COLUMNS = 4;
    public static final int ROWS_PER_COLUMN = 8;
    public static final int LEAVES_PER_SU = 8;
    static final int SPINES_PER_RACK = 10;

    static final double RACK_WIDTH_M = 0.6;
    static final double ROW_PITCH_M = 3.0;
    static final double CROSS_AISLE_M = 3.0;
    static final double MARGIN_M = 3.0;
    /**
     * The A and B busways of a row hang this far either side of the racks' centre line, m [E]:
     * two parallel runs just beyond the faces of the 1.2 m deep racks (0.2 m out), over the
     * aisles' edges where the tap-off boxes drop to the racks, so the racks' tops stay in view.
     */
    static final double BUSWAY_OFFSET_M = 0.8;

    static final double AIR_ZONE_M = 2.5;
    static final double YARD_GAP_M = 10.0;

    private static final String SWITCH = "quantum-x800-q3400";
    private static final String CDU = "coolit-chx2000";
    private static final String FAN_WALL = "fan-wall-600";
    /**
     * Heat rejection: open cooling towers. At the generated sites' 24 °C design wet bulb a tower
     * with a 4 K approach gives 28 °C water, under the 30 °C facility-water setpoint; a dry cooler
     * (ambient 35 °C + 8 K) could not, and would need chiller trim on the design day (ref §2g).
     */
    private static final String TOWER = "cooling-tower-5mw";
    /** The lab takes chilled water from a small air-cooled chiller. */
    private static final String LAB_CHILLER = "air-cooled-chiller-1500";

    private final CatalogIndex catalog;

    public FacilityGenerator(Catalog builtIn) {
        this.catalog = new CatalogIndex(builtIn, Catalog.EMPTY);
    }

    /** Parameters of a generated facility. */
    public record Spec(String name, String rackType, int gpuRacks, String model, double electricityPriceUsdPerMwh) {
        public Spec {
            if (gpuRacks < 1) {
                throw new IllegalArgumentException("gpuRacks (" + gpuRacks + ") must be at least 1");
            }
        }
    }

    /** A single GB200 NVL72 rack with an in-rack CDU: the lab bench. */
    public Facility lab() {
        Site site = new Site("Single-rack lab", 50, 32, 24, 400, 80);
        Hall hall = new Hall("lab", "Lab room", 0, 0, 6, 6, 3.5);
        String rackType = "gb200-nvl72";
        RackType rt = catalog.rackOrThrow(rackType);
        Rack rack = new Rack(
                "rack-1",
                rackType,
                null,
                Placement.inHall("lab", 3, 3, 0),
                List.of(new RackFeed(FeedSide.A, "pdu-a"), new RackFeed(FeedSide.B, "pdu-b")),
                "loop-1",
                null);
        List<PowerNode> nodes = new ArrayList<>();
        nodes.add(node("utility", PowerNodeKind.UTILITY, "utility-33kv", null, List.of(), 400, 11000));
        nodes.add(node("tx-1", PowerNodeKind.TRANSFORMER, "transformer-3mva", null, List.of("utility"), 0, 0));
        // The two PDUs (tap-off boxes) stand at the ends of the one-rack row, 5 cm from its sides [E].
        double pduOffsetM = rt.widthM() / 2
                + 0.05
                + catalog.powerEquipment("pdu-250a").orElseThrow().widthM() / 2;
        nodes.add(node(
                "pdu-a",
                PowerNodeKind.PDU,
                "pdu-250a",
                Placement.inHall("lab", 3 - pduOffsetM, 3, 0),
                List.of("tx-1"),
                0,
                0));
        nodes.add(node(
                "pdu-b",
                PowerNodeKind.PDU,
                "pdu-250a",
                Placement.inHall("lab", 3 + pduOffsetM, 3, 0),
                List.of("tx-1"),
                0,
                0));
        PowerChain power = new PowerChain(
                nodes, List.of(new RedundancyGroup("rack-pdus", RedundancyScheme.TWO_N, List.of("pdu-a", "pdu-b"))));
        Cooling cooling = new Cooling(
                List.of(new Cdu("cdu-1", "inrack-cdu-250", null, "rack-1", "fw-1")),
                List.of(new CoolingLoop("loop-1", "cdu-1", Fluid.PG25, 35, 10, AshraeClass.W40)),
                List.of(new FacilityWaterLoop("fw-1", Fluid.WATER, 30, 10)),
                List.of(new HeatRejectionUnit("chiller-1", LAB_CHILLER, "fw-1", Placement.inYard(3, -10))),
                List.of(new AirHandler("crah-1", "crah-250", Placement.inHall("lab", 3, 5.3, 0))));
        Workload workload = workload("llama-70b", "llama-2-70b", List.of(rack.id()), rt.gpus() / 4, 4, 50);
        return new Facility(
                Facility.FORMAT_VERSION,
                site,
                List.of(hall),
                List.of(),
                List.of(rack),
                power,
                cooling,
                Network.EMPTY,
                workload,
                Catalog.EMPTY);
    }

    /** One GB200 scalable unit: 8 NVL72 racks, 576 GPUs, a two-tier non-blocking InfiniBand fabric. */
    public Facility scalableUnit() {
        return generate(new Spec("GB200 NVL72 scalable unit (8 racks, 576 GPUs)", "gb200-nvl72", 8, "llama-2-70b", 80));
    }

    /** A hall of about 100 MW facility power: 640 GB300 NVL72 racks. */
    public Facility hundredMegawattHall() {
        return generate(new Spec("GB300 NVL72 hall (~100 MW)", "gb300-nvl72", 640, "llama-3.1-70b", 70));
    }

    /** A gigawatt-class campus of {@code gpuRacks} GB300 NVL72 racks (8,000 for ~1 GW). */
    public Facility campus(int gpuRacks) {
        return generate(new Spec(
                String.format(Locale.ROOT, "GB300 campus (%,d racks)", gpuRacks),
                "gb300-nvl72",
                gpuRacks,
                "llama-3.1-70b",
                60));
    }

    public Facility generate(Spec spec) {
        return new Builder(spec).build();
    }

    private PowerNode node(
            String id,
            PowerNodeKind kind,
            String type,
            Placement placement,
            List<String> inputs,
            double ratingKw,
            double voltageV) {
        PowerEquipmentType t = catalog.powerEquipment(type).orElseThrow();
        return new PowerNode(
                id,
                kind,
                t.name(),
                type,
                placement,
                inputs,
                ratingKw > 0 ? ratingKw : t.ratingKw(),
                voltageV > 0 ? voltageV : t.voltageV(),
                t.efficiency(),
                t.noLoadLossKw(),
                t.fullLoadLossKw(),
                t.efficiencyCurve(),
                null);
    }

    private static Workload workload(
            String id, String model, List<String> racks, int replicas, int tensor, double rateRps) {
        Deployment d = new Deployment(
                id,
                model,
                Precision.FP8,
                ServingMode.AGGREGATED,
                racks,
                List.of(new WorkerPool(PoolRole.AGGREGATED, replicas, new Parallelism(tensor, 1, 1, 1))),
                RouterPolicy.KV_AWARE);
        // Token lengths: an assumed chat mix [E]. SLOs: MLPerf Llama-2-70B interactive, TTFT 450 ms,
        // TPOT 40 ms [S] (ref §5c), held at p99.
        TrafficProfile t = new TrafficProfile(
                id + "-traffic",
                id,
                new Arrival(ArrivalKind.POISSON, rateRps, null, null, null),
                new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192),
                new TokenDistribution(DistributionKind.LOGNORMAL, 512, 256.0, 16, 4096));
        Slo slo = new Slo(id + "-slo", id, 450, 99, 40, 99);
        return new Workload(List.of(d), List.of(t), List.of(slo));
    }

    private final class Builder {
        private final Spec spec;
        private final RackType rackType;
        private final CduType cduType;
        private final Footprinted fanWall;
        private final double suLoadKw;
        private final int susPerBlock;
        private final String buswayType;
        private final List<Hall> halls = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<Rack> racks = new ArrayList<>();
        private final List<PowerNode> power = new ArrayList<>();
        private final List<RedundancyGroup> groups = new ArrayList<>();
        private final List<Cdu> cdus = new ArrayList<>();
        private final List<CoolingLoop> loops = new ArrayList<>();
        private final List<FacilityWaterLoop> facilityLoops = new ArrayList<>();
        private final List<HeatRejectionUnit> heatRejection = new ArrayList<>();
        private final List<AirHandler> airHandlers = new ArrayList<>();
        private final List<SwitchInstance> switches = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<String> fabricRacks = new ArrayList<>();
        private final List<String> gpuRackIds = new ArrayList<>();
        /**
         * Whether the whole compute fabric is two-tier (at most 18 SUs, B300-XDR RA): then the
         * generator places the spines and links itself; a three-tier fabric is left to the network
         * solver, which builds pods and cores over the listed leaves.
         */
        private boolean twoTier;
        /** Site y of the hall being built, and the far edge of its yard once built. */
        private double hallOriginY;

        private double backY;

        Builder(Spec spec) {
            this.spec = spec;
            this.rackType = catalog.rackOrThrow(spec.rackType());
            this.cduType = catalog.cdu(CDU).orElseThrow();
            this.fanWall = catalog.airHandler(FAN_WALL).orElseThrow();
            double networkRackKw = catalog.rackOrThrow("network-rack").typicalPowerKw();
            this.suLoadKw = RACKS_PER_SU * rackType.typicalPowerKw() + networkRackKw;
            double ups = catalog.powerEquipment("ups-2500").orElseThrow().ratingKw();
            this.susPerBlock = Math.max(1, (int) Math.floor(ups / suLoadKw));
            this.buswayType =
                    catalog.powerEquipment("busway-1600a").orElseThrow().ratingKw() >= suLoadKw
                            ? "busway-1600a"
                            : "busway-2500a";
        }

        Facility build() {
            int sus = (spec.gpuRacks() + RACKS_PER_SU - 1) / RACKS_PER_SU;
            twoTier = sus <= 18;
            int susPerHall = ROW_COLUMNS * ROWS_PER_COLUMN * SUS_PER_ROW;
            int hallCount = (sus + susPerHall - 1) / susPerHall;
            power.add(node(
                    "utility", PowerNodeKind.UTILITY, "utility-33kv", Placement.inYard(-6, -12), List.of(), 0, 33000));
            power.add(node(
                    "mv-swgr",
                    PowerNodeKind.MV_SWITCHGEAR,
                    "mv-switchgear-33kv",
                    Placement.inYard(-6, -5),
                    List.of("utility"),
                    0,
                    33000));
            int racksLeft = spec.gpuRacks();
            int suIndex = 0;
            // Halls on a square-ish grid; each hall has its transformers in front and its dry coolers behind.
            int hallsPerRow = (int) Math.ceil(Math.sqrt(hallCount));
            double hallX = 0;
            double rowBaseY = 0;
            double rowBackY = 0;
            for (int h = 0; h < hallCount; h++) {
                int hallSus = Math.min(susPerHall, sus - suIndex);
                if (h % hallsPerRow == 0) {
                    // The first hall of a campus row is its fullest: its yard sets the row's front depth.
                    hallOriginY = rowBaseY + frontYardM(hallSus);
                    hallX = 0;
                }
                racksLeft = buildHall(h + 1, hallX, hallSus, racksLeft);
                rowBackY = Math.max(rowBackY, backY);
                suIndex += hallSus;
                hallX += halls.get(h).widthM() + YARD_GAP_M;
                if (h % hallsPerRow == hallsPerRow - 1) {
                    rowBaseY = rowBackY + YARD_GAP_M;
                }
            }
            double itKw = spec.gpuRacks() * rackType.typicalPowerKw()
                    + sus * catalog.rackOrThrow("network-rack").typicalPowerKw();
            // Utility and switchgear sized at 1.5 x IT: room for cooling and losses (PUE up to ~1.5) [E].
            double siteKw = Math.ceil(itKw * 1.5 / 1000) * 1000;
            power.set(0, power.get(0).withRatingKw(siteKw));
            power.set(1, power.get(1).withRatingKw(siteKw));
            Site site = new Site(spec.name(), 200, 35, 24, siteKw, spec.electricityPriceUsdPerMwh());
            Fabric compute = new Fabric(
                    "ib-compute",
                    FabricKind.COMPUTE_INFINIBAND,
                    new TopologySpec(
                            sus <= 1 ? TopologyType.RAIL_OPTIMIZED : TopologyType.FAT_TREE,
                            sus <= 18 ? 2 : 3,
                            1.0,
                            SWITCH,
                            null),
                    fabricRacks,
                    switches,
                    links);
            int gpus = spec.gpuRacks() * rackType.gpus();
            int tensor = 4; // one instance per 4-GPU compute tray, as in the MLPerf GB200 submissions (ref §5a)
            Workload workload = workload(
                    "serving",
                    spec.model(),
                    gpuRackIds,
                    gpus / tensor,
                    tensor,
                    spec.gpuRacks() * 50.0); // offered load 50 req/s per rack [E]
            return new Facility(
                    Facility.FORMAT_VERSION,
                    site,
                    halls,
                    rows,
                    racks,
                    new PowerChain(power, groups),
                    new Cooling(cdus, loops, facilityLoops, heatRejection, airHandlers),
                    new Network(List.of(compute)),
                    workload,
                    Catalog.EMPTY);
        }

        /** Builds one hall with {@code sus} scalable units; returns the GPU racks still to place. */
        private int buildHall(int h, double originX, int sus, int racksLeft) {
            String hid = String.format(Locale.ROOT, "hall-%d", h);
            int rowCount = (sus + SUS_PER_ROW - 1) / SUS_PER_ROW;
            int columns = Math.min(ROW_COLUMNS, rowCount);
            int rowsPerColumn = (rowCount + columns - 1) / columns;
            double rowLengthM = rowLengthM(sus);
            int spines = twoTier ? spineCount(sus) : 0;
            int spineRacks = (spines + SPINES_PER_RACK - 1) / SPINES_PER_RACK;
            double width = hallWidthM(sus);
            double depth = 2 * (MARGIN_M + AIR_ZONE_M) + rowsPerColumn * ROW_PITCH_M;
            double hallItKw = 0;
            String fw = hid + "-fw";
            facilityLoops.add(new FacilityWaterLoop(fw, Fluid.WATER, 30, 10));
            int su = 0;
            List<String> spineRackIds = new ArrayList<>();
            for (int r = 0; r < rowCount; r++) {
                int column = r / rowsPerColumn;
                int inColumn = r % rowsPerColumn;
                String rowId = String.format(Locale.ROOT, "%s-row-%02d", hid, r + 1);
                rows.add(new Row(rowId, hid, String.format(Locale.ROOT, "Row %d", r + 1)));
                double x = MARGIN_M + column * (rowLengthM + CROSS_AISLE_M + spineRacks * RACK_WIDTH_M);
                double y = MARGIN_M + AIR_ZONE_M + inColumn * ROW_PITCH_M + ROW_PITCH_M / 2;
                double rotation = inColumn % 2 == 0 ? 0 : 180; // alternate rows face each other: hot/cold aisles
                for (int s = 0; s < SUS_PER_ROW && su < sus; s++, su++) {
                    String suId = String.format(Locale.ROOT, "%s-su-%02d", hid, su + 1);
                    if (su % susPerBlock == 0) {
                        addPowerBlock(hid, su / susPerBlock + 1, originX, width);
                    }
                    String block = String.format(Locale.ROOT, "%s-blk-%02d", hid, su / susPerBlock + 1);
                    String busA = suId + "-bus-a";
                    String busB = suId + "-bus-b";
                    double suLengthM = cduType.widthM() + (RACKS_PER_SU + 1) * RACK_WIDTH_M;
                    // Overhead, the length of the SU's CDU and racks: A on one side of their centre line, B on the
                    // other.
                    power.add(busway(busA, block + "-ups-a", suLengthM, overRow(hid, x, suLengthM, y, -1, rotation)));
                    power.add(busway(busB, block + "-ups-b", suLengthM, overRow(hid, x, suLengthM, y, 1, rotation)));
                    groups.add(new RedundancyGroup(suId + "-busways", RedundancyScheme.TWO_N, List.of(busA, busB)));
                    // CDU at the head of the SU, then 8 GPU racks, then the SU's network rack.
                    String cdu = suId + "-cdu";
                    String loop = suId + "-loop";
                    cdus.add(new Cdu(cdu, CDU, Placement.inHall(hid, x + cduType.widthM() / 2, y, rotation), null, fw));
                    loops.add(new CoolingLoop(loop, cdu, Fluid.PG25, 35, 10, AshraeClass.W40));
                    x += cduType.widthM();
                    List<String> suRacks = new ArrayList<>();
                    for (int k = 0; k < RACKS_PER_SU && racksLeft > 0; k++, racksLeft--) {
                        String id = String.format(Locale.ROOT, "%s-gpu-%d", suId, k + 1);
                        racks.add(new Rack(
                                id,
                                spec.rackType(),
                                rowId,
                                Placement.inHall(hid, x + RACK_WIDTH_M / 2, y, rotation),
                                feeds(busA, busB),
                                loop,
                                null));
                        suRacks.add(id);
                        gpuRackIds.add(id);
                        fabricRacks.add(id);
                        hallItKw += rackType.typicalPowerKw();
                        x += RACK_WIDTH_M;
                    }
                    x += RACK_WIDTH_M
                            * (RACKS_PER_SU - suRacks.size()); // keep SU slots aligned when the last SU is short
                    String net = suId + "-net";
                    racks.add(new Rack(
                            net,
                            "network-rack",
                            rowId,
                            Placement.inHall(hid, x + RACK_WIDTH_M / 2, y, rotation),
                            feeds(busA, busB),
                            null,
                            null));
                    hallItKw += catalog.rackOrThrow("network-rack").typicalPowerKw();
                    x += RACK_WIDTH_M;
                    addLeaves(suId, net, suRacks);
                }
                if (r == 0 && spines > 0) {
                    // Spine racks close the first row, on a 2N busway pair of their own from the first power block.
                    String block = String.format(Locale.ROOT, "%s-blk-01", hid);
                    String spineBusA = hid + "-spine-bus-a";
                    String spineBusB = hid + "-spine-bus-b";
                    double spineRunM = spineRacks * RACK_WIDTH_M;
                    // As long as the spine racks' stretch, like the SU's: the two runs meet end to end on one line.
                    power.add(busway(
                            spineBusA, block + "-ups-a", spineRunM, overRow(hid, x, spineRunM, y, -1, rotation)));
                    power.add(
                            busway(spineBusB, block + "-ups-b", spineRunM, overRow(hid, x, spineRunM, y, 1, rotation)));
                    groups.add(new RedundancyGroup(
                            hid + "-spine-busways", RedundancyScheme.TWO_N, List.of(spineBusA, spineBusB)));
                    for (int k = 0; k < spineRacks; k++) {
                        String id = String.format(Locale.ROOT, "%s-spine-rack-%d", hid, k + 1);
                        racks.add(new Rack(
                                id,
                                "network-rack",
                                rowId,
                                Placement.inHall(hid, x + RACK_WIDTH_M / 2, y, rotation),
                                feeds(spineBusA, spineBusB),
                                null,
                                null));
                        hallItKw += catalog.rackOrThrow("network-rack").typicalPowerKw();
                        spineRackIds.add(id);
                        fabricRacks.add(id);
                        x += RACK_WIDTH_M;
                    }
                }
            }
            if (spines > 0) {
                // After every SU of the hall exists, so that each of its leaves gets its uplinks.
                addSpines(hid, spines, spineRackIds);
            }
            // Residual air heat: fan walls on the two long walls, sized with one spare [E].
            double airKw = 0;
            for (Rack r : racks) {
                if (hid.equals(r.placement().hallId())) {
                    airKw += catalog.rackOrThrow(r.type()).typicalPowerKw()
                            * (1 - catalog.rackOrThrow(r.type()).liquidFraction());
                }
            }
            int fanWalls = (int) Math.ceil(
                            airKw / catalog.airHandler(FAN_WALL).orElseThrow().capacityKw())
                    + 1;
            for (int i = 0; i < fanWalls; i++) {
                boolean north = i % 2 == 1;
                int slot = i / 2;
                double ax = MARGIN_M + fanWall.widthM() / 2 + slot * (fanWall.widthM() + 0.5);
                double ay = north ? depth - fanWall.depthM() / 2 - 0.25 : fanWall.depthM() / 2 + 0.25;
                airHandlers.add(new AirHandler(
                        String.format(Locale.ROOT, "%s-ahu-%02d", hid, i + 1),
                        FAN_WALL,
                        Placement.inHall(hid, ax, ay, north ? 180 : 0)));
            }
            // Cooling towers in the yard behind the hall, sized for the liquid heat plus one spare (N+1) [E].
            double liquidKw = hallItKw - airKw;
            var dc = catalog.heatRejection(TOWER).orElseThrow();
            int coolers = (int) Math.ceil(liquidKw / dc.capacityKw()) + 1;
            int perRow = Math.max(1, (int) Math.floor(width / (dc.widthM() + 1)));
            for (int i = 0; i < coolers; i++) {
                double cx = originX + dc.widthM() / 2 + (i % perRow) * (dc.widthM() + 1);
                double cy = hallOriginY + depth + 8 + (i / perRow) * (dc.depthM() + 2);
                backY = cy + dc.depthM() / 2;
                heatRejection.add(new HeatRejectionUnit(
                        String.format(Locale.ROOT, "%s-ct-%02d", hid, i + 1), TOWER, fw, Placement.inYard(cx, cy)));
            }
            halls.add(new Hall(hid, String.format(Locale.ROOT, "Hall %d", h), originX, hallOriginY, width, depth, 6));
            return racksLeft;
        }

        private double rowLengthM(int sus) {
            int susInRow = Math.min(SUS_PER_ROW, sus);
            return susInRow * (cduType.widthM() + RACKS_PER_SU * RACK_WIDTH_M) + RACK_WIDTH_M * susInRow;
        }

        private double hallWidthM(int sus) {
            int rowCount = (sus + SUS_PER_ROW - 1) / SUS_PER_ROW;
            int columns = Math.min(ROW_COLUMNS, rowCount);
            int spines = twoTier ? spineCount(sus) : 0;
            int spineRacks = (spines + SPINES_PER_RACK - 1) / SPINES_PER_RACK;
            return 2 * MARGIN_M
                    + columns * rowLengthM(sus)
                    + (columns - 1) * CROSS_AISLE_M
                    + columns * spineRacks * RACK_WIDTH_M;
        }

        /** Depth of the yard in front of a hall: its rows of transformers (2 per power block) plus margins. */
        private double frontYardM(int sus) {
            var tx = catalog.powerEquipment("transformer-3mva").orElseThrow();
            int perRow = Math.max(1, (int) Math.floor(hallWidthM(sus) / (tx.widthM() + 1)));
            int transformers = 2 * ((sus + susPerBlock - 1) / susPerBlock);
            int rows = (transformers + perRow - 1) / perRow;
            return 6 + rows * (tx.depthM() + 1.5) + 2;
        }

        /** Spine counts of the B300-XDR SuperPOD RA by SU count (ref §4). */
        private int spineCount(int sus) {
            return sus <= 1 ? 4 : sus <= 2 ? 8 : sus <= 4 ? 18 : sus <= 8 ? 36 : 72;
        }

        private List<RackFeed> feeds(String a, String b) {
            return List.of(new RackFeed(FeedSide.A, a), new RackFeed(FeedSide.B, b));
        }

        private PowerNode busway(String id, String ups, double lengthM, Placement over) {
            return node(id, PowerNodeKind.BUSWAY, buswayType, over, List.of(ups), 0, 0)
                    .withLengthM(lengthM);
        }

        /**
         * Where an overhead busway over a stretch of row is drawn: the middle of the stretch that
         * starts at {@code x0} and runs {@code runM} along the row whose racks are centred on
         * {@code y}, {@link #BUSWAY_OFFSET_M} to one side ({@code side} -1, the A run) or the
         * other (+1, the B run) of that line.
         */
        private Placement overRow(String hid, double x0, double runM, double y, int side, double rotation) {
            // Rounded to the micrometre: x0 sums many widths, and the file should read 6.075, not 6.074999999999999.
            return Placement.inHall(hid, micro(x0 + runM / 2), micro(y + side * BUSWAY_OFFSET_M), rotation);
        }

        private static double micro(double m) {
            return Math.round(m * 1e6) / 1e6;
        }

        /** One 2N power block: per side a transformer (in the yard, in front of the hall) and a UPS. */
        private void addPowerBlock(String hid, int b, double originX, double hallWidth) {
            String block = String.format(Locale.ROOT, "%s-blk-%02d", hid, b);
            var tx = catalog.powerEquipment("transformer-3mva").orElseThrow();
            int perRow = Math.max(1, (int) Math.floor(hallWidth / (tx.widthM() + 1)));
            for (FeedSide side : List.of(FeedSide.A, FeedSide.B)) {
                String s = side.name().toLowerCase(Locale.ROOT);
                int slot = 2 * (b - 1) + side.ordinal();
                double tx0 = originX + tx.widthM() / 2 + (slot % perRow) * (tx.widthM() + 1);
                double ty = hallOriginY - 6 - (slot / perRow) * (tx.depthM() + 1.5);
                power.add(node(
                        block + "-tx-" + s,
                        PowerNodeKind.TRANSFORMER,
                        "transformer-3mva",
                        Placement.inYard(tx0, ty),
                        List.of("mv-swgr"),
                        0,
                        0));
                power.add(node(
                        block + "-ups-" + s, PowerNodeKind.UPS, "ups-2500", null, List.of(block + "-tx-" + s), 0, 0));
            }
            groups.add(new RedundancyGroup(
                    block + "-tx", RedundancyScheme.TWO_N, List.of(block + "-tx-a", block + "-tx-b")));
            groups.add(new RedundancyGroup(
                    block + "-ups", RedundancyScheme.TWO_N, List.of(block + "-ups-a", block + "-ups-b")));
        }

        /** 8 leaves per SU in its network rack; rail-optimised: each GPU rack sends 72/8 = 9 links to each leaf. */
        private void addLeaves(String suId, String netRack, List<String> suRacks) {
            for (int l = 1; l <= LEAVES_PER_SU; l++) {
                String leaf = String.format(Locale.ROOT, "%s-leaf-%d", suId, l);
                switches.add(new SwitchInstance(leaf, SWITCH, 1, netRack));
                for (String rack : suRacks) {
                    links.add(new Link(rack, leaf, rackType.nics() / LEAVES_PER_SU, null));
                }
            }
            fabricRacks.add(netRack);
        }

        /**
         * Two-tier spines for up to 18 SUs, counts from the B300-XDR SuperPOD RA (1 SU: 4 spines;
         * 2: 8; 4: 18; 8: 36; 18: 72); each leaf's 72 uplinks spread evenly over the spines.
         * Spines sit in their own network racks at the end of the hall's first row, at most
         * {@value #SPINES_PER_RACK} per rack (4U each) [E].
         */
        private void addSpines(String hid, int spines, List<String> spineRacks) {
            List<SwitchInstance> leaves = switches.stream()
                    .filter(sw -> sw.id().startsWith(hid + "-"))
                    .toList();
            for (int s = 1; s <= spines; s++) {
                String spine = String.format(Locale.ROOT, "%s-spine-%d", hid, s);
                switches.add(new SwitchInstance(spine, SWITCH, 2, spineRacks.get((s - 1) / SPINES_PER_RACK)));
            }
            int uplinks = catalog.switchType(SWITCH).orElseThrow().ports() / 2;
            for (SwitchInstance leaf : leaves) {
                for (int s = 1; s <= spines; s++) {
                    int count = uplinks / spines + (s <= uplinks % spines ? 1 : 0);
                    if (count > 0) {
                        links.add(new Link(leaf.id(), String.format(Locale.ROOT, "%s-spine-%d", hid, s), count, null));
                    }
                }
            }
        }
    }
}
