package org.aifactory.twin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.Precision;
import org.junit.jupiter.api.Test;

class ExecutionModelTest {
    private static final double EPS_S = 1e-12;

    @Test
    void llama70bFp8DecodeAtBatchOneIsNeverFasterThanHbmCanStreamTheWeights() {
        ExecutionModel m = Mlperf.model("b200-gb200", Precision.FP8, 1, Efficiency.DEFAULT);
        // weights: 70e9 params × 1 B = 70 GB; 70e9 B / 8e12 B/s = 8.75 ms.
        // KV of a 1,000-token context in FP8: 2 × 80 layers × 8 heads × 128 × 1 B = 163,840 B/token
        // → 163.84 MB / 8e12 B/s = 0.0205 ms. Floor = 8.7705 ms.
        double floorS = (70e9 + 1000 * 163_840.0) / 8e12;
        assertThat(m.rooflineFloorS(1, 1000)).isCloseTo(floorS, within(1e-6));
        double stepS = m.iterationS(1, 1000, 0, 0, 0);
        assertThat(stepS).isGreaterThanOrEqualTo(floorS);
        // with the 0.92 bandwidth fraction and 0.3 ms overhead: 8.7705 / 0.92 + 0.3 = 9.833 ms
        assertThat(stepS).isCloseTo(8.7705e-3 / 0.92 + 0.3e-3, within(0.01e-3));
    }

    @Test
    void tensorParallelismSplitsWeightsAndKvButAddsAllReduce() {
        ExecutionModel tp1 = Mlperf.model("b200-gb200", Precision.FP8, 1, Efficiency.DEFAULT);
        ExecutionModel tp4 = Mlperf.model("b200-gb200", Precision.FP8, 4, Efficiency.DEFAULT);
        // 70 GB / 4 = 17.5 GB per GPU; KV 163,840 B / 4 KV-head groups = 40,960 B per token per GPU
        assertThat(tp4.weightBytesPerGpu()).isCloseTo(17.5e9, within(1.0));
        assertThat(tp4.kvBytesPerTokenPerGpu()).isCloseTo(40_960, within(1e-6));
        assertThat(tp4.iterationS(1, 1000, 0, 0, 0)).isLessThan(tp1.iterationS(1, 1000, 0, 0, 0));
    }

    @Test
    void kvCapacityIsUsableHbmLessWeightsAndWorkspace() {
        ExecutionModel m = Mlperf.model("h100-sxm", Precision.FP8, 2, Efficiency.DEFAULT);
        // 80 GB × 0.9 = 72 GB; weights 35 GB; workspace 8,192 × 24 × 8,192 × 2 B / 2 = 1.61 GB
        // free 35.39 GB / 81,920 B per token = 432,000 tokens
        assertThat(m.kvCapacityTokens(8192)).isCloseTo(432_000, within(1_000L));
    }

    @Property(seed = "42", tries = 300)
    void neverFasterThanTheRooflineFloor(
            @ForAll @IntRange(min = 1, max = 4096) int batch,
            @ForAll @LongRange(min = 1, max = 8192) long context,
            @ForAll @IntRange(min = 0, max = 3) int tpLog,
            @ForAll @IntRange(min = 0, max = 2) int precision) {
        Precision p = Precision.values()[precision];
        ExecutionModel m = new ExecutionModel(
                Mlperf.CATALOG.model("llama-2-70b").orElseThrow(),
                Mlperf.CATALOG.gpu("b200-gb200").orElseThrow(),
                p,
                new Parallelism(1 << tpLog, 1, 1, 1),
                Efficiency.DEFAULT);
        double ctx = (double) batch * context;
        assertThat(m.iterationS(batch, ctx, 0, 0, 0)).isGreaterThanOrEqualTo(m.rooflineFloorS(batch, ctx) - EPS_S);
    }

    @Property(seed = "7", tries = 200)
    void iterationTimeNeverFallsWhenTheBatchGrows(
            @ForAll @IntRange(min = 1, max = 4096) int batch, @ForAll @IntRange(min = 1, max = 512) int extra) {
        ExecutionModel m = new ExecutionModel(
                Mlperf.CATALOG.model("deepseek-r1").orElseThrow(),
                Mlperf.CATALOG.gpu("b300").orElseThrow(),
                Precision.FP4,
                new Parallelism(8, 1, 8, 1),
                Efficiency.DEFAULT);
        assertThat(m.iterationS(batch + extra, (batch + extra) * 1000.0, 0, 0, 0))
                .isGreaterThanOrEqualTo(m.iterationS(batch, batch * 1000.0, 0, 0, 0));
    }

    @Test
    void moeReadsOnlyTheExpertsItsTokensTouch() {
        ExecutionModel m = new ExecutionModel(
                Mlperf.CATALOG.model("deepseek-r1").orElseThrow(),
                Mlperf.CATALOG.gpu("b200-gb200").orElseThrow(),
                Precision.FP8,
                new Parallelism(8, 1, 8, 1),
                Efficiency.DEFAULT);
        // total 671B, active 37B, 8 of 256 experts: expert params = 634B / (1 - 1/32) = 654.5B,
        // dense 16.5B. Per GPU (TP8): (16.5 + 654.5) / 8 = 83.9 GB in FP8.
        assertThat(m.weightBytesPerGpu()).isCloseTo(671e9 / 8, within(1e6));
        // batch 1 touches 8 of 256 experts: far less than a batch of 1,000 that touches nearly all
        assertThat(m.iterationS(1, 1000, 0, 0, 0)).isLessThan(m.iterationS(1000, 1000 * 1000.0, 0, 0, 0) / 3);
    }
}
