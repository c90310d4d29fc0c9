package org.aifactory.twin.model.io;

import java.util.List;
import java.util.stream.Collectors;

/** A facility file could not be loaded; {@link #problems()} lists every problem found. */
public final class FacilityLoadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public FacilityLoadException(List<Problem> problems) {
        super(problems.size() + " problem(s):\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
