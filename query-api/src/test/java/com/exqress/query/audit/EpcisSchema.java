package com.exqress.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/**
 * GS1's official EPCIS 2.0 JSON Schema (draft-07), copied with its LICENSE into {@code gs1-epcis/} on the test
 * classpath so that validation needs no network. Its {@code $id} is mapped there; {@code format} is asserted
 * (date-time, uri), not only annotated.
 */
final class EpcisSchema {

    private static final String ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";
    private static final JsonSchema SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V7,
                    factory -> factory.schemaMappers(mappers -> mappers.mapPrefix("https://gs1.github.io/EPCIS/",
                            "classpath:gs1-epcis/")))
            .getSchema(SchemaLocation.of(ID), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private EpcisSchema() {
    }

    /** What the schema finds wrong with a document; empty when it is valid. */
    static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
