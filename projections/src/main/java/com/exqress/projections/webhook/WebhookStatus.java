package com.exqress.projections.webhook;

/** Whether a webhook gets new events and its deliveries are sent. */
public enum WebhookStatus {
    ACTIVE,
    /** After too many failures in a row: no new events are queued for it, and its queued ones wait. */
    DISABLED
}
