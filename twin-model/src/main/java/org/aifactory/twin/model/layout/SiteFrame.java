package org.aifactory.twin.model.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.Hall;
import org.aifactory.twin.model.Placement;

/**
 * Converts hall coordinates to site coordinates: a hall's corner stands at
 * ({@code originXM}, {@code originYM}) on the site, so a point of that hall is the origin plus its
 * hall coordinates. Yard placements (no hall), and placements in a hall that does not exist (the
 * validator reports those), are taken as site coordinates already.
 */
public final class SiteFrame {
    private final List<Hall> halls;
    private final Map<String, Hall> byId = new HashMap<>();

    public SiteFrame(List<Hall> halls) {
        this.halls = List.copyOf(halls);
        halls.forEach(h -> byId.putIfAbsent(h.id(), h));
    }

    /** Site x of a point at {@code hallXM} in hall {@code hallId} (null: the yard), m. */
    public double xM(String hallId, double hallXM) {
        Hall h = hallId == null ? null : byId.get(hallId);
        return h == null ? hallXM : h.originXM() + hallXM;
    }

    /** Site y of a point at {@code hallYM} in hall {@code hallId} (null: the yard), m. */
    public double yM(String hallId, double hallYM) {
        Hall h = hallId == null ? null : byId.get(hallId);
        return h == null ? hallYM : h.originYM() + hallYM;
    }

    public double xM(Placement p) {
        return xM(p.hallId(), p.xM());
    }

    public double yM(Placement p) {
        return yM(p.hallId(), p.yM());
    }

    /** The first hall whose floor contains the site point (edges included), or null: the yard. */
    public String hallAt(double siteXM, double siteYM) {
        for (Hall h : halls) {
            if (siteXM >= h.originXM()
                    && siteXM <= h.originXM() + h.widthM()
                    && siteYM >= h.originYM()
                    && siteYM <= h.originYM() + h.depthM()) {
                return h.id();
            }
        }
        return null;
    }
}
