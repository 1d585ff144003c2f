package com.exqress.query.customer;

import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.NextStep;
import com.exqress.waybill.api.TrackingStatus;

/**
 * What should happen to a parcel next, as the tracking view shows it ({@link NextStep}'s rule on the stored
 * status and hubs).
 *
 * @param hub where it happens, when that is a hub
 */
public record NextStepView(String step, String hub) {

    /** Null when the parcel's life is over. */
    static NextStepView after(TrackingStatus status, String hub, String destinationHub) {
        NextStep next = NextStep.after(status, hub == null ? null : new LocationCode(hub), new LocationCode(destinationHub));
        return next == null ? null : new NextStepView(next.step(), next.hub() == null ? null : next.hub().value());
    }
}
