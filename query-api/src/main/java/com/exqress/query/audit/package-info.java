/**
 * Auditors' views of a waybill's history, built from the event store: standard formats and the hash-chain check;
 * and the search across waybills, from the audit index the projections service keeps.
 */
package com.exqress.query.audit;
