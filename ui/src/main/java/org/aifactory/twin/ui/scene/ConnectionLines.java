package org.aifactory.twin.ui.scene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.paint.Color;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;

/**
 * The connections of the selected racks, as the 3D view draws them: a line from each selected
 * rack to the busway or PDU of its A feed, of its B feed, of its C feed, and to the CDU of its cooling loop (its
 * host rack for an in-rack CDU). Read from the model only; whether a line is drawn depends on
 * both ends being drawn (a busway without a placement is not).
 */
public final class ConnectionLines {
    /** At most this many selected racks get their lines drawn: a rubber band over a campus stays cheap [E]. */
    public static final int MAX_RACKS = 200;

    /**
     * What a line stands for, with its colour and where it leaves the rack's top (in rack widths
     * and depths from its centre, so the runs of one rack stay apart). Feed C (distributed
     * redundancy, 3N/2) is purple: clear of the red A, the navy B, the cyan loop, the amber of the
     * power equipment and the green of the GPU racks it runs over.
     */
    public enum Kind {
        FEED_A("Feed A", Color.web("#d32f2f"), -0.25, 0),
        FEED_B("Feed B", Color.web("#283593"), 0.25, 0),
        FEED_C("Feed C", Color.web("#8e24aa"), 0, -0.25),
        COOLING("Cooling loop (CDU)", Color.web("#00acc1"), 0, 0.25);

        private final String label;
        private final Color colour;
        private final double u;
        private final double v;

        Kind(String label, Color colour, double u, double v) {
            this.label = label;
            this.colour = colour;
            this.u = u;
            this.v = v;
        }

        /** The kind of line for a feed on side {@code side}. */
        public static Kind of(FeedSide side) {
            return switch (side) {
                case A -> FEED_A;
                case B -> FEED_B;
                case C -> FEED_C;
            };
        }

        /** Where the line leaves the rack's top across its width, in rack widths from the centre. */
        public double u() {
            return u;
        }

        /** Where the line leaves the rack's top along its depth, in rack depths from the centre. */
        public double v() {
            return v;
        }

        public String label() {
            return label;
        }

        public Color colour() {
            return colour;
        }
    }

    /** One connection from rack {@code rackId} to the element {@code targetId}. */
    public record Line(String rackId, String targetId, Kind kind) {}

    private ConnectionLines() {}

    /** The connections of the racks among {@code selection} (the first {@link #MAX_RACKS} of them). */
    public static List<Line> of(Facility f, Collection<String> selection) {
        Set<String> selected = new HashSet<>(selection);
        Map<String, String> cduOfLoop = new HashMap<>();
        for (CoolingLoop l : f.cooling().loops()) {
            cduOfLoop.put(l.id(), l.cduId());
        }
        Map<String, String> drawnCdu = new HashMap<>();
        for (Cdu c : f.cooling().cdus()) {
            drawnCdu.put(c.id(), c.placement() != null ? c.id() : c.hostRackId());
        }
        List<Line> out = new ArrayList<>();
        int racks = 0;
        for (Rack r : f.racks()) {
            if (!selected.contains(r.id())) {
                continue;
            }
            if (++racks > MAX_RACKS) {
                break;
            }
            for (RackFeed feed : r.feeds()) {
                out.add(new Line(r.id(), feed.source(), Kind.of(feed.side())));
            }
            String cdu = drawnCdu.get(cduOfLoop.get(r.coolingLoopId()));
            if (cdu != null && !cdu.equals(r.id())) {
                out.add(new Line(r.id(), cdu, Kind.COOLING));
            }
        }
        return out;
    }
}
