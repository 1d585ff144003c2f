/** Auditors' views of a waybill's history in standard formats, built from the event store. */
package com.exqress.query.audit;
