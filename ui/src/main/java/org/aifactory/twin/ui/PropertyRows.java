package org.aifactory.twin.ui;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aifactory.twin.model.AirHandler;
import org.aifactory.twin.model.Cdu;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.HeatRejectionUnit;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.SwitchInstance;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * Turns a model record into name/value rows by reflection over its components: nested records
 * flattened with dotted names, long lists cut short. The model's field names carry their units
 * ({@code powerKw}, {@code xM}), so the rows do too. Elements that name a catalog type also get
 * that entry's fields, prefixed {@code catalog.}.
 */
public final class PropertyRows {
    /** Lists of plain values show at most this many values... */
    static final int MAX_LIST_VALUES = 12;
    /** ...lists of records at most this many records. */
    static final int MAX_LIST_RECORDS = 8;

    static final String NONE = "(none)";

    private PropertyRows() {}

    public static List<PropertyRow> of(ElementIndex.Element element, CatalogIndex catalog) {
        List<PropertyRow> rows = new ArrayList<>();
        rows.add(new PropertyRow("kind", element.kind()));
        flatten("", element.value(), rows);
        catalogEntry(element.value(), catalog).ifPresent(entry -> flatten("catalog", entry, rows));
        return rows;
    }

    /** The rows of any value; a record's components become rows of their own. */
    public static List<PropertyRow> of(Object value) {
        List<PropertyRow> rows = new ArrayList<>();
        flatten("", value, rows);
        return rows;
    }

    private static Optional<?> catalogEntry(Object value, CatalogIndex catalog) {
        if (value instanceof Rack r) {
            return catalog.rack(r.type());
        } else if (value instanceof Cdu c) {
            return catalog.cdu(c.type());
        } else if (value instanceof HeatRejectionUnit h) {
            return catalog.heatRejection(h.type());
        } else if (value instanceof AirHandler a) {
            return catalog.airHandler(a.type());
        } else if (value instanceof PowerNode n) {
            return catalog.powerEquipment(n.type());
        } else if (value instanceof SwitchInstance s) {
            return catalog.switchType(s.type());
        } else if (value instanceof Deployment d) {
            return catalog.model(d.model());
        }
        return Optional.empty();
    }

    private static void flatten(String name, Object value, List<PropertyRow> out) {
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                flatten(name.isEmpty() ? c.getName() : name + "." + c.getName(), read(c, r), out);
            }
        } else if (value instanceof List<?> list) {
            flattenList(name, list, out);
        } else {
            out.add(new PropertyRow(name, text(value)));
        }
    }

    private static void flattenList(String name, List<?> list, List<PropertyRow> out) {
        if (list.isEmpty()) {
            out.add(new PropertyRow(name, "[]"));
        } else if (list.stream().noneMatch(v -> v instanceof Record || v instanceof List)) {
            String shown =
                    list.stream().limit(MAX_LIST_VALUES).map(PropertyRows::text).collect(Collectors.joining(", "));
            if (list.size() > MAX_LIST_VALUES) {
                shown += String.format(", ... (%,d in all)", list.size());
            }
            out.add(new PropertyRow(name, shown));
        } else {
            if (list.size() > MAX_LIST_RECORDS) {
                out.add(new PropertyRow(name + ".count", String.format("%,d", list.size())));
            }
            for (int i = 0; i < Math.min(list.size(), MAX_LIST_RECORDS); i++) {
                flatten(name + "[" + i + "]", list.get(i), out);
            }
            if (list.size() > MAX_LIST_RECORDS) {
                out.add(new PropertyRow(name + "[...]", String.format("%,d more", list.size() - MAX_LIST_RECORDS)));
            }
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // Model records are public with plain accessors: failing here is a programming error.
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return String.valueOf(d);
            }
            // Ten significant digits: hides binary noise such as 0.30000000000000004.
            return BigDecimal.valueOf(d)
                    .round(new MathContext(10))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }
}
