/** Auditors' views of a waybill's history, built from the event store: standard formats and the hash-chain check. */
package com.exqress.query.audit;
