package org.aifactory.twin.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Link;
import org.aifactory.twin.model.SwitchInstance;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class CableTraysTest {
    private final Facility su = Samples.SCALABLE_UNIT.load();
    private final SceneModel model = SceneModel.build(su, new CatalogIndex(CatalogIo.builtIn(), su.catalog()));

    /** Conservation: the trays carry exactly the cable length of the L-shaped routes, cable by cable. */
    @Test
    void traysCarryEveryCableMetreOfTheRoutes() {
        Map<String, String> rackOf = new HashMap<>();
        for (Fabric f : su.network().fabrics()) {
            for (SwitchInstance s : f.switches()) {
                rackOf.put(s.id(), s.rackId());
            }
        }
        double expected = 0;
        int links = 0;
        for (Fabric f : su.network().fabrics()) {
            for (Link l : f.links()) {
                ItemGeometry a = model.racks()
                        .geometry(rackOf.getOrDefault(l.a(), l.a()))
                        .orElseThrow();
                ItemGeometry b = model.racks()
                        .geometry(rackOf.getOrDefault(l.b(), l.b()))
                        .orElseThrow();
                expected += l.count() * (Math.abs(a.centreX() - b.centreX()) + Math.abs(a.centreZ() - b.centreZ()));
                links++;
            }
        }
        assertThat(links).isEqualTo(96);
        double carried = model.trays().stretches().stream()
                .mapToDouble(s -> (s.toM() - s.fromM()) * s.cables())
                .sum();
        assertThat(expected).isPositive();
        assertThat(carried).isCloseTo(expected, within(1e-6 * expected));
    }

    @Test
    void bundlesAddUpWhereTheyShareATrayAndHangAboveTheRacks() {
        // Every GPU rack is cabled to the leaf switches in network rack hall-1-su-01-net at the row's end (x = 8.85 m):
        // the stretch next to that rack carries more cables than the stretch by the first GPU rack.
        CableTrays t = model.trays();
        int nearFirst = t.stretches().stream()
                .filter(s -> s.alongX() && s.fromM() < 4.2 && s.toM() > 4.2)
                .mapToInt(s -> s.cables())
                .max()
                .orElseThrow();
        int nearLeaf = t.stretches().stream()
                .filter(s -> s.alongX() && s.fromM() < 8.6 && s.toM() > 8.6)
                .mapToInt(s -> s.cables())
                .max()
                .orElseThrow();
        assertThat(nearLeaf).isGreaterThan(nearFirst);
        // 2.3 m racks, trays 0.5 m above them.
        assertThat(t.trayBottomM()).isCloseTo(2.3 + 0.5, within(1e-9));
        assertThat(CableTrays.thicknessM(1)).isEqualTo(CableTrays.MIN_THICKNESS_M);
        assertThat(CableTrays.thicknessM(100)).isCloseTo(0.08, within(1e-9));
    }
}
