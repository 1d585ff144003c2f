/**
 * The audit index: one row per waybill event, without personal data, so that auditors can search events by
 * tracking number, carrier, actor and time; query-api answers the searches.
 */
package com.exqress.projections.audit;
