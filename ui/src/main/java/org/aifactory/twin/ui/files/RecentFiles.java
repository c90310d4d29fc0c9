package org.aifactory.twin.ui.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.twin.model.io.FacilityWriter;

/**
 * The files last opened or saved, newest first, kept in a small text file (one absolute path a
 * line) so they survive restarts. At most {@link #MAX_ENTRIES}; a path appears once. FX-free; not
 * thread-safe (the window uses it on the FX thread).
 */
public final class RecentFiles {
    /** How many files File &gt; Open Recent lists. */
    public static final int MAX_ENTRIES = 10;

    private final Path store;
    private final List<Path> entries = new ArrayList<>();

    /** Reads the list kept in {@code store}; a missing or unreadable store is an empty list. */
    public RecentFiles(Path store) {
        this.store = store;
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && entries.size() < MAX_ENTRIES) {
                    Path p = Path.of(line.strip());
                    if (!entries.contains(p)) {
                        entries.add(p);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // first start: no list yet
        } catch (IOException | RuntimeException e) {
            System.getLogger(RecentFiles.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "Ignoring the unreadable recent-files list " + store + ": " + e.getMessage());
        }
    }

    /** Newest first. */
    public List<Path> list() {
        return List.copyOf(entries);
    }

    /** Puts {@code file} first (moving it up if it was listed) and writes the list. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        entries.remove(p);
        entries.add(0, p);
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.size() - 1);
        }
        write();
    }

    /** Drops {@code file} (it no longer opens) and writes the list. */
    public void remove(Path file) {
        if (entries.remove(file.toAbsolutePath().normalize())) {
            write();
        }
    }

    public void clear() {
        entries.clear();
        write();
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        entries.forEach(p -> text.append(p).append('\n'));
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            FacilityWriter.writeAtomically(text.toString().getBytes(StandardCharsets.UTF_8), store);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the recent-files list " + store, e);
        }
    }
}
