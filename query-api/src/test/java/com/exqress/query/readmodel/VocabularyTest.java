package com.exqress.query.readmodel;

import com.exqress.projections.progress.ParcelProgress;
import com.exqress.projections.progress.TrackingStatus;
import com.exqress.query.courier.CourierList;
import com.exqress.query.customer.NextStep;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.WaybillId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * query-api reads what the projections service writes without shipping it, so it keeps copies of the few parts
 * of its vocabulary it acts on. This holds them to the originals.
 */
class VocabularyTest {

    private static final LocationCode DESTINATION = new LocationCode("BSN-01");

    @Test
    void theStatusesAreTheProjectionsStatuses() {
        assertThat(Arrays.stream(ParcelStatus.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(TrackingStatus.values()).map(Enum::name).toList());
    }

    @Test
    void theNextStepIsTheProjectionsNextStep() {
        for (TrackingStatus status : TrackingStatus.values()) {
            ParcelProgress.NextStep original = progress(status, "ANY").nextStep();
            NextStep copy = NextStep.after(ParcelStatus.valueOf(status.name()), DESTINATION.value());
            if (original == null) {
                assertThat(copy).as(status.name()).isNull();
            } else {
                assertThat(copy).as(status.name()).isEqualTo(new NextStep(original.step(),
                        original.hub() == null ? null : original.hub().value()));
            }
        }
    }

    @Test
    void terminalStatusesAreThoseWithoutANextStep() {
        for (TrackingStatus status : TrackingStatus.values()) {
            assertThat(ParcelStatus.valueOf(status.name()).isTerminal()).as(status.name())
                    .isEqualTo(progress(status, "ANY").nextStep() == null);
        }
    }

    /** Couriers pick up parcels whose label is printed: the reasons the projections give them. */
    @Test
    void theReasonsOfAPrintedLabelAreTheProjectionsReasons() {
        ParcelProgress created = progress(TrackingStatus.INFO_RECEIVED, "WAYBILL_CREATED");
        ParcelProgress printed = created.next(label(1));

        assertThat(printed.reason()).isEqualTo(CourierList.LABEL_PRINTED);
        assertThat(printed.next(label(2)).reason()).isEqualTo(CourierList.LABEL_REPRINTED);
    }

    private static ParcelProgress progress(TrackingStatus status, String reason) {
        return new ParcelProgress(null, null, null, status, reason, null, DESTINATION, null, null, Instant.EPOCH);
    }

    private static LabelPrinted label(int printNumber) {
        return new LabelPrinted(WaybillId.random(), new LabelReference("0123456789ABCDEF0123456789ABCDEF"), printNumber,
                new Provenance(Actor.customer("sender1"), Instant.EPOCH, null, null));
    }
}
