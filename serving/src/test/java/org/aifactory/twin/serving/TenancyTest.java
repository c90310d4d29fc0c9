package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.twin.model.Arrival;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.DistributionKind;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.Tenant;
import org.aifactory.twin.model.TenantTier;
import org.aifactory.twin.model.TokenDistribution;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.Workload;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class TenancyTest {
    private static final TokenDistribution IN = new TokenDistribution(DistributionKind.FIXED, 1024, null, null, null);
    private static final TokenDistribution OUT = new TokenDistribution(DistributionKind.FIXED, 256, null, null, null);
    static final double TOKENS_PER_REQUEST = 1024 + 256;

    private static final ExecutionModel MODEL = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);

    /**
     * Llama-2-70B FP8 on GB200 TP4 replicas, 1,024 → 256 tokens, SLO TTFT p99 450 ms and ITL p99 40 ms; at most 256
     * running sequences (vLLM's default max_num_seqs [S]): an overload queues in the waiting line, where priority acts,
     * instead of stretching every sequence's inter-token latency.
     */
    static EmulationSpec spec(int workers, int requests) {
        return new EmulationSpec(
                        MODEL,
                        workers,
                        null,
                        0,
                        0,
                        RouterPolicy.LEAST_LOADED,
                        EmulationSpec.DEFAULT_TOKEN_BUDGET,
                        256,
                        requests,
                        EmulationSpec.DEFAULT_WARMUP_FRACTION,
                        Double.NaN,
                        Double.NaN,
                        99,
                        99,
                        EmulationSpec.DEFAULT_TIME_SERIES_POINTS)
                .withSlo(450, 99, 40, 99);
    }

    static RequestSource source(List<TenantSpec> tenants, double rateRps) {
        return RequestSource.withTenants(
                RequestSource.synthetic(new Arrival(ArrivalKind.POISSON, rateRps, null, null, null), IN, OUT, 1, 9),
                tenants,
                9);
    }

    /** Priority-only provisioning: one shared replica, no capacity dedicated. */
    private static EmulationResult run(List<TenantSpec> tenants, double rateRps, int requests) {
        return new Emulator(spec(1, requests), source(tenants, rateRps))
                .withTenants(tenants)
                .run();
    }

    /** Provisioning with replicas dedicated by {@link Reservation#replicas} on a pool of {@code workers}. */
    static EmulationResult runReserved(List<TenantSpec> tenants, int workers, double rateRps, int requests) {
        EmulationSpec spec = spec(workers, requests);
        List<Reservation.Replicas> r = tenants.stream()
                .map(t -> Reservation.replicas(spec, t.provisionedTokensPerS(), 1024, 256))
                .toList();
        return new Emulator(spec, source(tenants, rateRps))
                .withTenants(tenants)
                .withReservations(r)
                .run();
    }

    /**
     * Hand sizing of one replica (docs/serving.md §11): prefilling 1,024 tokens alone takes t_p = prefillS(1024) and a
     * replica decodes C_d = decodeTokensPerS(ITL 40 ms, context 1,024 + 128) tokens/s, so a request costs
     * t_p + 256 / C_d seconds of a replica; at the planner's 80 % target utilisation one replica serves
     * 0.8 / (t_p + 256 / C_d) requests/s.
     */
    static double sizedRpsPerReplica() {
        double tp = PlannerModel.prefillS(MODEL, 1024, EmulationSpec.DEFAULT_TOKEN_BUDGET);
        double cd = PlannerModel.decodeTokensPerS(MODEL, 0.040, 1024 + 128, EmulationSpec.DEFAULT_TOKEN_BUDGET, 256);
        return PlannerSpec.DEFAULT_TARGET_UTILIZATION / (tp + 256 / cd);
    }

    @Test
    void premiumRequestsWaitLessThanBasicOnesInAnOverloadedPool() {
        List<TenantSpec> t = List.of(
                new TenantSpec("gold", TenantSpec.Tier.PREMIUM, 0.5, 0),
                new TenantSpec("bronze", TenantSpec.Tier.BASIC, 0.5, 0));
        // one replica offered more than it serves: the waiting queue grows, priority decides who waits
        EmulationResult r = run(t, 150, 20_000);
        TenantResult gold = r.tenants().get(0);
        TenantResult bronze = r.tenants().get(1);
        assertThat(gold.requests() + bronze.requests()).isPositive();
        assertThat(gold.ttftP99Ms()).isLessThan(bronze.ttftP50Ms());
        assertThat(gold.sloAttainment()).isGreaterThanOrEqualTo(bronze.sloAttainment());
        assertThat(gold.spilledRequests()).isZero();
    }

    @Test
    void aReservationServesItsShareFirstAndSpillsTheRest() {
        // tenant "reserved" offers 50 % of 80 req/s × 1,280 tokens = 51,200 tok/s against 25,600 reserved:
        // the token bucket admits about half of its requests as provisioned, the rest spill over at standard priority
        double reserved = 25_600;
        List<TenantSpec> t = List.of(
                new TenantSpec("reserved", TenantSpec.Tier.STANDARD, 0.5, reserved),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, 0.5, 0));
        EmulationResult r = run(t, 80, 20_000);
        TenantResult res = r.tenants().get(0);
        double offeredTokensPerS = 0.5 * 80 * TOKENS_PER_REQUEST;
        assertThat(res.provisionedRequests() / (double) res.requests())
                .isCloseTo(reserved / offeredTokensPerS, within(0.05));
        assertThat(res.provisionedRequests() + res.spilledRequests()).isEqualTo(res.requests());
        assertThat(r.tenants().get(1).provisionedRequests()).isZero();
    }

    @Test
    void provisionedRequestsAreAdmittedFirstWhenTheSharedPoolIsOverloaded() {
        // reserved 20,000 tok/s (about 15 req/s) inside one replica; the shared tenant overloads it
        List<TenantSpec> t = List.of(
                new TenantSpec("ptu", TenantSpec.Tier.BASIC, 0.1, 20_000),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, 0.9, 0));
        EmulationResult r = run(t, 150, 20_000);
        TenantResult ptu = r.tenants().get(0);
        TenantResult shared = r.tenants().get(1);
        assertThat(r.overloaded()).isTrue();
        // admission first: the reserved requests wait a hundredth of what the shared ones wait ...
        assertThat(ptu.ttftP50Ms()).isLessThan(shared.ttftP50Ms() / 100);
        assertThat(ptu.provisionedRequests()).isGreaterThan(ptu.requests() * 9 / 10);
        // ... and most meet the SLO while the shared tenant's none do; not all: in an overloaded aggregated pool every
        // running
        // sequence shares the stretched iterations (ITL), which priority in the waiting line cannot protect
        assertThat(ptu.provisionedSloAttainment()).isGreaterThan(0.7);
        assertThat(shared.sloAttainment()).isLessThan(0.05);
    }

    @Test
    void tenantsFromTheFileAreReportedPerTenant() {
        Facility su = Samples.SCALABLE_UNIT.load();
        TrafficProfile t0 = su.workload().traffic().get(0);
        TrafficProfile withTenants = new TrafficProfile(
                t0.id(),
                t0.deployment(),
                t0.arrival(),
                t0.inputTokens(),
                t0.outputTokens(),
                List.of(
                        new Tenant("acme", TenantTier.PREMIUM, 0.3, 200_000.0),
                        new Tenant("rest", TenantTier.BASIC, 0.7, null)));
        Facility f = su.withWorkload(new Workload(
                su.workload().deployments(), List.of(withTenants), su.workload().slos()));
        ServingReport r = (ServingReport) new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), AnalysisContext.empty())
                .report();
        List<TenantResult> tenants = r.deployments().get(0).tenants();
        assertThat(tenants).extracting(TenantResult::id).containsExactly("acme", "rest");
        assertThat(tenants).extracting(TenantResult::tier).containsExactly("premium", "basic");
        // 30 % of the requests are acme's (sampling error of 18,000 draws: well under 2 points)
        double share = tenants.get(0).requests()
                / (double) (tenants.get(0).requests() + tenants.get(1).requests());
        assertThat(share).isCloseTo(0.3, within(0.02));
        assertThat(tenants).allSatisfy(x -> assertThat(x.sloAttainment()).isGreaterThan(0.99));
    }

    @Test
    void theSizingFormulaCountsReplicasAndOneSizedReplicaMeetsTheSloAtItsRate() {
        double perReplicaTokensPerS = sizedRpsPerReplica() * TOKENS_PER_REQUEST;
        EmulationSpec spec = spec(4, 20_000);
        // ceil(P / per-replica rate): just below one replica's worth is 1, just above is 2, 2.5 replicas' worth is 3
        assertThat(Reservation.replicas(spec, 0.99 * perReplicaTokensPerS, 1024, 256)
                        .front())
                .isEqualTo(1);
        assertThat(Reservation.replicas(spec, 1.01 * perReplicaTokensPerS, 1024, 256)
                        .front())
                .isEqualTo(2);
        assertThat(Reservation.replicas(spec, 2.5 * perReplicaTokensPerS, 1024, 256))
                .isEqualTo(new Reservation.Replicas(3, 0));
        assertThat(Reservation.replicas(spec, 0, 1024, 256)).isEqualTo(new Reservation.Replicas(0, 0));
        // the emulator agrees: one replica offered the sized rate meets the SLO at its percentile
        EmulationResult r = new Emulator(spec(1, 20_000), source(List.of(), sizedRpsPerReplica())).run();
        assertThat(r.overloaded()).isFalse();
        assertThat(r.ttftAtSloPercentileMs()).isLessThanOrEqualTo(450);
        assertThat(r.goodputRps() / r.completedRps()).isGreaterThan(0.99);
    }

    @Test
    void aProvisionedTenantWithinItsReservationMeetsItsSloWhileSharedTrafficOverloadsThePoolThreefold() {
        // the tenant reserves one replica's sized rate and offers 85 % of it; the shared tenant offers 3 × what the
        // whole
        // 4-replica pool can serve (one replica completes about 1 / (t_p + 256 / C_d) requests/s at full load)
        double reservedRps = sizedRpsPerReplica();
        double poolCapacityRps = 4 * sizedRpsPerReplica() / PlannerSpec.DEFAULT_TARGET_UTILIZATION;
        double ptuRps = 0.85 * reservedRps;
        double sharedRps = 3 * poolCapacityRps;
        double total = ptuRps + sharedRps;
        List<TenantSpec> t = List.of(
                new TenantSpec("ptu", TenantSpec.Tier.STANDARD, ptuRps / total, reservedRps * TOKENS_PER_REQUEST),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, sharedRps / total, 0));
        EmulationResult r = runReserved(t, 4, total, 60_000);
        TenantResult ptu = r.tenants().get(0);
        TenantResult shared = r.tenants().get(1);
        assertThat(r.overloaded()).isTrue();
        assertThat(ptu.dedicatedReplicas()).isEqualTo(1);
        assertThat(shared.dedicatedReplicas()).isZero();
        assertThat(ptu.requests()).isGreaterThan(2_000);
        // the guarantee as sold: at least 99 % of the tenant's requests meet TTFT and ITL (the SLO's p99) ...
        assertThat(ptu.provisionedSloAttainment()).isGreaterThanOrEqualTo(0.99);
        assertThat(ptu.sloAttainment()).isGreaterThanOrEqualTo(0.99);
        assertThat(ptu.ttftP99Ms()).isLessThanOrEqualTo(450);
        // ... while the overloaded shared pool meets it for almost none
        assertThat(shared.sloAttainment()).isLessThan(0.05);
    }

    @Test
    void requestsBeyondTheReservationSpillToTheSharedPoolAndGetItsLatency() {
        // the tenant offers twice its reservation: about half its requests spill (the bucket's analytic share) and meet
        // the
        // SLO as rarely as the shared tenant's requests in the same overloaded shared pool, while the provisioned half
        // meet it
        double reservedRps = sizedRpsPerReplica() / 2;
        double ptuRps = 2 * reservedRps;
        double sharedRps = 3 * 3 * sizedRpsPerReplica() / PlannerSpec.DEFAULT_TARGET_UTILIZATION;
        double total = ptuRps + sharedRps;
        List<TenantSpec> t = List.of(
                new TenantSpec("ptu", TenantSpec.Tier.PREMIUM, ptuRps / total, reservedRps * TOKENS_PER_REQUEST),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, sharedRps / total, 0));
        EmulationResult r = runReserved(t, 4, total, 60_000);
        TenantResult ptu = r.tenants().get(0);
        TenantResult shared = r.tenants().get(1);
        assertThat(ptu.dedicatedReplicas()).isEqualTo(1);
        assertThat(ptu.spilledRequests() / (double) ptu.requests()).isCloseTo(0.5, within(0.05));
        assertThat(ptu.provisionedSloAttainment()).isGreaterThanOrEqualTo(0.99);
        assertThat(ptu.spilledSloAttainment()).isCloseTo(shared.sloAttainment(), within(0.05));
        assertThat(ptu.spilledSloAttainment()).isLessThan(0.05);
    }

    @Test
    void reservationsBeyondThePoolGetWhatIsLeftAndOneReplicaStaysShared() {
        double perReplica = sizedRpsPerReplica() * TOKENS_PER_REQUEST;
        // a wants 2 replicas, b wants 2: on 4 replicas b gets 1 (one stays shared); c gets none and keeps priority only
        List<TenantSpec> t = List.of(
                new TenantSpec("a", TenantSpec.Tier.STANDARD, 0.3, 1.5 * perReplica),
                new TenantSpec("b", TenantSpec.Tier.STANDARD, 0.3, 1.5 * perReplica),
                new TenantSpec("c", TenantSpec.Tier.STANDARD, 0.1, 0.5 * perReplica),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, 0.3, 0));
        EmulationResult r = runReserved(t, 4, 100, 4_000);
        assertThat(r.tenants()).extracting(TenantResult::dedicatedReplicas).containsExactly(2, 1, 0, 0);
        assertThat(r.tenants().get(2).provisionedRequests()).isPositive();
    }

    @Test
    void withoutReservationsTheResultsAreThoseOfTheEmulatorWithoutTenants() {
        // same seed, same numbers: no tenants, and tenants without reservations, change nothing but the per-tenant
        // counts
        EmulationResult plain = new Emulator(spec(4, 5_000), source(List.of(), 200)).run();
        EmulationResult none = new Emulator(spec(4, 5_000), source(List.of(), 200))
                .withTenants(List.of())
                .withReservations(List.of())
                .run();
        assertThat(none).isEqualTo(plain);
        List<TenantSpec> t = List.of(
                new TenantSpec("a", TenantSpec.Tier.STANDARD, 0.5, 0),
                new TenantSpec("b", TenantSpec.Tier.STANDARD, 0.5, 0));
        EmulationResult tenants = runReserved(t, 4, 200, 5_000);
        assertThat(tenants.ttftP99Ms()).isEqualTo(plain.ttftP99Ms());
        assertThat(tenants.itlP99Ms()).isEqualTo(plain.itlP99Ms());
        assertThat(tenants.totalTokensPerS()).isEqualTo(plain.totalTokensPerS());
        assertThat(tenants.goodputRps()).isEqualTo(plain.goodputRps());
        assertThat(tenants.tenants())
                .extracting(TenantResult::dedicatedReplicas)
                .containsExactly(0, 0);
    }

    @Test
    void aReservationBeyondTheDeploymentGivesAFindingNamingDeploymentAndTenant() {
        Facility su = Samples.SCALABLE_UNIT.load();
        TrafficProfile t0 = su.workload().traffic().get(0);
        TrafficProfile withTenants = new TrafficProfile(
                t0.id(),
                t0.deployment(),
                t0.arrival(),
                t0.inputTokens(),
                t0.outputTokens(),
                List.of(
                        new Tenant("acme", TenantTier.PREMIUM, 0.3, 1e9),
                        new Tenant("rest", TenantTier.BASIC, 0.7, null)));
        Facility f = su.withWorkload(new Workload(
                su.workload().deployments(), List.of(withTenants), su.workload().slos()));
        var result = new ServingAnalysis()
                .analyze(f, new CatalogIndex(CatalogIo.builtIn(), f.catalog()), AnalysisContext.empty());
        assertThat(result.findings()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("SERVING_RESERVATION_EXCEEDS_POOL");
            assertThat(x.element()).isEqualTo(t0.deployment());
            assertThat(x.message()).contains("tenant acme").contains("deployment " + t0.deployment());
        });
        ServingReport r = (ServingReport) result.report();
        int replicas = r.deployments().get(0).replicas();
        // acme gets all replicas but one
        assertThat(r.deployments().get(0).tenants().get(0).dedicatedReplicas()).isEqualTo(replicas - 1);
    }

    @Test
    void disaggregatedReservationsDedicatePrefillAndDecodeReplicas() {
        // prefill and decode sized apart: N_p = ceil(λ·ISL / (C_p·u)), N_d = ceil(λ·OSL / (C_d·u))
        EmulationSpec spec = spec(4, 40_000).withDisaggregation(MODEL, 4, 50e9 * 4 * 0.8);
        double tp = PlannerModel.prefillS(MODEL, 1024, EmulationSpec.DEFAULT_TOKEN_BUDGET);
        double cd = PlannerModel.decodeTokensPerS(MODEL, 0.040, 1024 + 128, EmulationSpec.DEFAULT_TOKEN_BUDGET, 256);
        double u = PlannerSpec.DEFAULT_TARGET_UTILIZATION;
        double lambda = 60; // req/s reserved
        Reservation.Replicas want = Reservation.replicas(spec, lambda * TOKENS_PER_REQUEST, 1024, 256);
        assertThat(want).isEqualTo(new Reservation.Replicas((int) Math.ceil(lambda * tp / u), (int)
                Math.ceil(lambda * 256 / (cd * u))));
        // the tenant at 85 % of its reservation beside shared traffic that overloads the remaining prefill and decode
        // workers
        double ptuRps = 0.85 * lambda;
        double sharedRps = 600;
        double total = ptuRps + sharedRps;
        List<TenantSpec> t = List.of(
                new TenantSpec("ptu", TenantSpec.Tier.STANDARD, ptuRps / total, lambda * TOKENS_PER_REQUEST),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, sharedRps / total, 0));
        EmulationResult r = new Emulator(spec, source(t, total))
                .withTenants(t)
                .withReservations(List.of(want, new Reservation.Replicas(0, 0)))
                .run();
        assertThat(r.overloaded()).isTrue();
        assertThat(r.tenants().get(0).dedicatedReplicas()).isEqualTo(want.front() + want.back());
        assertThat(r.tenants().get(0).sloAttainment()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.tenants().get(1).sloAttainment()).isLessThan(0.05);
    }

    @Test
    void anSlaPlannerScalesTheSharedReplicasAndLeavesTheDedicatedOnesUp() {
        // 6 replicas at most, the planner starts with 2: replica 0 is the tenant's, the planner scales the shared ones
        double reservedRps = sizedRpsPerReplica();
        double ptuRps = 0.85 * reservedRps;
        double sharedRps = 40;
        double total = ptuRps + sharedRps;
        List<TenantSpec> t = List.of(
                new TenantSpec("ptu", TenantSpec.Tier.STANDARD, ptuRps / total, reservedRps * TOKENS_PER_REQUEST),
                new TenantSpec("shared", TenantSpec.Tier.STANDARD, sharedRps / total, 0));
        EmulationSpec spec = spec(6, 60_000);
        PlannerSpec p =
                PlannerSpec.defaults(6, 0, PlannerSpec.startupS(MODEL), 0).withInitial(2, 0);
        EmulationResult r = new Emulator(spec, source(t, total))
                .withTenants(t)
                .withPlanner(p)
                .withReservations(t.stream()
                        .map(x -> Reservation.replicas(spec, x.provisionedTokensPerS(), 1024, 256))
                        .toList())
                .run();
        assertThat(r.planner()).hasSizeGreaterThan(2);
        // the dedicated replica plus at least the planner's minimum of shared ones, always
        assertThat(r.planner()).allSatisfy(x -> assertThat(x.frontWorkers()).isGreaterThanOrEqualTo(2));
        assertThat(r.tenants().get(0).dedicatedReplicas()).isEqualTo(1);
        assertThat(r.tenants().get(0).sloAttainment()).isGreaterThanOrEqualTo(0.99);
    }
}
