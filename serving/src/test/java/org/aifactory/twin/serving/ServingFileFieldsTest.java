package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aifactory.twin.model.Autoscaling;
import org.aifactory.twin.model.AutoscalingPredictor;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.PrefixSharing;
import org.aifactory.twin.model.Tenant;
import org.aifactory.twin.model.TenantTier;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

/** The optional serving fields of the file format: written, read back, validated, and used by the analysis. */
class ServingFileFieldsTest {

    private static Facility su(Deployment d, TrafficProfile t) {
        Facility su = Samples.SCALABLE_UNIT.load();
        return su.withWorkload(
                new Workload(List.of(d), List.of(t), su.workload().slos()));
    }

    private static Facility withAllNewFields(int minReplicas, double share) {
        Facility base = Samples.SCALABLE_UNIT.load();
        Deployment d = base.workload().deployments().get(0);
        TrafficProfile t = base.workload().traffic().get(0);
        Deployment auto = new Deployment(
                d.id(),
                d.model(),
                d.precision(),
                d.mode(),
                d.racks(),
                d.pools(),
                d.router(),
                new Autoscaling(60.0, AutoscalingPredictor.CONSTANT, minReplicas),
                true);
        TrafficProfile tenants = new TrafficProfile(
                t.id(),
                t.deployment(),
                t.arrival(),
                t.inputTokens(),
                t.outputTokens(),
                List.of(
                        new Tenant("acme", TenantTier.PREMIUM, share, 100_000.0),
                        new Tenant("rest", TenantTier.BASIC, 0.5, null)),
                new PrefixSharing(100, 1.0, 256));
        return su(auto, tenants);
    }

    @Test
    void theNewFieldsSurviveWritingAndReading() throws Exception {
        Facility f = withAllNewFields(2, 0.5);
        Facility back = FacilityReader.withBuiltInCatalog().read(FacilityWriter.toBytes(f), "new-fields.json");
        assertThat(back.workload()).isEqualTo(f.workload());
        // and files without them stay as they were: the sample has none of the new keys
        String sample = new String(FacilityWriter.toBytes(Samples.SCALABLE_UNIT.load()), StandardCharsets.UTF_8);
        assertThat(sample)
                .doesNotContain("autoscaling", "tenants", "migProfile", "prefixSharing", "confidentialComputing");
    }

    @Test
    void badTenantSharesAndMinReplicasAreRejectedWithTheirPlace() {
        Facility f = withAllNewFields(500, 0.7);
        assertThatThrownBy(() -> FacilityReader.withBuiltInCatalog().read(FacilityWriter.toBytes(f), "bad.json"))
                .isInstanceOf(FacilityLoadException.class)
                .satisfies(
                        e -> assertThat(((FacilityLoadException) e).problems().toString())
                                .contains("/workload/deployments/0/autoscaling/minReplicas")
                                .contains("exceeds the 144 replicas")
                                .contains("/workload/traffic/0/tenants")
                                .contains("add up to 1.200"));
    }

    @Test
    void theAnalysisAutoscalesAndReportsTenantsOfAFileDeployment() {
        Facility f = withAllNewFields(2, 0.5);
        ServingReport r = (ServingReport) new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), AnalysisContext.empty())
                .report();
        DeploymentServing d = r.deployments().get(0);
        assertThat(d.autoscaled()).isTrue();
        assertThat(d.confidentialComputing()).isTrue();
        assertThat(d.gpuHoursSaved()).isPositive();
        assertThat(d.tenants()).hasSize(2);
        assertThat(d.kvHitRate()).isPositive();
        assertThat(r.gpuHoursSaved()).isEqualTo(d.gpuHoursSaved());
    }

    @Test
    void aPoolOfMigSlicesNeedsFewerGpus() {
        Facility base = Samples.SCALABLE_UNIT.load();
        Deployment d = base.workload().deployments().get(0);
        // 70 GB of FP8 weights fit a 4g.90gb slice (half a GB200's memory): 144 replicas on 144 GPUs instead of 576
        Deployment mig = new Deployment(
                d.id(),
                d.model(),
                d.precision(),
                d.mode(),
                d.racks(),
                List.of(new WorkerPool(PoolRole.AGGREGATED, 144, new Parallelism(1, 1, 1, 1), "4g.90gb")),
                d.router());
        Facility f = su(mig, base.workload().traffic().get(0));
        ServingReport r = (ServingReport) new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), AnalysisContext.empty())
                .report();
        assertThat(r.deployments().get(0).gpus()).isEqualTo(144);
        assertThat(r.deployments().get(0).migProfile()).isEqualTo("4g.90gb");
    }
}
