package org.aifactory.twin.model.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aifactory.twin.model.io.Problem;

/**
 * Walks any tree of records and lists and reports every NaN or infinite number with its JSON
 * pointer, so no field can slip through (JSON "NaN" strings coerce to doubles).
 */
final class NonFiniteNumbers {
    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private NonFiniteNumbers() {}

    static void check(Object value, String path, String element, List<Problem> out) {
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                out.add(Problem.at(path, element, "must be a finite number, not " + d));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "/" + i, element, out);
            }
        } else if (value instanceof Record record) {
            RecordComponent[] components = COMPONENTS.computeIfAbsent(record.getClass(), Class::getRecordComponents);
            String id = element;
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = get(components[i], record);
                if (components[i].getName().equals("id") && values[i] instanceof String s) {
                    id = s;
                }
            }
            for (int i = 0; i < components.length; i++) {
                Class<?> t = components[i].getType();
                if (t == double.class || t == Double.class || t == List.class || Record.class.isAssignableFrom(t)) {
                    check(values[i], path + "/" + components[i].getName(), id, out);
                }
            }
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c + " of " + r.getClass(), e);
        }
    }
}
