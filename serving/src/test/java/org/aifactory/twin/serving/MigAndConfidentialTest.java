package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.MigProfile;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.GpuType;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.Problem;
import org.aifactory.twin.model.validation.FacilityValidator;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class MigAndConfidentialTest {
    /** Llama-3.1-8B [S] (Meta model card): 32 layers, d 4,096, 32 Q / 8 KV heads of 128. */
    private static final LlmType LLAMA_8B = new LlmType(
            "llama-3.1-8b", "Llama-3.1-8B", 8.0, 8.0, 32, 4096, 32, 8, 128, null, null, 0, 0, 131_072, "test");

    @Test
    void b200AndB300ProfilesPackAsNvidiaLists() {
        // B200 (180 GB): 1g.23gb ×7, 1g.45gb ×4, 2g.45gb ×3, 3g.90gb ×2, 4g.90gb ×1, 7g.180gb ×1
        String[] b200 = {"1g.23gb", "1g.45gb", "2g.45gb", "3g.90gb", "4g.90gb", "7g.180gb"};
        int[] perGpu = {7, 4, 3, 2, 1, 1};
        for (int i = 0; i < b200.length; i++) {
            assertThat(MigProfile.parse(b200[i]).instancesPerGpu(180))
                    .as(b200[i])
                    .isEqualTo(perGpu[i]);
        }
        String[] b300 = {"1g.34gb", "1g.67gb", "2g.67gb", "3g.135gb", "4g.135gb", "7g.269gb"};
        for (int i = 0; i < b300.length; i++) {
            assertThat(MigProfile.parse(b300[i]).instancesPerGpu(288))
                    .as(b300[i])
                    .isEqualTo(perGpu[i]);
        }
        assertThat(MigProfile.parse("5g.90gb")).isNull();
        assertThat(MigProfile.parse("1g")).isNull();
    }

    @Test
    void aOneSliceReplicaHasASeventhOfTheComputeAndAnEighthOfTheMemory() {
        GpuType b200 = Mlperf.CATALOG.gpu("b200-hgx").orElseThrow();
        GpuType slice = ServingEmulation.slice(
                b200, new WorkerPool(PoolRole.AGGREGATED, 7, new Parallelism(1, 1, 1, 1), "1g.23gb"));
        assertThat(slice.fp8DenseTflops()).isCloseTo(b200.fp8DenseTflops() / 7, within(1e-9));
        assertThat(slice.hbmGb()).isCloseTo(b200.hbmGb() / 8, within(1e-9));
        assertThat(slice.hbmBandwidthTBps()).isCloseTo(b200.hbmBandwidthTBps() / 8, within(1e-9));
        Efficiency noOverhead = new Efficiency(0.788, 0.92, 1.0, 0.75, 5e-6, 0);
        ExecutionModel whole =
                new ExecutionModel(LLAMA_8B, b200, Precision.FP8, new Parallelism(1, 1, 1, 1), noOverhead);
        ExecutionModel small =
                new ExecutionModel(LLAMA_8B, slice, Precision.FP8, new Parallelism(1, 1, 1, 1), noOverhead);
        // batch-1 decode is memory-bound: 8 GB of weights at 1/8 of the bandwidth takes 8 × as long
        assertThat(small.iterationS(1, 512, 0, 0, 0) / whole.iterationS(1, 512, 0, 0, 0))
                .isCloseTo(8, within(1e-9));
        // 8 GB of FP8 weights fit in 22.5 GB × 0.9 with room for KV
        assertThat(small.kvCapacityTokens(EmulationSpec.DEFAULT_TOKEN_BUDGET)).isPositive();
        // fourteen 1g replicas fill two GPUs
        assertThat(ServingEmulation.poolGpus(
                        new WorkerPool(PoolRole.AGGREGATED, 14, new Parallelism(1, 1, 1, 1), "1g.23gb"), b200))
                .isEqualTo(2);
    }

    @Test
    void confidentialComputingLengthensEveryIterationByItsPublishedOverhead() {
        ExecutionModel h100 = Mlperf.model("h100-sxm", Precision.FP8, 2, Efficiency.DEFAULT);
        ExecutionModel b200 = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
        double t = h100.iterationS(64, 64 * 1000, 512, 512 * 256, 512);
        assertThat(h100.derated(ConfidentialComputing.derate(h100.gpu()))
                        .iterationS(64, 64 * 1000, 512, 512 * 256, 512))
                .isCloseTo(t * 1.07, within(t * 1e-12));
        double tb = b200.iterationS(64, 64 * 1000, 0, 0, 0);
        assertThat(b200.derated(ConfidentialComputing.derate(b200.gpu())).iterationS(64, 64 * 1000, 0, 0, 0))
                .isCloseTo(tb * 1.03, within(tb * 1e-12));
    }

    @Test
    void aConfidentialDeploymentIsReportedAndServesAsMuchBelowSaturation() {
        Facility su = Samples.SCALABLE_UNIT.load();
        Deployment d = su.workload().deployments().get(0);
        Deployment cc = new Deployment(
                d.id(), d.model(), d.precision(), d.mode(), d.racks(), d.pools(), d.router(), null, true);
        Facility f = su.withWorkload(
                new Workload(List.of(cc), su.workload().traffic(), su.workload().slos()));
        ServingReport plain = analyse(su);
        ServingReport conf = analyse(f);
        assertThat(conf.deployments().get(0).confidentialComputing()).isTrue();
        // below saturation the same tokens come out, a little later
        assertThat(conf.tokensPerSecond()).isCloseTo(plain.tokensPerSecond(), within(plain.tokensPerSecond() * 0.01));
        assertThat(conf.itlP50Ms()).isCloseTo(plain.itlP50Ms() * 1.03, within(plain.itlP50Ms() * 0.01));
    }

    @Test
    void badMigProfilesAreRejectedNamingTheDeployment() {
        Facility su = Samples.SCALABLE_UNIT.load();
        Deployment d = su.workload().deployments().get(0);
        Deployment bad = new Deployment(
                d.id(),
                d.model(),
                d.precision(),
                d.mode(),
                d.racks(),
                List.of(new WorkerPool(PoolRole.AGGREGATED, 4, new Parallelism(1, 1, 1, 1), "5g.90gb")),
                d.router());
        Deployment spans = new Deployment(
                d.id(),
                d.model(),
                d.precision(),
                d.mode(),
                d.racks(),
                List.of(new WorkerPool(PoolRole.AGGREGATED, 4, new Parallelism(2, 1, 1, 1), "3g.90gb")),
                d.router());
        for (Deployment x : List.of(bad, spans)) {
            Facility f = su.withWorkload(new Workload(
                    List.of(x), su.workload().traffic(), su.workload().slos()));
            List<Problem> problems = new FacilityValidator(CatalogIo.builtIn()).validate(f);
            assertThat(problems).anySatisfy(p -> {
                assertThat(p.element()).isEqualTo(d.id());
                assertThat(p.path()).endsWith("/migProfile");
            });
        }
    }

    private static ServingReport analyse(Facility f) {
        return (ServingReport) new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), AnalysisContext.empty())
                .report();
    }
}
