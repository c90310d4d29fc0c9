package org.aifactory.twin.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Parallelism;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Precision;
import org.aifactory.twin.model.RouterPolicy;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.Workload;
import org.junit.jupiter.api.Test;

/** Which racks form the prefill and decode pools of the KV-cache transfer pattern. */
class TrafficPatternTest {

    /** Six 72-GPU racks r1..r6 in fabric order. */
    private static FabricGraph sixRacks() {
        FabricGraph g = new FabricGraph();
        for (int i = 1; i <= 6; i++) {
            g.addNode(new FabricGraph.Node(
                    "r" + i,
                    FabricGraph.Role.ENDPOINT,
                    0,
                    72,
                    800,
                    72,
                    null,
                    "r" + i,
                    "row",
                    "hall",
                    i,
                    0,
                    2.3,
                    false));
        }
        return g;
    }

    private static List<String> ids(FabricGraph g, boolean[] flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out.add(g.node(i).id());
            }
        }
        return out;
    }

    @Test
    void withoutADisaggregatedDeploymentTheFirstHalfIsPrefill() {
        FabricGraph g = sixRacks();
        FabricSolver.Pools p = FabricSolver.pools(g, Workload.EMPTY);

        assertThat(ids(g, p.prefill())).containsExactly("r1", "r2", "r3");
        assertThat(ids(g, p.decode())).containsExactly("r4", "r5", "r6");
        assertThat(p.basis()).contains("[E]");
    }

    /**
     * A deployment on r6, r5, r4, r3 (in that order) with 1 prefill replica of 72 GPUs and 3 decode
     * replicas of 72: prefill gets 288 x 72 / 288 = 72 GPUs = its first rack, r6; r5, r4, r3 decode;
     * r1 and r2 run nothing and take no part.
     */
    @Test
    void aDisaggregatedDeploymentSetsThePools() {
        FabricGraph g = sixRacks();
        Parallelism tp72 = new Parallelism(72, 1, 1, 1);
        Deployment d = new Deployment(
                "dsr1",
                "deepseek-r1",
                Precision.FP4,
                ServingMode.DISAGGREGATED,
                List.of("r6", "r5", "r4", "r3"),
                List.of(new WorkerPool(PoolRole.PREFILL, 1, tp72), new WorkerPool(PoolRole.DECODE, 3, tp72)),
                RouterPolicy.KV_AWARE);

        FabricSolver.Pools p = FabricSolver.pools(g, new Workload(List.of(d), List.of(), List.of()));

        assertThat(ids(g, p.prefill())).containsExactly("r6");
        assertThat(ids(g, p.decode())).containsExactly("r3", "r4", "r5");
        assertThat(p.basis()).contains("dsr1");
    }
}
