package org.aifactory.twin.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aifactory.twin.model.Facility;
import org.junit.jupiter.api.Test;

/**
 * docs/facility.schema.json is generated from the records, so it cannot drift from the code: this
 * test fails when they differ. Regenerate with {@code -Dtwin.updateGolden=true}.
 */
class SchemaTest {
    static final Path SCHEMA = Path.of("../docs/facility.schema.json");

    static String generate() throws Exception {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        TwinJson.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.DEFINITIONS_FOR_ALL_OBJECTS);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(Facility.class);
        schema.put("title", "AI-factory twin facility file, formatVersion " + Facility.FORMAT_VERSION);
        return TwinJson.prettyWriter().writeValueAsString(schema) + "\n";
    }

    @Test
    void documentedSchemaMatchesTheRecords() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("twin.updateGolden") || !Files.exists(SCHEMA)) {
            Files.writeString(SCHEMA, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SCHEMA, StandardCharsets.UTF_8))
                .as("docs/facility.schema.json is stale: rerun with -Dtwin.updateGolden=true")
                .isEqualTo(generated);
        assertThat(generated)
                .contains("\"formatVersion\"")
                .contains("\"racks\"")
                .contains("\"fat-tree\"");
    }
}
