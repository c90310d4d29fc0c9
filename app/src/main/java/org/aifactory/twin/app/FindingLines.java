package org.aifactory.twin.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.analysis.Finding;

/** Findings as the commands print them, one line each: {@code severity CODE element: message}. */
final class FindingLines {
    private FindingLines() {}

    static void print(PrintWriter out, List<Finding> findings) {
        for (Finding f : findings) {
            out.printf(
                    Locale.ROOT,
                    "%s %s %s: %s%n",
                    f.severity().name().toLowerCase(Locale.ROOT),
                    f.code(),
                    f.element() == null ? "(facility)" : f.element(),
                    f.message());
        }
    }
}
