package org.aifactory.twin.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Site;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogEntry;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.Problem;
import org.junit.jupiter.api.Test;

class BuiltInCatalogTest {
    private final Catalog catalog = CatalogIo.builtIn();

    /** The built-in entries pass the same checks a facility's own entries get. */
    @Test
    void everyBuiltInEntryPassesTheLocalCatalogChecks() {
        Facility f = new Facility(
                1,
                new Site("s", 0, 30, 20, 1000, 50),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                catalog);
        List<Problem> problems = new FacilityValidator(Catalog.EMPTY).validate(f);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEntryNamesItsSource() {
        assertThat(catalog.entries())
                .allSatisfy(e -> assertThat(e.source()).as(e.id()).matches("^\\[[PSDE]\\].*"));
    }

    @Test
    void holdsTheRackSystemsTheProductIsAbout() {
        assertThat(catalog.racks())
                .extracting(CatalogEntry::id)
                .contains("gb200-nvl72", "gb300-nvl72", "vr-nvl72", "network-rack", "storage-rack", "cpu-rack");
        assertThat(catalog.switches()).extracting(CatalogEntry::id).contains("quantum-x800-q3400");
    }

    /** ../shared/reference §5d: Llama-70B 327,680 B/token in BF16; DeepSeek-R1 MLA 70,272 B/token in BF16. */
    @Test
    void kvBytesPerTokenMatchReference() {
        LlmType llama = catalog.models().stream()
                .filter(m -> m.id().equals("llama-2-70b"))
                .findFirst()
                .orElseThrow();
        LlmType r1 = catalog.models().stream()
                .filter(m -> m.id().equals("deepseek-r1"))
                .findFirst()
                .orElseThrow();
        assertThat(llama.kvBytesPerToken(2)).isEqualTo(327_680);
        assertThat(r1.kvBytesPerToken(2)).isEqualTo(70_272);
    }
}
