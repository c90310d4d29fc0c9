package org.aifactory.twin.ui.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.FacilityWriter;

/**
 * The autosave recovery file: the last autosaved version of a facility with unsaved edits, and
 * what it was edited as (its file, if it had one, and its name). It exists only while there are
 * unsaved edits: a save or a clean exit deletes it, so finding it at start means the designer
 * did not exit cleanly. Both files are written atomically ({@link FacilityWriter}). FX-free;
 * callers serialise access (the {@link Autosaver} does all of it on one thread).
 */
public final class Recovery {
    /**
     * A recovery file found at start.
     *
     * @param file the autosaved facility
     * @param name what the window called it
     * @param originalFile the file it was read from or last saved to; null if it had none (a sample, a new facility)
     * @param savedAt when the autosave wrote it
     */
    public record Snapshot(Path file, String name, Path originalFile, Instant savedAt) {}

    private final UserFiles files;

    public Recovery(UserFiles files) {
        this.files = files;
    }

    /** Writes {@code facility} as the recovery file, then what it stands for. */
    public void write(Facility facility, String name, Path originalFile) throws IOException {
        FacilityWriter.write(facility, files.recoveryFile());
        Properties info = new Properties();
        info.setProperty("name", name == null ? "facility" : name);
        if (originalFile != null) {
            info.setProperty("file", originalFile.toAbsolutePath().toString());
        }
        StringWriter text = new StringWriter();
        info.store(text, "autosave of the AI-factory twin designer");
        FacilityWriter.writeAtomically(text.toString().getBytes(StandardCharsets.UTF_8), files.recoveryInfo());
    }

    /** The recovery file, if the last session left one. */
    public Optional<Snapshot> find() {
        Path file = files.recoveryFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties info = new Properties();
        try (Reader in = Files.newBufferedReader(files.recoveryInfo(), StandardCharsets.UTF_8)) {
            info.load(in);
        } catch (IOException e) {
            // The facility alone is still worth offering; it just has no name.
        }
        String original = info.getProperty("file");
        try {
            return Optional.of(new Snapshot(
                    file,
                    info.getProperty("name", "recovered.json"),
                    original == null ? null : Path.of(original),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the recovery file (after a save, a clean exit, or when the user declines it). */
    public void delete() throws IOException {
        // The facility last: its presence is what find() looks for.
        Files.deleteIfExists(files.recoveryInfo());
        Files.deleteIfExists(files.recoveryFile());
    }
}
