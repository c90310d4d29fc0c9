package org.aifactory.twin.serving;

import java.util.List;
import java.util.Locale;

/**
 * Prints the tenancy figures of docs/serving.md §11: a provisioned tenant at 85 % of a one-replica
 * reservation and at twice it, beside shared traffic offered 3 × what the 4-replica pool serves,
 * with replicas dedicated and with priority only. Run like {@link ServingBenchmark}. Test scope,
 * prints by design.
 */
public final class TenancyDemo {
    private TenancyDemo() {}

    public static void main(String[] args) {
        double perReplicaRps = TenancyTest.sizedRpsPerReplica();
        System.out.printf(
                Locale.ROOT,
                "sized rate of one replica: %.2f req/s = %,.0f tok/s%n",
                perReplicaRps,
                perReplicaRps * TenancyTest.TOKENS_PER_REQUEST);
        for (double offered : new double[] {0.85, 2.0}) {
            double reservedRps = offered > 1 ? perReplicaRps / 2 : perReplicaRps;
            double ptuRps = offered * reservedRps;
            double sharedRps = 3 * 4 * perReplicaRps / PlannerSpec.DEFAULT_TARGET_UTILIZATION;
            double total = ptuRps + sharedRps;
            List<TenantSpec> t = List.of(
                    new TenantSpec(
                            "ptu",
                            TenantSpec.Tier.STANDARD,
                            ptuRps / total,
                            reservedRps * TenancyTest.TOKENS_PER_REQUEST),
                    new TenantSpec("shared", TenantSpec.Tier.STANDARD, sharedRps / total, 0));
            for (boolean dedicated : new boolean[] {true, false}) {
                EmulationSpec spec = TenancyTest.spec(4, 60_000);
                Emulator e = new Emulator(spec, TenancyTest.source(t, total)).withTenants(t);
                if (dedicated) {
                    e.withReservations(t.stream()
                            .map(x -> Reservation.replicas(spec, x.provisionedTokensPerS(), 1024, 256))
                            .toList());
                }
                EmulationResult r = e.run();
                System.out.printf(
                        Locale.ROOT,
                        "ptu offers %.2f × its reservation, %s; overloaded %s%n",
                        offered,
                        dedicated ? "replicas dedicated" : "priority only",
                        r.overloaded());
                for (TenantResult x : r.tenants()) {
                    System.out.printf(
                            Locale.ROOT,
                            "  %s: %,d requests, %,d provisioned, %,d spilled, %d dedicated; SLO attainment %s, "
                                    + "provisioned %s, spilled %s; TTFT p50/p99 %.0f / %.0f ms%n",
                            x.id(),
                            x.requests(),
                            x.provisionedRequests(),
                            x.spilledRequests(),
                            x.dedicatedReplicas(),
                            pct(x.sloAttainment()),
                            pct(x.provisionedSloAttainment()),
                            pct(x.spilledSloAttainment()),
                            x.ttftP50Ms(),
                            x.ttftP99Ms());
                }
            }
        }
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
