package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TopologyType;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The KV-cache transfer sized from the workload, and the fraction of it the fabric delivers. */
class KvDemandTest {

    /**
     * 16 one-NIC hosts (100 Gb/s, 1 GPU each) on 12-port switches, two tiers at 2:1: leaves give
     * floor(12 x 2 / 3) = 8 ports to hosts and 4 x 100 Gb/s up, so hosts 1-8 sit on leaf 1 and 9-16
     * on leaf 2, joined by 1 spine. A disaggregated Llama-2-70B FP8 deployment over all 16, 8 GPUs
     * prefill then 8 decode: prefill = leaf 1, decode = leaf 2. KV per token (ref §5d) = 2 x 80
     * layers x 8 KV heads x 128 x 1 byte = 163,840 B; 1,000 input tokens per request; so
     * demand = R x 1,000 x 163,840 x 8 / 1e9 = 1.31072 R Gb/s. Leaf 1's uplinks carry it all:
     * utilisation = 1.31072 R / 400, delivered fraction = min(1, 400 / (1.31072 R)).
     * R = 200: 262.144 Gb/s, utilisation 0.65536, fraction 1. R = 1,000: 1,310.72 Gb/s, fraction
     * 400 / 1,310.72 = 0.30517578125 (the cut bound too: the leaf's uplinks are the only cut).
     */
    @ParameterizedTest
    @CsvSource({"200, 262.144, 0.65536, 1.0", "1000, 1310.72, 3.2768, 0.30517578125"})
    void demandIsRateTimesTokensTimesKvBytes(double rps, double demandGbps, double utilization, double fraction) {
        Catalog local = TestFabrics.catalog(
                List.of(TestFabrics.node("host", 1, 1, 100)), List.of(TestFabrics.switchOf("k12", 12, 100)));
        Facility f0 = TestFabrics.facility("host", 16, TestFabrics.spec(TopologyType.FAT_TREE, 2, 2.0, "k12"), local);
        List<String> hosts = new ArrayList<>();
        for (int k = 1; k <= 16; k++) {
            hosts.add("r1-n" + k);
        }
        Parallelism tp8 = new Parallelism(8, 1, 1, 1);
        Deployment d = new Deployment(
                "llama",
                "llama-2-70b",
                Precision.FP8,
                ServingMode.DISAGGREGATED,
                hosts,
                List.of(new WorkerPool(PoolRole.PREFILL, 1, tp8), new WorkerPool(PoolRole.DECODE, 1, tp8)),
                RouterPolicy.KV_AWARE);
        TrafficProfile t = new TrafficProfile(
                "llama-traffic",
                "llama",
                new Arrival(ArrivalKind.POISSON, rps, null, null, null),
                TokenDistribution.fixed(1000),
                TokenDistribution.fixed(100));
        Workload w = new Workload(List.of(d), List.of(t), List.of());
        CatalogIndex catalog = TestFabrics.index(local);

        FabricSolver.Solved s = new FabricSolver(NetworkAssumptions.DEFAULT)
                .solve(f0.network().fabrics().get(0), SiteGeometry.of(f0, catalog), catalog, w)
                .orElseThrow();

        NetworkReport.TrafficPattern kv = s.summary().kvCacheTransfer();
        assertThat(kv.sendingRacks()).isEqualTo(8);
        assertThat(kv.receivingRacks()).isEqualTo(8);
        assertThat(kv.kvDemand()).hasSize(1);
        NetworkReport.KvDemand k = kv.kvDemand().get(0);
        assertThat(k.kvBytesPerToken()).isEqualTo(163_840.0);
        assertThat(k.requestsPerS()).isCloseTo(rps, within(1e-9));
        assertThat(k.demandGbps()).isCloseTo(demandGbps, within(1e-6));
        assertThat(kv.demandTbps()).isCloseTo(demandGbps / 1000, within(1e-9));
        assertThat(kv.ecmpMaxLinkUtilization()).isCloseTo(utilization, within(1e-9));
        assertThat(kv.ecmpFraction()).isCloseTo(fraction, within(1e-9));
        assertThat(kv.maxConcurrentFlowFraction()).isCloseTo(fraction, within(1e-9));
    }
}
