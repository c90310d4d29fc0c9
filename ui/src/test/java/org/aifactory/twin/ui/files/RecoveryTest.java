package org.aifactory.twin.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery files with several designers at once: each writes its own, a live designer's file is
 * never offered to another, a gone designer's is offered once (to the first that takes it).
 * {@link Recovery#close()} stands for a designer that dies (its OS lock goes, its files stay);
 * one test kills a real second process instead.
 */
class RecoveryTest {
    @TempDir
    Path config;

    private final Facility lab = Samples.LAB.load();
    private final Facility su = Samples.SCALABLE_UNIT.load();

    @Test
    void twoLiveDesignersWriteTheirOwnFilesAndNeitherIsOfferedToAThird() throws Exception {
        UserFiles files = new UserFiles(config);
        try (Recovery a = new Recovery(files);
                Recovery b = new Recovery(files);
                Recovery third = new Recovery(files)) {
            a.write(lab, "lab.json", null);
            b.write(su, "su.json", null);
            assertThat(a.file()).isNotEqualTo(b.file());
            assertThat(FacilityReader.withBuiltInCatalog().read(a.file())).isEqualTo(lab);
            assertThat(FacilityReader.withBuiltInCatalog().read(b.file())).isEqualTo(su);
            assertThat(third.find()).isEmpty();

            // A saves: only its files go.
            a.delete();
            assertThat(a.file()).doesNotExist();
            assertThat(files.recoveryLock(a.session())).doesNotExist();
            assertThat(b.file()).exists();
            assertThat(third.find()).isEmpty();
        }
    }

    @Test
    void aGoneDesignersFileIsOfferedOnceAndTakenOverByTheDesignerThatFindsIt() throws Exception {
        UserFiles files = new UserFiles(config);
        Path original = config.resolve("su.json");
        Recovery crashed = new Recovery(files);
        crashed.write(su, "su.json", original);
        Path left = crashed.file();
        crashed.close(); // the process dies: the lock goes, the files stay

        try (Recovery next = new Recovery(files);
                Recovery another = new Recovery(files)) {
            Recovery.Snapshot snap = next.find().orElseThrow();
            assertThat(snap.file()).isEqualTo(left);
            assertThat(snap.name()).isEqualTo("su.json");
            assertThat(snap.originalFile()).isEqualTo(original.toAbsolutePath());
            // Taken over: the next autosave writes over it, and nobody else is offered it meanwhile.
            assertThat(next.file()).isEqualTo(left);
            assertThat(another.find()).isEmpty();
            next.write(lab, "su.json", original);
            assertThat(FacilityReader.withBuiltInCatalog().read(left)).isEqualTo(lab);
            // Declined (or saved): it goes.
            next.delete();
            assertThat(left).doesNotExist();
            assertThat(another.find()).isEmpty();
        }
    }

    @Test
    void theNewestOfSeveralGoneDesignersFilesComesFirstAndTheOldSingleFileIsStillFound() throws Exception {
        UserFiles files = new UserFiles(config);
        // A recovery file of a designer from before sessions: autosave.json, no lock file.
        FacilityWriter.write(lab, files.recoveryFile(""));
        Files.setLastModifiedTime(files.recoveryFile(""), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Recovery crashed = new Recovery(files);
        crashed.write(su, "su.json", null);
        crashed.close();

        try (Recovery first = new Recovery(files);
                Recovery second = new Recovery(files);
                Recovery third = new Recovery(files)) {
            assertThat(first.find().orElseThrow().name()).isEqualTo("su.json");
            Recovery.Snapshot old = second.find().orElseThrow();
            assertThat(old.file()).isEqualTo(files.recoveryFile(""));
            assertThat(old.name()).isEqualTo("recovered.json");
            assertThat(third.find()).isEmpty();
        }
    }

    @Test
    void aDesignerInAnotherProcessIsOfferedOnlyAfterThatProcessIsKilled() throws Exception {
        UserFiles files = new UserFiles(config);
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OtherDesigner.class.getName(),
                        config.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("written "));
            assertThat(line).as("the other designer's output").isNotNull();
            Path theirs = Path.of(line.substring("written ".length()));
            assertThat(theirs).exists();
            try (Recovery mine = new Recovery(files)) {
                assertThat(mine.find()).as("a live designer's file").isEmpty();
            }
            other.destroyForcibly();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Recovery mine = new Recovery(files)) {
                assertThat(mine.find().map(Recovery.Snapshot::file)).contains(theirs);
            }
        } finally {
            other.destroyForcibly();
        }
    }

    /** A second designer process: autosaves the lab, says where, and lives until it is killed. */
    public static final class OtherDesigner {
        public static void main(String[] args) throws Exception {
            Recovery r = new Recovery(new UserFiles(Path.of(args[0])));
            r.write(Samples.LAB.load(), "lab.json", null);
            System.out.println("written " + r.file());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
