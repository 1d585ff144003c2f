package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a waybill. The caller mints the id and tracking number (the tracking number must be unique,
 * which only the store can check); {@code recipientAccount} is the customer account whose verified
 * contact matches the recipient, or null.
 */
public record CreateWaybill(@TargetAggregateIdentifier WaybillId waybillId,
                            TrackingNumber trackingNumber,
                            CarrierId carrier,
                            ServiceLevel service,
                            WaybillPersonalData personalData,
                            Parcel parcel,
                            ActorId recipientAccount,
                            Provenance provenance) implements WaybillCommand {

    public CreateWaybill {
        if (trackingNumber != null && carrier != null && !trackingNumber.carrier().equals(carrier)) {
            throw new IllegalArgumentException("a tracking number must start with its waybill's carrier code");
        }
    }
}
