package com.exqress.query.audit;

import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.waybill.WaybillStory;
import com.exqress.query.audit.EpcisObjectEvent.Destination;
import com.exqress.query.audit.EpcisObjectEvent.Location;
import com.exqress.query.audit.EpcisObjectEvent.Source;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.WaybillEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.exqress.waybill.WaybillStory.BSN_01;
import static com.exqress.waybill.WaybillStory.SEL_01;
import static com.exqress.waybill.WaybillStory.SWP;
import static org.assertj.core.api.Assertions.assertThat;

class EpcisDocumentsTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Actor COURIER = Actor.courier("courier-swp-2", SWP, BSN_01);

    // As Spring Boot configures it: ISO-8601 dates, not numbers.
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final EpcisDocuments documents = new EpcisDocuments(
            new CarrierDirectory(new ClassPathResource("exqress/carriers.json"), json),
            Clock.fixed(START.plusSeconds(3600), ZoneOffset.UTC));
    private final WaybillStory story = new WaybillStory(START);

    @Test
    void wholeLifeValidatesAgainstGs1Schema() {
        JsonNode document = json.valueToTree(documents.of(history(story.wholeLife())));

        assertThat(EpcisSchema.violations(document)).isEmpty();
        assertThat(document.at("/@context/0").asText()).isEqualTo(EpcisDocument.CONTEXT);
        assertThat(document.at("/schemaVersion").asText()).isEqualTo("2.0");
    }

    @Test
    void wholeLifeIsTheBusinessStepsInOrder() {
        List<EpcisObjectEvent> events = documents.of(history(story.wholeLife())).epcisBody().eventList();

        assertThat(events).extracting(EpcisObjectEvent::bizStep).containsExactly(
                "commissioning", "encoding",
                "shipping", "receiving",
                "arriving", "shipping", "receiving",
                "departing", "shipping", "receiving",
                "accepting", "decommissioning");
    }

    @Test
    void wholeLifeHasNoPersonalDataNorAccountIds() throws Exception {
        String document = json.writeValueAsString(documents.of(history(story.wholeLife())));

        assertThat(Stream.concat(WaybillStory.PERSONAL.stream(),
                Stream.of("sender1", "recipient1", "courier-swp-1", "courier-swp-2")))
                .allSatisfy(personal -> assertThat(document).doesNotContain(personal));
    }

    @Test
    void schemaRejectsCbvUrisAndMalformedTimes() {
        JsonNode valid = json.valueToTree(documents.of(history(story.wholeLife())));
        JsonNode cbvUri = valid.deepCopy();
        ((ObjectNode) cbvUri.at("/epcisBody/eventList/0"))
                .put("bizStep", "urn:epcglobal:cbv:bizstep:commissioning");
        JsonNode badTime = valid.deepCopy();
        ((ObjectNode) badTime.at("/epcisBody/eventList/0"))
                .put("eventTime", "yesterday");

        assertThat(EpcisSchema.violations(cbvUri)).isNotEmpty();
        assertThat(EpcisSchema.violations(badTime)).isNotEmpty();
    }

    @Test
    void creationCommissionsTheParcelAsActive() {
        EpcisObjectEvent created = documents.of(history(List.of(story.created()))).epcisBody().eventList().get(0);

        assertThat(created.action()).isEqualTo("ADD");
        assertThat(created.bizStep()).isEqualTo("commissioning");
        assertThat(created.disposition()).isEqualTo("active");
        assertThat(created.epcList()).containsExactly("urn:exqress:waybill:" + story.waybillId());
    }

    @Test
    void printingEncodesTheLabel() {
        EpcisObjectEvent printed = exported(story.untilOutForDelivery().get(1)).get(0);

        assertThat(List.of(printed.action(), printed.bizStep(), printed.disposition()))
                .containsExactly("OBSERVE", "encoding", "active");
    }

    @Test
    void pickupIsShippedByTheSenderAndReceivedByTheCarrier() {
        Custodian sender = new Custodian(CustodianKind.SENDER, "sender1", null);
        List<EpcisObjectEvent> handOff = exported(new CustodyTransferred(story.waybillId(), sender,
                Custodian.courier(Actor.courier("courier-swp-1", SWP, SEL_01).id(), SWP), by(COURIER)));

        assertThat(handOff).extracting(EpcisObjectEvent::bizStep).containsExactly("shipping", "receiving");
        assertThat(handOff).extracting(EpcisObjectEvent::disposition).containsExactly("in_transit", "in_transit");
        assertThat(handOff).allSatisfy(event -> {
            assertThat(event.sourceList()).containsExactly(new Source("possessing_party", "urn:exqress:party:sender"));
            assertThat(event.destinationList()).containsExactly(new Destination("possessing_party", "urn:exqress:party:SWP"));
        });
    }

    @Test
    void arrivalAtAHubIsReceivedThereAsLocation() {
        CustodyTransferred toHub = new CustodyTransferred(story.waybillId(),
                Custodian.courier(COURIER.id(), SWP), Custodian.hub(BSN_01, SWP), by(COURIER));
        List<EpcisObjectEvent> handOff = exported(toHub);
        Location hub = new Location("urn:exqress:hub:BSN-01");

        assertThat(handOff.get(0).readPoint()).isNull();
        assertThat(handOff.get(1).readPoint()).isEqualTo(hub);
        assertThat(handOff.get(1).bizLocation()).isEqualTo(hub);
        assertThat(handOff.get(1).destinationList()).containsExactly(
                new Destination("possessing_party", "urn:exqress:party:SWP"),
                new Destination("location", "urn:exqress:hub:BSN-01"));
    }

    @Test
    void handOffBackToTheSenderIsReceivedAsReturned() {
        Custodian sender = new Custodian(CustodianKind.SENDER, "sender1", null);
        List<EpcisObjectEvent> handOff = exported(
                new CustodyTransferred(story.waybillId(), Custodian.courier(COURIER.id(), SWP), sender, by(COURIER)),
                new ParcelReturned(story.waybillId(), by(COURIER)));

        assertThat(handOff).extracting(EpcisObjectEvent::bizStep).containsExactly("shipping", "receiving");
        assertThat(handOff.get(1).disposition()).isEqualTo("returned");
    }

    @Test
    void hubArrivalScanArrivesAtTheHub() {
        EpcisObjectEvent arrival = exported(scan(ScanAction.HUB_ARRIVAL)).get(0);
        Location hub = new Location("urn:exqress:hub:BSN-01");

        assertThat(List.of(arrival.bizStep(), arrival.disposition())).containsExactly("arriving", "in_transit");
        assertThat(arrival.readPoint()).isEqualTo(hub);
        assertThat(arrival.bizLocation()).isEqualTo(hub);
    }

    @Test
    void outForDeliveryAndHubDepartureDepartFromTheHub() {
        List<EpcisObjectEvent> departures = exported(scan(ScanAction.HUB_DEPARTURE), scan(ScanAction.OUT_FOR_DELIVERY));

        assertThat(departures).hasSize(2).allSatisfy(departure -> {
            assertThat(List.of(departure.bizStep(), departure.disposition())).containsExactly("departing", "in_transit");
            assertThat(departure.readPoint()).isEqualTo(new Location("urn:exqress:hub:BSN-01"));
            assertThat(departure.bizLocation()).isNull();
        });
    }

    @Test
    void failedDeliveryIsHeldInTransit() {
        EpcisObjectEvent failed = exported(new DeliveryAttemptFailed(story.waybillId(), by(COURIER))).get(0);

        assertThat(List.of(failed.bizStep(), failed.disposition())).containsExactly("holding", "in_transit");
    }

    @Test
    void deliveryIsAcceptedFromTheCarrier() {
        List<WaybillEvent> life = story.wholeLife();
        EpcisObjectEvent delivered = exported(life.get(11)).get(0);

        assertThat(List.of(delivered.bizStep(), delivered.disposition()))
                .containsExactly("accepting", "urn:exqress:disposition:delivered");
        assertThat(delivered.sourceList()).containsExactly(new Source("possessing_party", "urn:exqress:party:SWP"));
        assertThat(delivered.destinationList()).isNull();
    }

    @Test
    void disposalDecommissionsTheParcel() {
        List<WaybillEvent> life = story.wholeLife();
        EpcisObjectEvent disposed = exported(life.get(life.size() - 1)).get(0);

        assertThat(List.of(disposed.action(), disposed.bizStep(), disposed.disposition()))
                .containsExactly("DELETE", "decommissioning", "disposed");
    }

    @Test
    void disclosuresRevocationsAndScansExportedByTheirConsequenceAreLeftOut() {
        List<WaybillEvent> life = story.wholeLife();

        // PersonalDataDisclosed, LabelRevoked, and the pickup, delivered, failed and returned scans.
        assertThat(exported(life.get(4), life.get(13), life.get(2), life.get(10),
                scan(ScanAction.DELIVERY_FAILED), scan(ScanAction.RETURNED))).isEmpty();
    }

    @Test
    void eventsAreDatedInTheCarriersTimeZoneWithTheStoredIds() {
        List<? extends DomainEventMessage<?>> history = history(story.wholeLife());
        List<EpcisObjectEvent> events = documents.of(history).epcisBody().eventList();

        assertThat(events).allSatisfy(event -> assertThat(event.eventTimeZoneOffset()).isEqualTo("+09:00"));
        assertThat(events.get(0).eventId()).isEqualTo("urn:uuid:" + history.get(0).getIdentifier());
        assertThat(events.get(0).eventTime()).isEqualTo(START);
        assertThat(events.get(0).recordTime()).isEqualTo(history.get(0).getTimestamp());
        assertThat(events).extracting(EpcisObjectEvent::eventId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("urn:uuid:[0-9a-f-]{36}"));
        assertThat(documents.of(history).epcisBody().eventList()).extracting(EpcisObjectEvent::eventId)
                .as("the same history exports the same ids").isEqualTo(events.stream().map(EpcisObjectEvent::eventId).toList());
    }

    @Test
    void utcIsWrittenAsPlusZeroNotZ() {
        assertThat(EpcisDocuments.offset(ZoneOffset.UTC, START)).isEqualTo("+00:00");
        assertThat(EpcisDocuments.offset(ZoneId.of("Asia/Seoul"), START)).isEqualTo("+09:00");
    }

    /** The export of {@code events} after the waybill's creation, without the commissioning event. */
    private List<EpcisObjectEvent> exported(WaybillEvent... events) {
        List<WaybillEvent> life = new ArrayList<>(List.of(story.created()));
        life.addAll(List.of(events));
        List<EpcisObjectEvent> exported = documents.of(history(life)).epcisBody().eventList();
        return exported.subList(1, exported.size());
    }

    private ParcelScanned scan(ScanAction action) {
        return new ParcelScanned(story.waybillId(), action, BSN_01, START, by(COURIER));
    }

    private static Provenance by(Actor actor) {
        return new Provenance(actor, START.plusSeconds(600), actor.hub(), null);
    }

    private List<? extends DomainEventMessage<?>> history(List<WaybillEvent> events) {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        for (WaybillEvent event : events) {
            history.add(new GenericDomainEventMessage<>("Waybill", story.waybillId().toString(), history.size(), event));
        }
        return history;
    }
}
