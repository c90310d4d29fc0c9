package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.TestFacilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
    private final FacilityReader reader = FacilityReader.withBuiltInCatalog();

    @Test
    void savedFacilityLoadsEqual(@TempDir Path dir) throws Exception {
        Facility original = TestFacilities.row(4);
        Path file = dir.resolve("f.json");
        FacilityWriter.write(original, file);
        assertThat(reader.read(file)).isEqualTo(original);
    }

    @Test
    void writingIsStableByteForByte() throws Exception {
        Facility f = TestFacilities.row(3);
        byte[] once = FacilityWriter.toBytes(f);
        byte[] twice = FacilityWriter.toBytes(reader.read(once, "mem.json"));
        assertThat(new String(twice, StandardCharsets.UTF_8)).isEqualTo(new String(once, StandardCharsets.UTF_8));
    }

    @Test
    void fieldsAreWrittenInDeclarationOrderWithFormatVersionFirst() {
        String json = new String(FacilityWriter.toBytes(TestFacilities.row(1)), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"formatVersion\": 1,\n  \"site\": {\n    \"name\": \"Test site\",");
        assertThat(json.indexOf("\"halls\"")).isLessThan(json.indexOf("\"racks\""));
        assertThat(json).endsWith("}\n");
    }

    /** Any number of racks with any per-rack power override survives save and load unchanged. */
    @Property(tries = 50, seed = "20261123")
    void generatedFacilitiesRoundTrip(
            @ForAll @IntRange(min = 1, max = 40) int racks,
            @ForAll @DoubleRange(min = 1, max = 190) double powerKw,
            @ForAll boolean override)
            throws Exception {
        Facility base = TestFacilities.row(racks);
        List<Rack> changed = new ArrayList<>();
        for (Rack r : base.racks()) {
            changed.add(new Rack(
                    r.id(),
                    r.type(),
                    r.rowId(),
                    r.placement(),
                    r.feeds(),
                    r.coolingLoopId(),
                    override ? powerKw : null));
        }
        Facility f = base.withRacks(changed);
        Path file = Files.createTempFile("roundtrip", ".json");
        try {
            FacilityWriter.write(f, file);
            assertThat(reader.read(file)).isEqualTo(f);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
