package org.aifactory.twin.model;

import java.util.List;
import java.util.Objects;

/**
 * Structural invariants of the model's records. Quantity checks (negative, NaN, absurd) are not
 * made here but in {@code FacilityValidator}, which reports every problem of a file at once
 * with its JSON path; a compact constructor can only stop at the first.
 */
public final class Checks {
    private Checks() {}

    /** Returns {@code value}, or throws naming the missing field. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    /** An immutable copy of {@code list}; {@code null} (an omitted JSON array) becomes empty. */
    public static <T> List<T> listOf(List<T> list) {
        if (list == null) {
            return List.of();
        }
        // List.copyOf rejects null elements; the reader never produces them, callers must not either.
        return List.copyOf(list.stream().filter(Objects::nonNull).toList());
    }
}
