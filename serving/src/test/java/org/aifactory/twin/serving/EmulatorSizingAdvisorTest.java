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
