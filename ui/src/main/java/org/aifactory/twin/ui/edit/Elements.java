package org.aifactory.twin.ui.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Cooling;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.PlacedElement;
import org.aifactory.twin.model.Placement;
import org.aifactory.twin.model.PowerChain;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.Row;

/**
 * The placed elements of a facility (racks, CDUs, power nodes, heat-rejection units, air
 * handlers) treated alike: find one by id, read or replace its placement, add, map or drop them.
 * FX-free; every method returns a new facility and leaves the given one alone.
 */
final class Elements {
    private Elements() {}

    /** The element {@code id} if it is a placed kind (a record of the model), else empty. */
    static Optional<Record> find(Facility f, String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Rack r : f.racks()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        for (Cdu c : f.cooling().cdus()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        for (PowerNode n : f.power().nodes()) {
            if (n.id().equals(id)) {
                return Optional.of(n);
            }
        }
        for (HeatRejectionUnit h : f.cooling().heatRejection()) {
            if (h.id().equals(id)) {
                return Optional.of(h);
            }
        }
        for (AirHandler a : f.cooling().airHandlers()) {
            if (a.id().equals(id)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The element's id; {@code e} must be a placed element. */
    static String id(Record e) {
        if (e instanceof PlacedElement p) {
            return p.id();
        }
        throw new IllegalArgumentException("not a placed element: " + e);
    }

    /** Where the element stands; null for elements without a position (an in-rack CDU, an unplaced power node). */
    static Placement placement(Record e) {
        return e instanceof PlacedElement p ? p.placement() : null;
    }

    /** The catalog type id of the element (null for a power node without one). */
    static String type(Record e) {
        return e instanceof PlacedElement p ? p.type() : null;
    }

    /** What the user calls the kind of element, for messages. */
    static String kind(Record e) {
        if (e instanceof Rack r) {
            return "rack";
        }
        if (e instanceof Cdu c) {
            return "CDU";
        }
        if (e instanceof PowerNode n) {
            return n.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        if (e instanceof HeatRejectionUnit h) {
            return "heat-rejection unit";
        }
        if (e instanceof AirHandler a) {
            return "air handler";
        }
        return "element";
    }

    /** The same element with another id and placement (for paste). */
    @SuppressWarnings("unchecked")
    static <T extends Record> T copy(T e, String newId, Placement p) {
        if (e instanceof Rack r) {
            return (T) new Rack(newId, r.type(), r.rowId(), p, r.feeds(), r.coolingLoopId(), r.powerKw());
        }
        if (e instanceof Cdu c) {
            return (T) new Cdu(newId, c.type(), p, c.hostRackId(), c.facilityLoopId());
        }
        if (e instanceof PowerNode n) {
            return (T) new PowerNode(
                    newId,
                    n.kind(),
                    n.name(),
                    n.type(),
                    p,
                    n.inputs(),
                    n.ratingKw(),
                    n.voltageV(),
                    n.efficiency(),
                    n.noLoadLossKw(),
                    n.fullLoadLossKw(),
                    n.efficiencyCurve(),
                    n.lengthM());
        }
        if (e instanceof HeatRejectionUnit h) {
            return (T) new HeatRejectionUnit(newId, h.type(), h.facilityLoopId(), p);
        }
        if (e instanceof AirHandler a) {
            return (T) new AirHandler(newId, a.type(), p);
        }
        throw new IllegalArgumentException("not a placed element: " + e);
    }

    /** The element with placement {@code p}, everything else kept. */
    static <T extends Record> T moved(T e, Placement p) {
        return copy(e, id(e), p);
    }

    /**
     * Applies {@code fn} to every placed element; null from it drops the element. Elements the
     * function returns unchanged (the same object) stay shared with the old facility.
     */
    static Facility map(Facility f, UnaryOperator<Record> fn) {
        List<Rack> racks = mapList(f.racks(), fn);
        List<Cdu> cdus = mapList(f.cooling().cdus(), fn);
        List<PowerNode> nodes = mapList(f.power().nodes(), fn);
        List<HeatRejectionUnit> hrus = mapList(f.cooling().heatRejection(), fn);
        List<AirHandler> ahus = mapList(f.cooling().airHandlers(), fn);
        return rebuild(f, f.rows(), racks, cdus, nodes, hrus, ahus);
    }

    /** The facility with {@code added} appended to their lists and {@code newRows} to the rows. */
    static Facility add(Facility f, List<Row> newRows, List<? extends Record> added) {
        List<Row> rows = new ArrayList<>(f.rows());
        rows.addAll(newRows);
        List<Rack> racks = new ArrayList<>(f.racks());
        List<Cdu> cdus = new ArrayList<>(f.cooling().cdus());
        List<PowerNode> nodes = new ArrayList<>(f.power().nodes());
        List<HeatRejectionUnit> hrus = new ArrayList<>(f.cooling().heatRejection());
        List<AirHandler> ahus = new ArrayList<>(f.cooling().airHandlers());
        for (Record e : added) {
            if (e instanceof Rack r) {
                racks.add(r);
            } else if (e instanceof Cdu c) {
                cdus.add(c);
            } else if (e instanceof PowerNode n) {
                nodes.add(n);
            } else if (e instanceof HeatRejectionUnit h) {
                hrus.add(h);
            } else if (e instanceof AirHandler a) {
                ahus.add(a);
            } else {
                throw new IllegalArgumentException("not a placed element: " + e);
            }
        }
        return rebuild(f, rows, racks, cdus, nodes, hrus, ahus);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> List<T> mapList(List<T> list, UnaryOperator<Record> fn) {
        List<T> out = new ArrayList<>(list.size());
        for (T e : list) {
            T m = (T) fn.apply(e);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private static Facility rebuild(
            Facility f,
            List<Row> rows,
            List<Rack> racks,
            List<Cdu> cdus,
            List<PowerNode> nodes,
            List<HeatRejectionUnit> hrus,
            List<AirHandler> ahus) {
        Cooling c = f.cooling();
        Cooling cooling = new Cooling(cdus, c.loops(), c.facilityLoops(), hrus, ahus);
        PowerChain power = new PowerChain(nodes, f.power().redundancyGroups());
        return new Facility(
                f.formatVersion(),
                f.site(),
                f.halls(),
                rows,
                racks,
                power,
                cooling,
                f.network(),
                f.workload(),
                f.catalog());
    }
}
