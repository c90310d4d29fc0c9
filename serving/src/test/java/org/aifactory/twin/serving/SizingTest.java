package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class SizingTest {
    private static final TokenDistribution IN =
            new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192);
    private static final TokenDistribution OUT =
            new TokenDistribution(DistributionKind.LOGNORMAL, 256, 128.0, 16, 2048);
    private static final ServingEmulation.Options FAST =
            new ServingEmulation.Options(8, 6_000, 1, false, Efficiency.DEFAULT);

    private static SizingRequest request(double rateRps, Parallelism decode, Precision precision, int tp) {
        RackType rack = Mlperf.CATALOG.rack("gb200-nvl72").orElseThrow();
        TrafficProfile t =
                new TrafficProfile("t", "d", new Arrival(ArrivalKind.POISSON, rateRps, null, null, null), IN, OUT);
        return new SizingRequest(
                "d",
                Mlperf.CATALOG.model("llama-2-70b").orElseThrow(),
                precision,
                rack,
                Mlperf.CATALOG.gpu(rack.gpu()).orElseThrow(),
                new Parallelism(tp, 1, 1, 1),
                decode,
                RouterPolicy.LEAST_LOADED,
                t,
                new Slo("s", "d", 450, 99, 40, 99),
                FAST);
    }

    @Test
    void sizeMeetsTheSloAndPowerFollowsTheRacks() {
        SizingResult r = Sizing.size(request(60, null, Precision.FP8, 4));
        assertThat(r.feasible()).isTrue();
        assertThat(r.ttftAtSloPercentileMs()).isLessThanOrEqualTo(450);
        assertThat(r.itlAtSloPercentileMs()).isLessThanOrEqualTo(40);
        assertThat(r.gpus()).isEqualTo(4 * r.prefillReplicas());
        // 18 TP4 replicas fill one 72-GPU rack
        assertThat(r.racks()).isEqualTo((r.prefillReplicas() + 17) / 18);
        RackType rack = Mlperf.CATALOG.rack("gb200-nvl72").orElseThrow();
        assertThat(r.itPowerKw()).isEqualTo(r.racks() * rack.typicalPowerKw());
        // offered tokens are served: 60 req/s × (1,024 + 256) ≈ 77k tok/s
        assertThat(r.tokensPerSecond()).isBetween(0.9 * 60 * 1280, 1.1 * 60 * 1280);
    }

    @Test
    void theAnswerIsTheBoundaryOneReplicaFewerMissesTheSlo() {
        SizingRequest q = request(60, null, Precision.FP8, 4);
        SizingResult r = Sizing.size(q);
        ExecutionModel m = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
        assertThat(Sizing.trial(q, m, null, 1.0, r.prefillReplicas()).met()).isTrue();
        if (r.prefillReplicas() > 1) {
            assertThat(Sizing.trial(q, m, null, 1.0, r.prefillReplicas() - 1).met())
                    .isFalse();
        }
    }

    @Test
    void moreTrafficNeverNeedsFewerReplicasAndTheSearchIsDeterministic() {
        SizingResult small = Sizing.size(request(30, null, Precision.FP8, 4));
        SizingResult large = Sizing.size(request(120, null, Precision.FP8, 4));
        assertThat(large.replicas()).isGreaterThanOrEqualTo(small.replicas());
        assertThat(Sizing.size(request(30, null, Precision.FP8, 4))).isEqualTo(small);
        // doubling then bisection: at most 2 log2(n) + 1 trials
        assertThat(large.emulations())
                .isLessThanOrEqualTo(2 * (32 - Integer.numberOfLeadingZeros(large.replicas())) + 1);
    }

    @Test
    void disaggregatedSizingPicksASplitWithBothPools() {
        SizingResult r = Sizing.size(request(60, new Parallelism(4, 1, 1, 1), Precision.FP8, 4));
        assertThat(r.feasible()).isTrue();
        assertThat(r.prefillReplicas()).isPositive();
        assertThat(r.decodeReplicas()).isPositive();
        assertThat(r.gpus()).isEqualTo(4 * r.replicas());
    }

    @Test
    void anSloNoWorkerCanMeetIsInfeasibleWithAReason() {
        // one decode step of Llama-70B FP8 on TP4 takes several ms (roofline floor 70 GB / 4 / 8 TB/s ≈ 2.2 ms
        // plus overhead): a 1 ms inter-token objective cannot be met at any size
        SizingRequest q = request(10, null, Precision.FP8, 4);
        SizingRequest impossible = new SizingRequest(
                q.id(),
                q.model(),
                q.precision(),
                q.rack(),
                q.gpu(),
                q.parallelism(),
                null,
                q.router(),
                q.traffic(),
                new Slo("s", "d", 450, 99, 1, 99),
                q.options());
        SizingResult r = Sizing.size(impossible);
        assertThat(r.feasible()).isFalse();
        assertThat(r.reason()).contains("SLOs");
        assertThat(r.racks()).isZero();
    }

    @Test
    void facilitySizingAnswersForTheScalableUnit() {
        var f = Samples.SCALABLE_UNIT.load();
        var o = new ServingEmulation()
                .size(
                        f,
                        new CatalogIndex(CatalogIo.builtIn(), f.catalog()),
                        new ServingEmulation.Options(16, 10_000, 1, false, Efficiency.DEFAULT));
        assertThat(o.sizes()).hasSize(1);
        SizingResult r = o.sizes().get(0);
        assertThat(r.feasible()).isTrue();
        // the SU's 144 replicas meet the SLO at 400 req/s (ServingAnalysisTest), so sizing never asks for more
        assertThat(r.prefillReplicas()).isBetween(1, 144);
        assertThat(r.racks()).isBetween(1, 8);
    }
}
