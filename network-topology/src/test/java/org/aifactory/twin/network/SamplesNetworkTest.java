package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisPipeline;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** The bundled samples and the gigawatt campus through the network analysis. */
class SamplesNetworkTest {

    private static NetworkAnalysis.Outcome solve(Facility f) {
        return new NetworkAnalysis().solveAll(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()));
    }

    /**
     * One GB200 SU as the file gives it: 8 leaves, 4 spines, 8 x 72 host links, 8 x 72 leaf-spine
     * links. GB200 NICs are CX-7 400G (ref §1a), so bisection = 288 GPUs x 0.4 Tb/s = 115.2 Tb/s and
     * the leaves are under-subscribed 28.8 : 57.6 Tb/s = 0.5. Rail-aligned racks share every leaf: 1 hop.
     */
    @Test
    void scalableUnitIsAnalysedAsGiven() {
        NetworkAnalysis.Outcome o = solve(Samples.SCALABLE_UNIT.load());
        NetworkReport.FabricSummary f = o.report().fabrics().get(0);

        assertThat(f.switches()).isEqualTo(12);
        assertThat(f.links()).isEqualTo(1152);
        assertThat(f.gpus()).isEqualTo(576);
        assertThat(f.generation().generatedSwitches()).isZero();
        assertThat(f.bisectionTbps()).isCloseTo(115.2, within(1e-6));
        assertThat(f.oversubscription()).isCloseTo(0.5, within(1e-9));
        assertThat(f.maxHops()).isEqualTo(1);
        assertThat(o.report().cables().stream()
                        .mapToLong(NetworkReport.CableLine::count)
                        .sum())
                .isEqualTo(1152);
        // BOM switches: 12 Quantum-X800 at the catalog's 5 kW [E]
        assertThat(o.report().switches()).containsExactly(new NetworkReport.SwitchLine("quantum-x800-q3400", 12, 60.0));
        assertThat(o.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
        // a leaf down takes one rail of 8 from every rack: 7/8 of the bisection is left
        assertThat(o.report().failures()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo("leaf");
            assertThat(c.bandwidthLeftFraction()).isCloseTo(7.0 / 8, within(1e-9));
            assertThat(c.racksDisconnected()).isZero();
        });
    }

    /**
     * The 100 MW hall file lists only its 640 leaves (the spec is a 3-tier fat tree, so the
     * generator leaves spines and cores to this solver). Pods of up to 72 leaves per hall: hall 1
     * 512 = 7 x 72 + 8 leaves, hall 2 128 = 72 + 56. A pod's spine count must divide a leaf's 72
     * uplinks evenly: 72 for a full pod, 8 for the 8-leaf pod, 72 for the 56-leaf pod, so
     * 7 x 72 + 8 + 72 + 72 = 656 spines; and at least 46,080 x 800G / 144 ports = 320 cores.
     */
    @Test
    void hundredMegawattHallGetsPodsAndCores() {
        NetworkAnalysis.Outcome o = solve(Samples.HALL_100MW.load());
        NetworkReport.FabricSummary f = o.report().fabrics().get(0);

        assertThat(f.tiers()).isEqualTo(3);
        assertThat(f.gpus()).isEqualTo(46_080);
        Map<Integer, Integer> perTier = f.tierDetail().stream()
                .collect(Collectors.toMap(NetworkReport.TierSummary::tier, NetworkReport.TierSummary::switches));
        assertThat(perTier).containsEntry(1, 640).containsEntry(2, 656);
        assertThat(perTier.get(3)).isBetween(320, 336); // >= ceil(46,080 / 144); planes round up
        assertThat(f.bisectionTbps()).isCloseTo(46_080 / 2.0 * 0.8, within(1e-6));
        assertThat(f.maxHops()).isEqualTo(5);
        assertThat(f.allToAll().ecmpFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(o.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
        assertThat(o.findings()).extracting(Finding::code).contains("NETWORK_RACKS_NEEDED");
        assertThat(o.report().opticsPowerKw()).isPositive();
    }

    /**
     * 8,000 GB300 racks: 8,000 leaves, per-hall pods of 72 leaves (each of the 15 full halls closes
     * with an 8-leaf pod, the last hall with a 32-leaf pod), 576,000 x 800G / 144 = 4,000 cores.
     * Every pod spreads its uplinks over the core planes in proportion to its size, so the fabric is
     * exactly non-blocking: bisection = 288,000 GPUs x 0.8 Tb/s = 230,400 Tb/s.
     */
    @Test
    void gigawattCampusIsNonBlocking() {
        Facility campus = new FacilityGenerator(CatalogIo.builtIn()).campus(8000);
        NetworkAnalysis.Outcome o = solve(campus);
        NetworkReport.FabricSummary f = o.report().fabrics().get(0);

        assertThat(f.gpus()).isEqualTo(576_000);
        assertThat(f.tierDetail().get(0).switches()).isEqualTo(8000);
        // cores: 576,000 x 800G / 144 ports = 4,000; the chosen plane count wastes no core
        assertThat(f.tierDetail().get(2).switches()).isEqualTo(4000);
        assertThat(f.bisectionTbps()).isCloseTo(230_400, within(230_400 * 1e-9));
        assertThat(f.requiredBisectionTbps()).isCloseTo(230_400, within(230_400 * 1e-9));
        assertThat(f.tierDetail())
                .allSatisfy(t -> assertThat(t.worstOversubscription()).isLessThanOrEqualTo(1 + 1e-9));
        assertThat(f.maxHops()).isEqualTo(5);
        assertThat(f.allToAll().ecmpFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(f.ringAllReduce().ecmpFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(f.ringAllReduce().maxConcurrentFlowFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(f.kvCacheTransfer().ecmpFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(f.kvCacheTransfer().maxConcurrentFlowFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(o.findings()).noneMatch(x -> x.severity() == Severity.ERROR);
    }

    @Test
    void analysisIsFoundByTheServiceLoaderAndItsReportSerializes() throws Exception {
        assertThat(AnalysisPipeline.discover().names()).contains("network");
        Facility su = Samples.SCALABLE_UNIT.load();
        AnalysisResult r = new NetworkAnalysis()
                .analyze(su, new CatalogIndex(CatalogIo.builtIn(), su.catalog()), AnalysisContext.empty());
        String json = TwinJson.mapper().writeValueAsString(r.report());
        assertThat(json)
                .contains(
                        "\"bisectionTbps\"",
                        "\"oversubscription\"",
                        "\"maxHops\"",
                        "\"opticsPowerKw\"",
                        "\"lengthM\"",
                        "\"failures\"",
                        "\"ringAllReduce\"",
                        "\"kvCacheTransfer\"",
                        "\"topology\":\"rail-optimized\"");
    }
}
