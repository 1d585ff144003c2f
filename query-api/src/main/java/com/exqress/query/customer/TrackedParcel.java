package com.exqress.query.customer;

import java.util.UUID;

/** A tracking view with the waybill it shows, which live views follow but the customer is not shown. */
record TrackedParcel(UUID waybillId, TrackingView view) {
}
