package org.aifactory.twin.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.FacilityWriter;
import org.aifactory.twin.model.validation.FacilityValidator;
import org.junit.jupiter.api.Test;

class FacilityGeneratorTest {
    private final FacilityGenerator generator = new FacilityGenerator(CatalogIo.builtIn());

    /** The gigawatt campus: ~8,000 GB300 racks, deterministic, valid, and it survives save and load. */
    @Test
    void gigawattCampusIsValidDeterministicAndRoundTrips() throws Exception {
        Facility campus = generator.campus(8000);
        assertThat(campus.racks().stream().filter(r -> r.type().equals("gb300-nvl72")))
                .hasSize(8000);
        assertThat(new FacilityValidator(CatalogIo.builtIn()).validate(campus)).isEmpty();
        byte[] bytes = FacilityWriter.toBytes(campus);
        assertThat(FacilityWriter.toBytes(generator.campus(8000))).isEqualTo(bytes);
        assertThat(FacilityReader.withBuiltInCatalog().read(bytes, "campus.json"))
                .isEqualTo(campus);
        // 8,000 x 132 kW = 1.056 GW of GPU racks: a gigawatt campus
        assertThat(campus.site().gridCapacityKw()).isGreaterThan(1_000_000);
    }

    /** Any size of facility is a valid description: ids unique, references resolve, nothing overlaps. */
    @Property(tries = 30, seed = "20261123")
    void generatedFacilitiesOfAnySizeValidate(@ForAll @IntRange(min = 1, max = 1200) int racks) {
        Facility f = generator.campus(racks);
        assertThat(new FacilityValidator(CatalogIo.builtIn()).validate(f)).isEmpty();
        assertThat(f.racks().stream().filter(r -> r.type().equals("gb300-nvl72")))
                .hasSize(racks);
        Set<String> ids = new HashSet<>();
        for (Rack r : f.racks()) {
            assertThat(ids.add(r.id())).isTrue();
        }
    }

    @Test
    void heavierRacksGetBiggerBusways() {
        Facility vr = generator.generate(new FacilityGenerator.Spec("vr", "vr-nvl72", 16, "llama-3.1-70b", 50));
        assertThat(vr.power().nodes())
                .filteredOn(n -> n.kind().name().equals("BUSWAY"))
                .allSatisfy(n -> assertThat(n.type()).isEqualTo("busway-2500a"));
        assertThat(new FacilityValidator(CatalogIo.builtIn()).validate(vr)).isEmpty();
    }
}
