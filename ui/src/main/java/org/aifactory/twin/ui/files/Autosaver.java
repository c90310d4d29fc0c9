package org.aifactory.twin.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.aifactory.twin.model.Facility;

/**
 * Autosave: every {@code interval} (a minute in the designer; tests pass less), if the open
 * facility has unsaved edits the last autosave has not caught, writes it to the {@link Recovery}
 * file of this designer's session (two designers open at once each have their own). The writing runs on one background thread (the model is immutable, so the facility can
 * be written while the user edits on); deletes go through the same thread, so a save's delete
 * never overtakes an older autosave. Construct, start and stop on the FX thread.
 */
public final class Autosaver {
    /** What to autosave: the facility with unsaved edits, its name and its file (null if none). */
    public record Unsaved(Facility facility, String name, Path file) {}

    /** The designer's interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.minutes(1);
    /** System property: the autosave interval in seconds; 0 or less turns autosave off (the UI tests do). */
    public static final String INTERVAL_PROPERTY = "twin.autosaveSeconds";

    private static final System.Logger LOG = System.getLogger(Autosaver.class.getName());

    private final Recovery recovery;
    private final Supplier<Unsaved> current;
    private final Timeline timer;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autosave");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Instant> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten");
    private Facility written;

    /**
     * @param interval how often to autosave; null for never
     * @param current the facility to save when it has unsaved edits; null when there are none
     */
    public Autosaver(Recovery recovery, Duration interval, Supplier<Unsaved> current) {
        this.recovery = recovery;
        this.current = current;
        this.timer = interval == null ? null : new Timeline(new KeyFrame(interval, e -> saveNow()));
        if (timer != null) {
            timer.setCycleCount(Timeline.INDEFINITE);
        }
    }

    /** The interval {@code -Dtwin.autosaveSeconds=N} asks for, else a minute; null when N is 0 or less (off). */
    public static Duration intervalFromEnvironment() {
        String s = System.getProperty(INTERVAL_PROPERTY);
        if (s == null || s.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        try {
            double seconds = Double.parseDouble(s.strip());
            return seconds > 0 ? Duration.seconds(seconds) : null;
        } catch (NumberFormatException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    INTERVAL_PROPERTY + "=" + s + " is not a number of seconds; autosaving every minute");
            return DEFAULT_INTERVAL;
        }
    }

    /** Starts the timer; a null interval (autosave off) never fires, but saves and exits still delete a stale recovery file. */
    public void start() {
        if (timer != null) {
            timer.play();
        }
    }

    /** Writes the facility now if it has edits the recovery file lacks; the write runs in the background. */
    public Future<?> saveNow() {
        Unsaved u = current.get();
        if (u == null && written != null) {
            // Undone back to the saved version, or another facility opened: nothing left to recover.
            return discard();
        }
        if (u == null || u.facility() == written) {
            return CompletableFuture.completedFuture(null);
        }
        written = u.facility();
        return writer.submit(() -> {
            try {
                recovery.write(u.facility(), u.name(), u.file());
                Instant now = Instant.now();
                Platform.runLater(() -> lastWritten.set(now));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Autosave to the recovery file failed: " + e.getMessage());
                // Try again at the next tick even without a new edit.
                Platform.runLater(() -> {
                    if (written == u.facility()) {
                        written = null;
                    }
                });
            }
        });
    }

    /** The facility has no unsaved edits any more (saved, or discarded): the recovery file goes. */
    public Future<?> discard() {
        written = null;
        if (writer.isShutdown()) {
            // Already stopped (a stage hidden twice): the clean exit deleted the file then.
            return CompletableFuture.completedFuture(null);
        }
        return writer.submit(() -> {
            try {
                recovery.delete();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot delete the recovery file: " + e.getMessage());
            }
        });
    }

    /** Clean exit: stops the timer, deletes the recovery file and waits (a little) for that to finish. */
    public void stopAndDiscard() {
        if (writer.isShutdown()) {
            return;
        }
        if (timer != null) {
            timer.stop();
        }
        Future<?> done = discard();
        writer.shutdown();
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Deleting the recovery file did not finish: " + e.getMessage());
        }
    }

    /** This designer's own recovery file (whether written yet or not). */
    public Path recoveryFile() {
        return recovery.file();
    }

    /** When the last autosave finished writing; null before the first. FX thread. */
    public ReadOnlyObjectProperty<Instant> lastWrittenProperty() {
        return lastWritten.getReadOnlyProperty();
    }
}
