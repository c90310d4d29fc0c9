package org.aifactory.twin.serving;

/**
 * The planner's performance model, the stand-in for Dynamo's pre-deployment profiling
 * (docs.nvidia.com/dynamo, "SLA-based Planner": prefill TTFT and throughput per GPU against ISL
 * at batch 1; decode ITL against active KV and context length): here read off the same
 * {@link ExecutionModel} the workers run, so the planner knows the engine as well as a profile
 * would, and its correction factors absorb queueing, prefix hits and mixed batches.
 */
final class PlannerModel {
    private PlannerModel() {}

    /** Seconds to prefill one prompt of {@code isl} tokens alone (batch 1), in chunks of the token budget. */
    static double prefillS(ExecutionModel m, int isl, int tokenBudget) {
        double s = 0;
        for (int done = 0; done < isl; ) {
            int chunk = Math.min(tokenBudget, isl - done);
            s += m.iterationS(0, 0, chunk, chunk * (done + chunk / 2.0), done + chunk);
            done += chunk;
        }
        return Math.max(1e-9, s);
    }

    /**
     * Decode tokens per second of one replica at the largest batch whose iteration stays within
     * {@code itlS} (Dynamo's {@code find_best_throughput_per_gpu}), the batch also bounded by KV
     * capacity at {@code contextTokens} per sequence and by {@code maxBatch}; batch 1 when even that
     * misses the target (the planner then adds replicas, the best it can do). Bisection: the
     * iteration time grows with the batch.
     */
    static double decodeTokensPerS(ExecutionModel m, double itlS, double contextTokens, int tokenBudget, int maxBatch) {
        long kv = m.kvCapacityTokens(tokenBudget);
        int cap = (int) Math.max(
                1,
                Math.min(
                        Math.min(maxBatch, tokenBudget),
                        Math.floor(kv * (1 - Emulator.ADMISSION_HEADROOM) / Math.max(1, contextTokens))));
        int lo = 1;
        int hi = cap;
        if (m.iterationS(1, contextTokens, 0, 0, 0) <= itlS) {
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (m.iterationS(mid, mid * contextTokens, 0, 0, 0) <= itlS) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
        }
        return lo / m.iterationS(lo, lo * contextTokens, 0, 0, 0);
    }
}
