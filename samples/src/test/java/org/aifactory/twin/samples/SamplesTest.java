package org.aifactory.twin.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SamplesTest {
    private final FacilityReader reader = FacilityReader.withBuiltInCatalog();

    /** Every .json file under samples/ (the module directory) is a facility that loads cleanly. */
    static Stream<Path> jsonFilesUnderSamples() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().contains("/target/"))
                    .toList();
        }
        assertThat(files).as("sample files under " + root).hasSizeGreaterThanOrEqualTo(3);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("jsonFilesUnderSamples")
    void everySampleFileValidates(Path file) throws Exception {
        assertThat(reader.read(file).racks()).isNotEmpty();
    }

    /** Golden files: the checked-in sample is exactly what the generator makes (regenerate with Samples.main). */
    @ParameterizedTest
    @EnumSource(Samples.class)
    void sampleFileIsTheGeneratorsOutput(Samples sample) {
        assertThat(new String(sample.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(FacilityWriter.toBytes(sample.generate()), StandardCharsets.UTF_8));
    }

    /**
     * Every busway and PDU has a placement, so the designer draws the racks' feed lines to it: a
     * busway overhead along the row it feeds (so the reader's overlap check lets it be), within
     * its run's length of each of them along the row and 0.8 m of their centre line across it.
     */
    @ParameterizedTest
    @EnumSource(Samples.class)
    void everyBuswayAndPduIsPlacedNearTheRacksItFeeds(Samples sample) {
        Facility f = sample.load();
        java.util.Map<String, org.aifactory.twin.model.PowerNode> nodes = new java.util.HashMap<>();
        f.power().nodes().stream().filter(n -> n.kind().feedsRacks()).forEach(n -> nodes.put(n.id(), n));
        assertThat(nodes.values()).isNotEmpty().allMatch(n -> n.placement() != null, "placed");
        for (org.aifactory.twin.model.Rack r : f.racks()) {
            for (org.aifactory.twin.model.RackFeed feed : r.feeds()) {
                org.aifactory.twin.model.PowerNode n = nodes.get(feed.source());
                assertThat(n.placement().hallId()).isEqualTo(r.placement().hallId());
                double reachM = n.lengthM() != null ? n.lengthM() / 2 + 0.3 : 1.0;
                assertThat(Math.abs(n.placement().xM() - r.placement().xM()))
                        .as("%s from %s", r.id(), n.id())
                        .isLessThanOrEqualTo(reachM);
                assertThat(Math.abs(n.placement().yM() - r.placement().yM()))
                        .as("%s from %s", r.id(), n.id())
                        .isLessThanOrEqualTo(0.8 + 1e-9);
            }
        }
    }

    /**
     * Seen from above (the plan and the 3D view), a busway is as long as its run and covers every
     * rack it feeds along the row: each fed rack's centre lies within the drawn strip's length.
     */
    @ParameterizedTest
    @EnumSource(Samples.class)
    void aBuswaySeenFromAboveRunsAlongEveryRackItFeeds(Samples sample) {
        Facility f = sample.load();
        org.aifactory.twin.model.catalog.CatalogIndex catalog = new org.aifactory.twin.model.catalog.CatalogIndex(
                org.aifactory.twin.model.io.CatalogIo.builtIn(), f.catalog());
        java.util.Map<String, org.aifactory.twin.model.layout.PlacedItem> seen = new java.util.HashMap<>();
        org.aifactory.twin.model.layout.FacilityLayout.itemsSeenFromAbove(f, catalog)
                .forEach(i -> seen.put(i.id(), i));
        for (org.aifactory.twin.model.PowerNode n : f.power().nodes()) {
            org.aifactory.twin.model.layout.PlacedItem drawn = seen.get(n.id());
            if (drawn == null || !org.aifactory.twin.model.layout.FacilityLayout.isOverhead(drawn, catalog)) {
                continue;
            }
            assertThat(drawn.widthM()).as(n.id()).isEqualTo(n.lengthM());
            for (org.aifactory.twin.model.Rack r : f.racks()) {
                if (r.feeds().stream().anyMatch(feed -> feed.source().equals(n.id()))) {
                    assertThat(Math.abs(r.placement().xM() - drawn.xM()))
                            .as("%s under %s", r.id(), n.id())
                            .isLessThanOrEqualTo(drawn.widthM() / 2);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Samples.class)
    void sampleRoundTrips(Samples sample) throws Exception {
        Facility f = sample.load();
        assertThat(reader.read(FacilityWriter.toBytes(f), sample.fileName())).isEqualTo(f);
    }

    @Test
    void scalableUnitIsTheGb200ReferenceSu() {
        Facility su = Samples.SCALABLE_UNIT.load();
        long gpuRacks =
                su.racks().stream().filter(r -> r.type().equals("gb200-nvl72")).count();
        assertThat(gpuRacks).isEqualTo(8); // NVIDIA GB200 SuperPOD RA: SU = 8 racks = 576 GPUs
        var fabric = su.network().fabrics().get(0);
        // B300-XDR SuperPOD RA, 1 SU: 8 leaf / 4 spine (ref §4)
        assertThat(fabric.switches().stream().filter(s -> s.tier() == 1)).hasSize(8);
        assertThat(fabric.switches().stream().filter(s -> s.tier() == 2)).hasSize(4);
        assertThat(fabric.topology().tiers()).isEqualTo(2);
        // every GPU rack reaches every leaf with 72 / 8 = 9 links; every leaf has 72 up = 4 x 18
        assertThat(fabric.links().stream()
                        .filter(l -> l.a().contains("-gpu-"))
                        .mapToInt(l -> l.count())
                        .sum())
                .isEqualTo(576);
        assertThat(fabric.links().stream()
                        .filter(l -> l.b().contains("spine"))
                        .mapToInt(l -> l.count())
                        .sum())
                .isEqualTo(576);
        assertThat(su.cooling().cdus()).hasSize(1);
        assertThat(su.power().nodes())
                .extracting(n -> n.kind().name())
                .contains("UTILITY", "TRANSFORMER", "UPS", "BUSWAY");
    }

    @Test
    void hundredMegawattHallIsAboutAHundredMegawatts() {
        Facility hall = Samples.HALL_100MW.load();
        // 640 GB300 racks x 132 kW + 80 network racks x 20 kW = 86.1 MW IT; x ~1.15 PUE ~ 99 MW [E]
        assertThat(hall.racks().stream().filter(r -> r.type().equals("gb300-nvl72")))
                .hasSize(640);
        assertThat(hall.site().gridCapacityKw()).isBetween(100_000.0, 150_000.0);
    }
}
