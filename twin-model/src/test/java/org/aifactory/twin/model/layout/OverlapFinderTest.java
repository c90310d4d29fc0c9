package org.aifactory.twin.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapFinderTest {
    private static PlacedItem box(String id, double x, double y, double rot, double w, double d) {
        return new PlacedItem(id, "rack", "t", "h", x, y, rot, w, d, 2, "/" + id);
    }

    @Test
    void touchingRacksDoNotOverlap() {
        assertThat(OverlapFinder.overlaps(List.of(box("a", 0.3, 0, 0, 0.6, 1.2), box("b", 0.9, 0, 0, 0.6, 1.2))))
                .isEmpty();
    }

    @Test
    void racksSharingTwoCentimetresOverlap() {
        assertThat(OverlapFinder.overlaps(List.of(box("a", 0.3, 0, 0, 0.6, 1.2), box("b", 0.88, 0, 0, 0.6, 1.2))))
                .hasSize(1);
    }

    /**
     * A 1 x 1 square turned 45° reaches sqrt(2)/2 = 0.707 m from its centre along x; a second
     * square 1.2 m away (its near edge at 0.7 m) is 7 mm from it, and at 1.1 m it overlaps.
     */
    @Test
    void rotatedFootprintsUseTheSeparatingAxisTest() {
        assertThat(OverlapFinder.overlaps(List.of(box("a", 0, 0, 45, 1, 1), box("b", 1.214, 0, 0, 1, 1))))
                .isEmpty();
        assertThat(OverlapFinder.overlaps(List.of(box("a", 0, 0, 45, 1, 1), box("b", 1.1, 0, 0, 1, 1))))
                .hasSize(1);
    }

    @Test
    void differentHallsNeverOverlap() {
        PlacedItem a = box("a", 0, 0, 0, 1, 1);
        PlacedItem b = new PlacedItem("b", "rack", "t", "other", 0, 0, 0, 1, 1, 2, "/b");
        assertThat(OverlapFinder.overlaps(List.of(a, b))).isEmpty();
    }

    /** The grid must find exactly what the all-pairs test finds, on a dense random layout. */
    @Test
    void gridAgreesWithAllPairs() {
        java.util.Random random = new java.util.Random(42);
        List<PlacedItem> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(
                    box("r" + i, random.nextDouble() * 40, random.nextDouble() * 40, random.nextInt(4) * 30, 0.6, 1.2));
        }
        int expected = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                if (OverlapFinder.intersects(
                        items.get(i).corners(), items.get(j).corners())) {
                    expected++;
                }
            }
        }
        assertThat(expected).isPositive();
        assertThat(OverlapFinder.overlaps(items)).hasSize(expected);
    }
}
