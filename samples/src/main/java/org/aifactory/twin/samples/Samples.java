package org.aifactory.twin.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;

/**
 * The bundled sample facilities. Each is a JSON file under {@code samples/src/main/resources}
 * that the generator writes ({@link #main}) and a test keeps identical to the generator's output.
 */
public enum Samples {
    /** One GB200 NVL72 rack with an in-rack CDU. */
    LAB("lab-1-rack.json", FacilityGenerator::lab),
    /** One scalable unit: 8 GB200 NVL72 racks, 576 GPUs, power chain, CDU, two-tier InfiniBand. */
    SCALABLE_UNIT("su-8-racks.json", FacilityGenerator::scalableUnit),
    /** A ~100 MW hall of 640 GB300 NVL72 racks. */
    HALL_100MW("hall-100mw.json", FacilityGenerator::hundredMegawattHall);

    /** The sample the designer opens with no arguments. */
    public static final Samples DEFAULT = SCALABLE_UNIT;

    static final String RESOURCE_DIR = "/org/aifactory/twin/samples/";

    private final String fileName;
    private final Function<FacilityGenerator, Facility> generator;

    Samples(String fileName, Function<FacilityGenerator, Facility> generator) {
        this.fileName = fileName;
        this.generator = generator;
    }

    public String fileName() {
        return fileName;
    }

    /** What the generator makes for this sample (the file holds exactly this). */
    public Facility generate() {
        return generator.apply(new FacilityGenerator(CatalogIo.builtIn()));
    }

    /** The bundled file's bytes. */
    public byte[] bytes() {
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new IllegalStateException("sample missing from the class path: " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the bundled file; it is valid by construction (a test guards that). */
    public Facility load() {
        try {
            return FacilityReader.withBuiltInCatalog().read(bytes(), fileName);
        } catch (FacilityLoadException e) {
            throw new IllegalStateException("bundled sample " + fileName + " is invalid: " + e.getMessage(), e);
        }
    }

    public static List<Samples> all() {
        return List.of(values());
    }

    /** Regenerates the sample files: {@code main(samples/src/main/resources/org/aifactory/twin/samples)}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/src/main/resources/org/aifactory/twin/samples");
        for (Samples s : values()) {
            FacilityWriter.write(s.generate(), dir.resolve(s.fileName));
        }
    }
}
