package org.aifactory.twin.model.analysis;

import java.util.List;
import java.util.Optional;

/** Facts published by the analyses that ran before this one. */
@FunctionalInterface
public interface AnalysisContext {
    /** Every published fact, in the order the analyses ran. */
    List<Object> facts();

    /** The first published fact of {@code type}, if an earlier analysis published one. */
    default <T> Optional<T> fact(Class<T> type) {
        return facts().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Every published fact of {@code type}, in the order the analyses ran. */
    default <T> List<T> factsOf(Class<T> type) {
        return facts().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static AnalysisContext empty() {
        return List::of;
    }
}
