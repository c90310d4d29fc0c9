package org.aifactory.twin.ui.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.FacilityWriter;

/**
 * The autosave recovery files of one running designer: the last autosaved version of a facility
 * with unsaved edits, and what it was edited as (its file, if it had one, and its name). Each
 * designer has a session of its own ({@code recovery/autosave-SESSION.json}, {@code .properties}
 * and {@code .lock}), so two designers open at once never write over each other's. While its
 * recovery file exists the designer holds an OS lock on the session's {@code .lock} file; the OS
 * lets the lock go when the process ends, however it ends. So at start {@link #find()} offers only
 * recovery files whose lock it can take: those of designers that are gone. A save or a clean exit
 * deletes the files and lets the lock go. Files are written atomically ({@link FacilityWriter}).
 * FX-free; callers serialise access (the {@link Autosaver} does all of it on one thread).
 */
public final class Recovery implements AutoCloseable {
    /**
     * A recovery file found at start.
     *
     * @param file the autosaved facility
     * @param name what the window called it
     * @param originalFile the file it was read from or last saved to; null if it had none (a sample, a new facility)
     * @param savedAt when the autosave wrote it
     */
    public record Snapshot(Path file, String name, Path originalFile, Instant savedAt) {}

    private static final String PREFIX = "autosave";
    private static final String SUFFIX = ".json";

    private final UserFiles files;
    private String session;
    private FileChannel lockChannel;
    private FileLock lock;

    /** A new session (named after the process and a random part, so that it is unique on this machine). */
    public Recovery(UserFiles files) {
        this(files, newSessionId());
    }

    Recovery(UserFiles files, String session) {
        this.files = files;
        this.session = session;
    }

    private static String newSessionId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    /** This designer's session: its recovery files are named after it. */
    public String session() {
        return session;
    }

    /** This designer's recovery file (whether it exists or not). */
    public Path file() {
        return files.recoveryFile(session);
    }

    /** Writes {@code facility} as this designer's recovery file, then what it stands for; takes the session's lock first. */
    public void write(Facility facility, String name, Path originalFile) throws IOException {
        if (!holdLock(session)) {
            throw new IOException("the recovery files of session " + session + " are locked by another designer");
        }
        FacilityWriter.write(facility, files.recoveryFile(session));
        Properties info = new Properties();
        info.setProperty("name", name == null ? "facility" : name);
        if (originalFile != null) {
            info.setProperty("file", originalFile.toAbsolutePath().toString());
        }
        StringWriter text = new StringWriter();
        info.store(text, "autosave of the AI-factory twin designer");
        FacilityWriter.writeAtomically(text.toString().getBytes(StandardCharsets.UTF_8), files.recoveryInfo(session));
    }

    /**
     * The newest recovery file left by a designer that is gone (one whose lock can be taken),
     * if any. Files of designers still running are never offered. A file found becomes this
     * designer's own (its session is taken over, lock and all), so no other designer starting
     * now offers it too; recovering it autosaves over it, declining it ({@link #delete()})
     * deletes it. Does nothing once this designer holds recovery files of its own.
     */
    public Optional<Snapshot> find() {
        if (lock != null) {
            return Optional.empty();
        }
        String own = session;
        for (Path file : candidates()) {
            String other = sessionOf(file);
            if (other.equals(own) || !holdLock(other)) {
                continue;
            }
            session = other;
            if (!Files.isRegularFile(file)) {
                // Deleted by its designer's clean exit just now.
                release(true);
                session = own;
                continue;
            }
            return Optional.of(snapshot(file));
        }
        return Optional.empty();
    }

    /** Recovery files in the folder, newest first. */
    private List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        Path dir = files.recoveryDir();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            all.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Recovery::modified).reversed());
        return out;
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** "autosave-123-ab12cd34.json" is session "123-ab12cd34"; "autosave.json" the empty session. */
    private static String sessionOf(Path file) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - SUFFIX.length());
        return stem.equals(PREFIX) ? "" : stem.substring(Math.min(stem.length(), PREFIX.length() + 1));
    }

    private Snapshot snapshot(Path file) {
        Properties info = new Properties();
        try (Reader in = Files.newBufferedReader(files.recoveryInfo(session), StandardCharsets.UTF_8)) {
            info.load(in);
        } catch (IOException e) {
            // The facility alone is still worth offering; it just has no name.
        }
        String original = info.getProperty("file");
        return new Snapshot(
                file,
                info.getProperty("name", "recovered.json"),
                original == null ? null : Path.of(original),
                modified(file));
    }

    /**
     * Takes the lock of session {@code s} (keeping it if held already); false if another designer
     * holds it, in this process or another.
     */
    private boolean holdLock(String s) {
        if (lock != null) {
            return s.equals(session);
        }
        try {
            Files.createDirectories(files.recoveryDir());
            FileChannel channel =
                    FileChannel.open(files.recoveryLock(s), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                taken = null; // held by another designer window of this same process
            }
            if (taken == null) {
                channel.close();
                return false;
            }
            lockChannel = channel;
            lock = taken;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Lets the session's lock go, deleting the lock file too if {@code deleteFile}. */
    private void release(boolean deleteFile) {
        if (lock == null) {
            return;
        }
        try {
            if (deleteFile) {
                // Delete while still holding the lock, so nobody takes a lock on a file about to go.
                Files.deleteIfExists(files.recoveryLock(session));
            }
        } catch (IOException e) {
            // A lock file left behind is harmless: nobody holds it, so the next start may take it.
        } finally {
            // Always let the lock and its channel go: a lock kept open would refuse this process's next one.
            try {
                lock.release();
            } catch (IOException e) {
                // The OS lets the lock go with the channel or the process at the latest.
            }
            try {
                lockChannel.close();
            } catch (IOException e) {
                // Nothing more to do: the channel is unusable either way.
            }
            lock = null;
            lockChannel = null;
        }
    }

    /** Deletes this designer's recovery files (after a save, a clean exit, or when the user declines them) and lets the lock go. */
    public void delete() throws IOException {
        // The facility last: its presence is what find() looks for.
        Files.deleteIfExists(files.recoveryInfo(session));
        Files.deleteIfExists(files.recoveryFile(session));
        release(true);
    }

    /**
     * Lets the lock go and leaves the files, as a designer that dies does (tests use it to stand
     * for a crash; the designer itself deletes its files on a clean exit).
     */
    @Override
    public void close() {
        release(false);
    }
}
