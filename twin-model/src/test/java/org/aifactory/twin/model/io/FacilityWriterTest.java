package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aifactory.twin.model.TestFacilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacilityWriterTest {

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("design.json");
        Files.writeString(file, "old contents that are longer than nothing");
        FacilityWriter.write(TestFacilities.row(2), file);
        assertThat(Files.readAllBytes(file)).isEqualTo(FacilityWriter.toBytes(TestFacilities.row(2)));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** A save that fails before the rename (here: the target is a non-empty directory) keeps the old file. */
    @Test
    void aFailedSaveNeverLosesTheLastGoodFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        FacilityWriter.write(TestFacilities.row(1), good);
        byte[] before = Files.readAllBytes(good);
        Path blocked = dir.resolve("blocked.json");
        Files.createDirectories(blocked.resolve("child"));
        assertThatThrownBy(() -> FacilityWriter.write(TestFacilities.row(2), blocked))
                .isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(good)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("good.json", "blocked.json");
        }
    }

    @Test
    void keepsTheExistingFilesPermissions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("design.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        FacilityWriter.write(TestFacilities.row(1), file);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw-r--");
    }
}
