package com.exqress.projections.relay;

import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.WaybillEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The published contract and the code agree: every domain event has a type, and the JSON Schema lists what is sent. */
class IntegrationEventContractTest {

    private static final Path SCHEMA = Path.of("../docs/integration-events.v1.schema.json");

    @Test
    void everyKindOfWaybillEventHasATypeOfItsOwn() {
        List<IntegrationEventType> types = Arrays.stream(WaybillEvent.class.getPermittedSubclasses())
                .map(event -> IntegrationEventType.of(event.asSubclass(WaybillEvent.class))).toList();

        assertThat(types).doesNotHaveDuplicates().containsExactlyInAnyOrder(IntegrationEventType.values());
    }

    @Test
    void theSchemaRequiresExactlyTheFieldsThatArePublished() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        List<String> fields = Arrays.stream(WaybillIntegrationEvent.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(texts(schema.get("required"))).containsExactlyElementsOf(fields);
        assertThat(schema.get("properties").fieldNames()).toIterable().containsExactlyElementsOf(fields);
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(WaybillIntegrationEvent.SCHEMA_VERSION);
    }

    @Test
    void theSchemaListsEveryTypeAndStatus() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());

        assertThat(texts(schema.at("/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(IntegrationEventType.values()).map(Enum::name).toList());
        assertThat(texts(schema.at("/properties/status/enum")))
                .containsExactlyElementsOf(Arrays.stream(TrackingStatus.values()).map(Enum::name).toList());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
