package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.WorkerPool;

/**
 * What a GPU rack runs, which sets how much throughput it loses under a power cap
 * ({@link GpuPowerCurve}, exponent {@code alpha} of {@code t = p^alpha}, {@code p} the fraction of
 * nominal GPU power). Compute-bound work (training, prefill) slows nearly in proportion to the clock
 * the cap allows; memory-bound decode waits on HBM and barely notices a cap. Fits, with
 * {@code alpha = ln t / ln p} at the published point:
 * <ul>
 *   <li>{@link #TRAINING} 0.866 [D]: an H100 capped from 700 W to 600 W "typically loses 10 to 15 % step
 *       throughput" on transformer pretraining [S] (factryze.ai/scale-atlas/power/power-capping):
 *       {@code ln(0.875) / ln(600/700) = -0.13353 / -0.15415 = 0.866};</li>
 *   <li>{@link #PREFILL} 0.866 [D, E]: prefill is GEMM-bound like training, so the training figure
 *       applies [E]; cross-check, a power-limit sweep on RTX 3090s [S] (llmgarage.ai, "Tokens-per-Second
 *       Test Bench: Power Limit Sweep", 2026) keeps 5,941 of 9,893 prefill tokens/s at 200 of 350 W:
 *       {@code ln(0.6005) / ln(0.5714) = 0.91};</li>
 *   <li>{@link #INFERENCE} (aggregated serving, prefill and decode on the same GPUs) 0.436 [D]: "reducing
 *       an H100 from 700 W to 600 W typically yields only a 5-8 % throughput decrease for memory-bound LLM
 *       inference" [S] (factryze.ai/glossary/power-capping): {@code ln(0.935) / ln(600/700) = 0.436};</li>
 *   <li>{@link #DECODE} 0.109 [D]: the same RTX 3090 sweep keeps 68.3 of 72.6 decode tokens/s at 200 of
 *       350 W: {@code ln(0.9408) / ln(0.5714) = 0.109}; on H200, decode draws only 137-300 W of 700 W, so
 *       no cap above about 43 % of TDP even binds [S] (Ma et al., "The Illusion of Power Capping in LLM
 *       Decode", arXiv 2605.11999): 0.109 is the conservative choice. The sweep is on consumer GPUs [E
 *       for data-centre GPUs].</li>
 * </ul>
 * A GPU rack in no serving deployment is taken to train [E].
 */
public enum WorkloadKind {
    TRAINING(0.866),
    PREFILL(0.866),
    INFERENCE(0.436),
    DECODE(0.109);

    private final double defaultAlpha;

    WorkloadKind(double defaultAlpha) {
        this.defaultAlpha = defaultAlpha;
    }

    /** The exponent fitted to the sources in the class comment. */
    public double defaultAlpha() {
        return defaultAlpha;
    }

    /** Lower-case name for reports: {@code training}, {@code prefill}, {@code inference}, {@code decode}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of every rack of the facility, in rack order. A deployment's racks serve
     * {@link #INFERENCE} when it has an aggregated pool; with prefill and decode pools, its racks in
     * listed order go to prefill in proportion to the prefill pool's GPUs (rounded, at least one rack
     * each when both pools have GPUs), the rest to decode [E: the model does not place pools on racks].
     * Racks in no deployment: {@link #TRAINING}.
     */
    static WorkloadKind[] ofRacks(Facility facility) {
        Map<String, WorkloadKind> byRack = new HashMap<>();
        for (Deployment d : facility.workload().deployments()) {
            int prefill = gpus(d, PoolRole.PREFILL);
            int decode = gpus(d, PoolRole.DECODE);
            List<String> racks = new ArrayList<>(d.racks());
            if (gpus(d, PoolRole.AGGREGATED) > 0 || prefill + decode == 0) {
                racks.forEach(r -> byRack.putIfAbsent(r, INFERENCE));
                continue;
            }
            int n = racks.size();
            int toPrefill = (int) Math.round((double) n * prefill / (prefill + decode));
            if (prefill > 0 && decode > 0 && n >= 2) {
                toPrefill = Math.max(1, Math.min(n - 1, toPrefill));
            }
            for (int i = 0; i < n; i++) {
                byRack.putIfAbsent(racks.get(i), i < toPrefill ? PREFILL : DECODE);
            }
        }
        WorkloadKind[] kinds = new WorkloadKind[facility.racks().size()];
        Arrays.fill(kinds, TRAINING);
        for (int r = 0; r < kinds.length; r++) {
            kinds[r] = byRack.getOrDefault(facility.racks().get(r).id(), TRAINING);
        }
        return kinds;
    }

    private static int gpus(Deployment d, PoolRole role) {
        return d.pools().stream()
                .filter(p -> p.role() == role)
                .mapToInt(WorkerPool::gpus)
                .sum();
    }
}
