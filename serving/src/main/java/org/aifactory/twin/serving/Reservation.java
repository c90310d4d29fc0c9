package org.aifactory.twin.serving;

import java.util.ArrayList;
import java.util.List;

/**
 * Capacity reserved for a provisioned tenant, sized the way a provisioned-throughput offering is
 * sold: replicas dedicated to the tenant (Azure OpenAI PTUs and AWS Bedrock provisioned throughput
 * sell model units of reserved capacity [S] (learn.microsoft.com "provisioned throughput";
 * docs.aws.amazon.com "Provisioned Throughput")). The count comes from the planner's performance
 * model ({@link PlannerModel}, docs/serving.md §9 and §11): the tenant's reserved requests per
 * second λ = P / (ISL + OSL) at its reserved rate P tokens/s, then
 * <pre>
 *   prefill capacity  C_p = ISL / prefillS(ISL)                                  prompt tokens/s per replica
 *   decode capacity   C_d = decodeTokensPerS(model, ITL target, ISL + OSL/2)     output tokens/s per replica
 *   aggregated:       N   = ceil( (λ·ISL / C_p + λ·OSL / C_d) / u )
 *   disaggregated:    N_p = ceil( λ·ISL / (C_p·u) ),  N_d = ceil( λ·OSL / (C_d·u) )
 * </pre>
 * with u = {@link PlannerSpec#DEFAULT_TARGET_UTILIZATION} (Dynamo's planner headroom), the same
 * formula the SLA planner scales by.
 */
public final class Reservation {
    private Reservation() {}

    /** Replicas dedicated to one tenant: {@code front} aggregated or prefill, {@code back} decode (0 when aggregated). */
    public record Replicas(int front, int back) {}

    /**
     * Replicas that serve {@code tokensPerS} reserved input + output tokens per second of requests
     * averaging {@code meanIsl} prompt and {@code meanOsl} output tokens within the spec's ITL target
     * (Dynamo's default 50 ms without one). Zero replicas for no reservation.
     */
    public static Replicas replicas(EmulationSpec spec, double tokensPerS, double meanIsl, double meanOsl) {
        if (!(tokensPerS > 0)) {
            return new Replicas(0, 0);
        }
        double isl = Math.max(1, meanIsl);
        double osl = Math.max(1, meanOsl);
        double rps = tokensPerS / (isl + osl);
        double u = PlannerSpec.DEFAULT_TARGET_UTILIZATION;
        double itlS = Double.isNaN(spec.itlSloMs()) ? Emulator.DEFAULT_PLANNER_ITL_S : spec.itlSloMs() / 1e3;
        ExecutionModel fm = spec.model();
        ExecutionModel dm = spec.disaggregated() ? spec.decodeModel() : fm;
        double prefillCapacity = isl / PlannerModel.prefillS(fm, (int) Math.round(isl), spec.tokenBudget());
        double decodeCapacity =
                PlannerModel.decodeTokensPerS(dm, itlS, isl + osl / 2, spec.tokenBudget(), spec.maxBatch());
        if (spec.disaggregated()) {
            return new Replicas((int) Math.ceil(rps * isl / (prefillCapacity * u)), (int)
                    Math.ceil(rps * osl / (decodeCapacity * u)));
        }
        return new Replicas((int) Math.ceil((rps * isl / prefillCapacity + rps * osl / decodeCapacity) / u), 0);
    }

    /**
     * Replicas each tenant gets on pools of {@code frontWorkers} aggregated or prefill and
     * {@code backWorkers} decode replicas: what it wants, in tenant order, while one replica of each
     * pool stays shared (for spillover and the shared tenants).
     */
    public static List<Replicas> grant(List<Replicas> want, int frontWorkers, int backWorkers) {
        List<Replicas> out = new ArrayList<>();
        int f = 0;
        int b = 0;
        for (Replicas w : want) {
            int gf = Math.max(0, Math.min(w.front(), frontWorkers - 1 - f));
            int gb = backWorkers == 0 ? 0 : Math.max(0, Math.min(w.back(), backWorkers - 1 - b));
            f += gf;
            b += gb;
            out.add(new Replicas(gf, gb));
        }
        return out;
    }
}
