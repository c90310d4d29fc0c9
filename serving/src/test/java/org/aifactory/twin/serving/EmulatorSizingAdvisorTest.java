package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.RackType;
import org.junit.jupiter.api.Test;

/** The sizing service the designer uses answers exactly what {@link Sizing} answers for the same question. */
class EmulatorSizingAdvisorTest {
    private static final ServingEmulation.Options FAST =
            new ServingEmulation.Options(8, 6_000, 1, false, Efficiency.DEFAULT);
    private static final TrafficProfile TRAFFIC = new TrafficProfile(
            "t",
            "chat",
            new Arrival(ArrivalKind.POISSON, 60, null, null, null),
            new TokenDistribution(DistributionKind.LOGNORMAL, 1024, 512.0, 16, 8192),
            new TokenDistribution(DistributionKind.LOGNORMAL, 256, 128.0, 16, 2048));
    private static final Slo SLO = new Slo("s", "chat", 450, 99, 40, 99);

    @Test
    void theServiceIsFoundOnTheClassPath() {
        assertThat(SizingAdvisor.discover()).containsInstanceOf(EmulatorSizingAdvisor.class);
    }

    @Test
    void answersAsSizingDoesForTheSameQuestion() {
        SizingAdvisor.Proposal p = new EmulatorSizingAdvisor(FAST)
                .size(
                        new SizingAdvisor.Request("llama-2-70b", Precision.FP8, "gb200-nvl72", 4, TRAFFIC, SLO),
                        Mlperf.CATALOG);
        RackType rack = Mlperf.CATALOG.rack("gb200-nvl72").orElseThrow();
        SizingResult direct = Sizing.size(new SizingRequest(
                "chat",
                Mlperf.CATALOG.model("llama-2-70b").orElseThrow(),
                Precision.FP8,
                rack,
                Mlperf.CATALOG.gpu(rack.gpu()).orElseThrow(),
                new Parallelism(4, 1, 1, 1),
                null,
                RouterPolicy.KV_AWARE,
                TRAFFIC,
                SLO,
                FAST));
        assertThat(p.feasible()).isTrue();
        assertThat(p.replicas()).isEqualTo(direct.replicas());
        assertThat(p.racks()).isEqualTo(direct.racks());
        assertThat(p.gpus()).isEqualTo(4 * p.replicas());
        // 18 TP4 replicas fill one 72-GPU rack; IT power is racks x the rack's typical power.
        assertThat(p.racks()).isEqualTo((p.replicas() + 17) / 18);
        assertThat(p.itPowerKw()).isEqualTo(p.racks() * rack.typicalPowerKw());
        assertThat(p.ttftAtSloPercentileMs())
                .isEqualTo(direct.ttftAtSloPercentileMs())
                .isLessThanOrEqualTo(450);
        assertThat(p.itlAtSloPercentileMs()).isLessThanOrEqualTo(40);
    }

    /**
     * Disaggregated, 400 req/s of fixed 1,024 + 512 tokens, TP4 Llama-2-70B FP8 on GB200, TTFT p99
     * ≤ 450 ms, ITL p99 ≤ 40 ms. Hand calculation with the SLA planner's formulas on the emulator's
     * own performance model (Emulator's planner step, PlannerModel): a prefill replica needs P =
     * prefillS(1,024) ≈ 10.8 ms per prompt, so the prefill pool needs at least ⌈400·P⌉ = ⌈4.3⌉ = 5
     * replicas; a decode replica generates at most D = decodeTokensPerS(ITL 40 ms, context 1,024 +
     * 256) ≈ 57.7k tokens/s, so the decode pool needs at least ⌈400·512/D⌉ = ⌈3.6⌉ = 4. Those are
     * capacity bounds at 100 % utilisation: the emulated answer must be at least them (conservation:
     * no pool serves more than its capacity) and, with queueing headroom, at most twice them. Racks:
     * 18 TP4 replicas per 72-GPU rack, per pool and shared.
     */
    @Test
    void disaggregatedPoolsAgainstTheSlaPlannerFormulas() {
        TrafficProfile chat = new TrafficProfile(
                "t",
                "chat",
                new Arrival(ArrivalKind.POISSON, 400, null, null, null),
                TokenDistribution.fixed(1024),
                TokenDistribution.fixed(512));
        SizingAdvisor.Proposal p = new EmulatorSizingAdvisor(FAST)
                .size(
                        new SizingAdvisor.Request(
                                "llama-2-70b", Precision.FP8, "gb200-nvl72", 4, chat, SLO, ServingMode.DISAGGREGATED),
                        Mlperf.CATALOG);
        RackType rack = Mlperf.CATALOG.rack("gb200-nvl72").orElseThrow();
        ExecutionModel m = new ExecutionModel(
                Mlperf.CATALOG.model("llama-2-70b").orElseThrow(),
                Mlperf.CATALOG.gpu(rack.gpu()).orElseThrow(),
                Precision.FP8,
                new Parallelism(4, 1, 1, 1),
                Efficiency.DEFAULT);
        int budget = EmulationSpec.DEFAULT_TOKEN_BUDGET;
        double prefillS = PlannerModel.prefillS(m, 1024, budget);
        double decodePerS =
                PlannerModel.decodeTokensPerS(m, 0.040, 1024 + 256, budget, EmulationSpec.DEFAULT_MAX_BATCH);
        assertThat(prefillS).isBetween(0.009, 0.013);
        assertThat(decodePerS).isBetween(40e3, 80e3);
        int prefillBound = (int) Math.ceil(400 * prefillS);
        int decodeBound = (int) Math.ceil(400 * 512 / decodePerS);
        assertThat(prefillBound).isEqualTo(5);
        assertThat(decodeBound).isEqualTo(4);

        assertThat(p.feasible()).isTrue();
        assertThat(p.disaggregated()).isTrue();
        assertThat(p.prefillReplicas()).isBetween(prefillBound, 2 * prefillBound);
        assertThat(p.decodeReplicas()).isBetween(decodeBound, 2 * decodeBound);
        assertThat(p.replicas()).isEqualTo(p.prefillReplicas() + p.decodeReplicas());
        assertThat(p.gpus()).isEqualTo(4 * p.replicas());
        assertThat(p.prefillRacks()).isEqualTo((p.prefillReplicas() + 17) / 18);
        assertThat(p.decodeRacks()).isEqualTo((p.decodeReplicas() + 17) / 18);
        assertThat(p.racks()).isEqualTo((p.replicas() + 17) / 18);
        assertThat(p.itPowerKw()).isEqualTo(p.racks() * rack.typicalPowerKw());
        // served what was offered: 400 req/s × 1,536 tokens, to the Poisson sample's few %
        assertThat(p.tokensPerSecond()).isBetween(0.95 * 400 * 1536, 1.05 * 400 * 1536);
        assertThat(p.ttftAtSloPercentileMs()).isLessThanOrEqualTo(450);
        assertThat(p.itlAtSloPercentileMs()).isLessThanOrEqualTo(40);
        // an aggregated question gives no pools
        SizingAdvisor.Proposal a = new EmulatorSizingAdvisor(FAST)
                .size(
                        new SizingAdvisor.Request("llama-2-70b", Precision.FP8, "gb200-nvl72", 4, chat, SLO),
                        Mlperf.CATALOG);
        assertThat(a.disaggregated()).isFalse();
        assertThat(a.prefillReplicas() + a.decodeReplicas() + a.prefillRacks() + a.decodeRacks())
                .isZero();
    }

    @Test
    void anUnknownModelIsAnInfeasibleAnswerNamingIt() {
        SizingAdvisor.Proposal p = new EmulatorSizingAdvisor(FAST)
                .size(
                        new SizingAdvisor.Request("no-such-llm", Precision.FP8, "gb200-nvl72", 4, TRAFFIC, SLO),
                        Mlperf.CATALOG);
        assertThat(p.feasible()).isFalse();
        assertThat(p.reason()).contains("no-such-llm");
        assertThat(p.racks()).isZero();
    }
}
