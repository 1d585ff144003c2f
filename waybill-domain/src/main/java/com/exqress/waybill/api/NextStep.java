package com.exqress.waybill.api;

/**
 * What should happen to a parcel next, the customer's "what now".
 *
 * @param step what happens: PICKUP, ARRIVE_AT_DESTINATION_HUB, OUT_FOR_DELIVERY, DELIVERY or DELIVERY_RETRY
 * @param hub  where it happens, when that is a hub
 */
public record NextStep(String step, LocationCode hub) {

    /**
     * @param hub            the last hub the parcel was at or left, or null
     * @param destinationHub the hub that delivers it
     * @return null once nothing more will happen
     */
    public static NextStep after(TrackingStatus status, LocationCode hub, LocationCode destinationHub) {
        return switch (status) {
            case INFO_RECEIVED -> new NextStep("PICKUP", null);
            case PICKED_UP, IN_TRANSIT -> destinationHub.equals(hub)
                    ? new NextStep("OUT_FOR_DELIVERY", destinationHub)
                    : new NextStep("ARRIVE_AT_DESTINATION_HUB", destinationHub);
            case OUT_FOR_DELIVERY -> new NextStep("DELIVERY", null);
            case DELIVERY_FAILED -> new NextStep("DELIVERY_RETRY", null);
            case DELIVERED, RETURNED, DISPOSED -> null;
        };
    }
}
