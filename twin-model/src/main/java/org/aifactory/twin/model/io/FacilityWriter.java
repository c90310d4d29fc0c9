package org.aifactory.twin.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.aifactory.twin.model.Facility;

/**
 * Writes facility files atomically: the JSON goes to a temporary file in the same directory,
 * is forced to disk, and only then renamed over the target. A crash at any moment leaves either
 * the old file or the new one, never half of one.
 */
public final class FacilityWriter {
    private FacilityWriter() {}

    public static void write(Facility facility, Path target) throws IOException {
        writeAtomically(toBytes(facility), target);
    }

    /** The file's exact bytes: pretty-printed, stable field order, final newline. */
    public static byte[] toBytes(Facility facility) {
        try {
            byte[] json = TwinJson.prettyWriter().writeValueAsBytes(facility);
            byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            // Records of plain values always serialize; a failure here is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    /** A temp file is created owner-only; give the new file the old one's permissions, or rw-r--r--. */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    public static void writeAtomically(byte[] bytes, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            keepPermissions(tmp, absolute);
            try (FileChannel ch =
                            FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
