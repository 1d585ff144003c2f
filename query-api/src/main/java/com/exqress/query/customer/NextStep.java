package com.exqress.query.customer;

import com.exqress.query.readmodel.ParcelStatus;

/**
 * What should happen to a parcel next, the customer's "what now". The same rule as the projections service's
 * {@code ParcelProgress.nextStep()}, which a test holds this to; the read model stores the inputs, not the step.
 *
 * @param hub where it happens, when that is a hub
 */
public record NextStep(String step, String hub) {

    /** Null when the parcel's life is over. */
    public static NextStep after(ParcelStatus status, String destinationHub) {
        return switch (status) {
            case INFO_RECEIVED -> new NextStep("PICKUP", null);
            case PICKED_UP, IN_TRANSIT -> new NextStep("ARRIVE_AT_DESTINATION_HUB", destinationHub);
            case OUT_FOR_DELIVERY -> new NextStep("DELIVERY", null);
            case DELIVERY_FAILED -> new NextStep("DELIVERY_RETRY", null);
            case DELIVERED, RETURNED, DISPOSED -> null;
        };
    }
}
