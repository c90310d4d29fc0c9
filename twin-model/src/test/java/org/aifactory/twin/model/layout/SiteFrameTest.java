package org.aifactory.twin.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Placement;
import org.junit.jupiter.api.Test;

class SiteFrameTest {
    private final SiteFrame frame =
            new SiteFrame(List.of(new Hall("h1", "H1", 0, 0, 10, 8, 4), new Hall("h2", "H2", 20, 30, 10, 8, 4)));

    /** A rack at (1.5, 2) in hall h2, whose corner is at (20, 30), stands at (21.5, 32) on the site. */
    @Test
    void hallPointsAreOffsetByTheHallsOrigin() {
        Placement p = Placement.inHall("h2", 1.5, 2, 0);
        assertThat(frame.xM(p)).isEqualTo(21.5);
        assertThat(frame.yM(p)).isEqualTo(32);
        assertThat(frame.hallAt(21.5, 32)).isEqualTo("h2");
    }

    @Test
    void yardAndUnknownHallsAreSiteCoordinatesAlready() {
        assertThat(frame.xM(Placement.inYard(-6, -12))).isEqualTo(-6);
        assertThat(frame.yM(Placement.inHall("nope", 3, 4, 0))).isEqualTo(4);
        assertThat(frame.hallAt(15, 15)).isNull();
    }
}
