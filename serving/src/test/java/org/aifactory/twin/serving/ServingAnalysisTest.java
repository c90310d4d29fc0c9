package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.PrefixSharing;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class ServingAnalysisTest {

    private static AnalysisResult analyse(Facility f) {
        return new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), AnalysisContext.empty());
    }

    private static Facility withWorkload(Facility f, Workload w) {
        return f.withWorkload(w);
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(FacilityAnalysis.class).stream()
                        .map(p -> p.get().name()))
                .contains("serving");
    }

    @Test
    void scalableUnitMeetsItsSlosAndServesTheOfferedTokens() {
        AnalysisResult r = analyse(Samples.SCALABLE_UNIT.load());
        ServingReport report = (ServingReport) r.report();
        assertThat(r.findings()).isEmpty();
        assertThat(report.sloMet()).isTrue();
        // 400 req/s × (1,024 in + 512 out) ≈ 614k tok/s (lognormal clamping moves the means a little)
        assertThat(report.tokensPerSecond()).isBetween(0.9 * 400 * 1536, 1.1 * 400 * 1536);
        assertThat(report.goodputRps()).isBetween(380.0, 420.0);
        assertThat(report.ttftP99Ms()).isGreaterThan(report.ttftP50Ms()).isLessThan(450);
        assertThat(report.itlP99Ms()).isGreaterThanOrEqualTo(report.itlP50Ms()).isLessThan(40);
        assertThat(report.deployments().get(0).queue()).isEmpty();
    }

    @Test
    void overloadedLabMissesItsSlo() {
        Facility lab = Samples.LAB.load();
        TrafficProfile t = lab.workload().traffic().get(0);
        TrafficProfile heavy = new TrafficProfile(
                t.id(),
                t.deployment(),
                new Arrival(ArrivalKind.POISSON, 5_000, null, null, null),
                t.inputTokens(),
                t.outputTokens());
        AnalysisResult r = analyse(withWorkload(
                lab,
                new Workload(
                        lab.workload().deployments(),
                        List.of(heavy),
                        lab.workload().slos())));
        assertThat(r.findings()).extracting(Finding::code).contains("SERVING_OVERLOADED", "SERVING_SLO_MISSED");
        assertThat(((ServingReport) r.report()).sloMet()).isFalse();
    }

    @Test
    void prefixSharingFromTheFileGivesKvHits() {
        Facility su = Samples.SCALABLE_UNIT.load();
        TrafficProfile t = su.workload().traffic().get(0);
        // 64 sessions sharing 512-token prefixes: every worker soon caches them all; a prompt of ~1,024 tokens then
        // finds
        // its first 512 cached, so the hit rate approaches 512 / mean prompt (lognormal clamping moves the mean a
        // little)
        TrafficProfile shared = new TrafficProfile(
                t.id(),
                t.deployment(),
                t.arrival(),
                t.inputTokens(),
                t.outputTokens(),
                List.of(),
                new PrefixSharing(64, 1.0, 512));
        ServingReport r = (ServingReport) analyse(withWorkload(
                        su,
                        new Workload(
                                su.workload().deployments(),
                                List.of(shared),
                                su.workload().slos())))
                .report();
        ServingReport none = (ServingReport) analyse(su).report();
        assertThat(none.deployments().get(0).kvHitRate()).isZero();
        assertThat(r.deployments().get(0).kvHitRate()).isBetween(0.3, 512 / 1024.0 + 0.05);
    }

    @Test
    void a405bModelInBf16OnOneGpuDoesNotFit() {
        Facility lab = Samples.LAB.load();
        Deployment d = lab.workload().deployments().get(0);
        // 405e9 × 2 B = 810 GB per GPU against 186 GB × 0.9
        Deployment big = new Deployment(
                d.id(),
                "llama-3.1-405b",
                Precision.BF16,
                ServingMode.AGGREGATED,
                d.racks(),
                List.of(new WorkerPool(PoolRole.AGGREGATED, 4, new Parallelism(1, 1, 1, 1))),
                d.router());
        AnalysisResult r = analyse(withWorkload(
                lab,
                new Workload(
                        List.of(big), lab.workload().traffic(), lab.workload().slos())));
        assertThat(r.findings()).extracting(Finding::code).containsExactly("SERVING_MODEL_DOES_NOT_FIT");
    }
}
