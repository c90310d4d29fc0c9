package org.aifactory.twin.model.io;

/**
 * One thing wrong with a facility file, located as precisely as we can: file, line and column
 * (0 when unknown), the JSON pointer of the offending value, and the id of the element it
 * belongs to (null when it has none).
 */
public record Problem(String file, int line, int column, String path, String element, String message) {

    /** A problem found in the model, not yet located in a file. */
    public static Problem at(String path, String element, String message) {
        return new Problem(null, 0, 0, path, element, message);
    }

    public Problem located(String newFile, int newLine, int newColumn) {
        return new Problem(newFile, newLine, newColumn, path, element, message);
    }

    /** {@code file:line:column: element (path): message}, the form compilers use so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) {
                s.append(':').append(line).append(':').append(column);
            }
            s.append(": ");
        }
        if (element != null) {
            s.append(element).append(' ');
        }
        if (path != null && !path.isEmpty()) {
            s.append('(').append(path).append(") ");
        }
        return s.append(message).toString();
    }
}
