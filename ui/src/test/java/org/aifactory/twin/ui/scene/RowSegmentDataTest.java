package org.aifactory.twin.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowSegmentDataTest {
    /** 0.6 m wide, 1.2 m deep, 2.3 m high racks. */
    private static ItemGeometry rack(String id, double x, double z, double rotationDeg) {
        return new ItemGeometry(id, x, z, 0.6, 1.2, 2.3, rotationDeg);
    }

    // a, b, c touch along x on z = 5; d stands 1.2 m after c (a gap); e, f are turned 90 degrees and touch along z.
    private static final List<ItemGeometry> RACKS = List.of(
            rack("a", 10, 5, 0),
            rack("c", 11.2, 5, 0),
            rack("b", 10.6, 5, 0),
            rack("d", 13.0, 5, 0),
            rack("e", 20, 5, 90),
            rack("f", 20, 5.6, 90));

    private static RowSegmentData data() {
        return RowSegmentData.of(BoxMeshData.of(
                RACKS, new int[] {0xff000001, 0xff000002, 0xff000003, 0xff000004, 0xff000005, 0xff000006}));
    }

    private static List<String> runIds(RowSegmentData d, int s) {
        return java.util.Arrays.stream(d.run(s))
                .mapToObj(i -> RACKS.get(i).id())
                .toList();
    }

    @Test
    void touchingRacksOnOneLineMergeIntoOneBoxPerRun() {
        RowSegmentData d = data();
        assertThat(d.runCount()).isEqualTo(3);
        List<List<String>> runs = java.util.stream.IntStream.range(0, 3)
                .mapToObj(s -> runIds(d, s))
                .toList();
        assertThat(runs).containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("d"), List.of("e", "f"));
        assertThat(d.faces()).hasSize(3 * 12 * 6);
        assertThat(d.points()).hasSize(3 * 8 * 3);
    }

    @Test
    void aPickAlongARunFindsTheRackUnderIt() {
        RowSegmentData d = data();
        for (int s = 0; s < d.runCount(); s++) {
            List<String> ids = runIds(d, s);
            if (ids.size() == 3) {
                // Run a-b-c spans x 9.7 to 11.5 m: x = 10.75 m is over b (10.3 to 10.9), 11.45 m over c.
                assertThat(d.idAt(s * 12 + 5, 10.75, 5.3)).contains("b");
                assertThat(d.idAt(s * 12 + 5, 11.45, 4.6)).contains("c");
                assertThat(d.idAt(s * 12, 9.71, 5)).contains("a");
            }
            if (ids.size() == 2) {
                // Turned 90 degrees: the run goes along z, e at 4.7 to 5.3 m, f at 5.3 to 5.9 m.
                assertThat(d.idAt(s * 12 + 7, 20.2, 5.8)).contains("f");
                assertThat(d.idAt(s * 12 + 7, 19.8, 4.8)).contains("e");
            }
        }
        assertThat(d.idAt(3 * 12, 0, 0)).isEmpty();
    }

    @Test
    void eachRackKeepsItsOwnColourAndHighlight() {
        RowSegmentData d = data();
        int[] argb = {0xff102030, 0xff405060, 0xff708090, 0xff112233, 0xff445566, 0xff778899};
        int[] pixels = d.texture(argb, Set.of(2), 0xffffff3c);
        // Every texel is some rack's colour at some side's brightness (or the highlight's); the tops (brightness 1)
        // exactly.
        List<Integer> all = java.util.Arrays.stream(pixels).boxed().toList();
        // Rack index 2 is "b" (the list order is a, c, b, ...): highlighted, so its own colour appears nowhere.
        assertThat(all).contains(0xff102030, 0xff405060, 0xff112233, 0xff445566, 0xff778899, 0xffffff3c);
        assertThat(all).doesNotContain(0xff708090);
    }
}
