/** Metrics every service shares: what the event store records and how far each event processor lags behind it. */
package com.exqress.platform.metrics;
