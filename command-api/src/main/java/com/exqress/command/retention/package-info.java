/**
 * Disposal by retention: a waybill delivered longer ago than {@code exqress.retention.after-delivery} is
 * disposed of with reason RETENTION_EXPIRED by its carrier's admin {@code retention-policy}. The schedule is
 * derived from the events; whether a waybill may be disposed of is still the Waybill's decision (only a
 * delivered one's retention can expire).
 */
package com.exqress.command.retention;
