package org.aifactory.twin.ui.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.CoolingLoop;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.FeedSide;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.RackFeed;
import org.aifactory.twin.model.layout.SiteFrame;

/**
 * Something the selected racks can be connected to, as the connect chooser lists it: a busway or
 * PDU for a feed, or a secondary cooling loop (with its CDU). Only figures of the model itself are
 * shown (the rating and how many racks it serves now); no load or physics is computed here.
 *
 * @param id the power node's or cooling loop's id
 * @param kind "busway", "pdu" or "cooling loop"
 * @param ratingKw the power node's rating, kW; null for a cooling loop
 * @param cduId the CDU of a cooling loop; null for a power node
 * @param racksServed how many racks of the facility it feeds (on any side) or cools now
 * @param distanceM straight-line distance in site coordinates from the centre of the selected racks
 *     to the node, or to the loop's CDU (to its host rack for an in-rack CDU), m; null if it has no
 *     placement
 * @param selectedOnIt how many of the selected racks are connected to it already (on the side
 *     being connected, for a feed)
 * @param selected how many racks are selected
 */
public record ConnectCandidate(
        String id,
        String kind,
        Double ratingKw,
        String cduId,
        int racksServed,
        Double distanceM,
        int selectedOnIt,
        int selected) {

    /** One line of the chooser: "hall-1-su-01-bus-a: busway, 1,093 kW, feeds 9 racks, 3.2 m away". */
    public String label() {
        StringBuilder s = new StringBuilder(id).append(": ").append(kind);
        if (ratingKw != null) {
            s.append(String.format(Locale.ROOT, ", %,.0f kW rating", ratingKw));
        }
        if (cduId != null) {
            s.append(", CDU ").append(cduId);
        }
        s.append(ratingKw != null ? ", feeds " : ", cools ")
                .append(racksServed)
                .append(racksServed == 1 ? " rack" : " racks");
        s.append(
                distanceM == null
                        ? ", not placed"
                        : String.format(Locale.ROOT, ", %.1f m from the selection", distanceM));
        if (selectedOnIt > 0) {
            s.append(
                    selectedOnIt == selected
                            ? " (now: all selected)"
                            : String.format(Locale.ROOT, " (now: %d of %d selected)", selectedOnIt, selected));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return label();
    }

    /** The busways and PDUs of {@code f}'s power chain to feed side {@code side} from, nearest to the racks {@code rackIds} first (unplaced ones last). */
    static List<ConnectCandidate> feedSources(Facility f, Collection<String> rackIds, FeedSide side) {
        Set<String> selected = new HashSet<>(rackIds);
        Map<String, Set<String>> fed = new HashMap<>();
        Map<String, Integer> selectedOn = new HashMap<>();
        for (Rack r : f.racks()) {
            for (RackFeed feed : r.feeds()) {
                fed.computeIfAbsent(feed.source(), k -> new HashSet<>()).add(r.id());
                if (feed.side() == side && selected.contains(r.id())) {
                    selectedOn.merge(feed.source(), 1, Integer::sum);
                }
            }
        }
        SiteFrame frame = new SiteFrame(f.halls());
        Optional<double[]> centre = centre(f, rackIds, frame);
        List<ConnectCandidate> out = new ArrayList<>();
        for (PowerNode n : f.power().nodes()) {
            if (n.kind().feedsRacks()) {
                out.add(new ConnectCandidate(
                        n.id(),
                        n.kind().name().toLowerCase(Locale.ROOT),
                        n.ratingKw(),
                        null,
                        fed.getOrDefault(n.id(), Set.of()).size(),
                        distance(centre, n.placement(), frame),
                        selectedOn.getOrDefault(n.id(), 0),
                        selected.size()));
            }
        }
        return sorted(out);
    }

    /** The secondary cooling loops of {@code f}, nearest CDU to the racks {@code rackIds} first. */
    static List<ConnectCandidate> coolingLoops(Facility f, Collection<String> rackIds) {
        Set<String> selected = new HashSet<>(rackIds);
        Map<String, Integer> cooled = new HashMap<>();
        Map<String, Integer> selectedOn = new HashMap<>();
        f.racks().forEach(r -> {
            if (r.coolingLoopId() != null) {
                cooled.merge(r.coolingLoopId(), 1, Integer::sum);
                if (selected.contains(r.id())) {
                    selectedOn.merge(r.coolingLoopId(), 1, Integer::sum);
                }
            }
        });
        SiteFrame frame = new SiteFrame(f.halls());
        Optional<double[]> centre = centre(f, rackIds, frame);
        List<ConnectCandidate> out = new ArrayList<>();
        for (CoolingLoop l : f.cooling().loops()) {
            Placement at = f.cooling().cdus().stream()
                    .filter(c -> c.id().equals(l.cduId()))
                    .findFirst()
                    .map(c -> cduPlacement(f, c))
                    .orElse(null);
            out.add(new ConnectCandidate(
                    l.id(),
                    "cooling loop",
                    null,
                    l.cduId(),
                    cooled.getOrDefault(l.id(), 0),
                    distance(centre, at, frame),
                    selectedOn.getOrDefault(l.id(), 0),
                    selected.size()));
        }
        return sorted(out);
    }

    /** Where a CDU stands: its own placement, or its host rack's for an in-rack unit; null if neither. */
    static Placement cduPlacement(Facility f, Cdu c) {
        if (c.placement() != null) {
            return c.placement();
        }
        return f.racks().stream()
                .filter(r -> r.id().equals(c.hostRackId()))
                .findFirst()
                .map(Rack::placement)
                .orElse(null);
    }

    private static List<ConnectCandidate> sorted(List<ConnectCandidate> list) {
        list.sort(Comparator.comparing(
                        ConnectCandidate::distanceM, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
                .thenComparing(ConnectCandidate::id));
        return List.copyOf(list);
    }

    /** The mean of the racks' centres in site coordinates (x, y), or empty if none is found. */
    private static Optional<double[]> centre(Facility f, Collection<String> rackIds, SiteFrame frame) {
        Set<String> ids = new HashSet<>(rackIds);
        double x = 0;
        double y = 0;
        int n = 0;
        for (Rack r : f.racks()) {
            if (ids.contains(r.id())) {
                x += frame.xM(r.placement());
                y += frame.yM(r.placement());
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(new double[] {x / n, y / n});
    }

    private static Double distance(Optional<double[]> centre, Placement p, SiteFrame frame) {
        if (centre.isEmpty() || p == null) {
            return null;
        }
        return Math.hypot(frame.xM(p) - centre.get()[0], frame.yM(p) - centre.get()[1]);
    }
}
