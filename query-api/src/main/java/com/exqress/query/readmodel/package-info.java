/**
 * Reading the read models the projections service keeps in schema {@code projections}: the status vocabulary,
 * pages with opaque cursors, consistent snapshots and the live change notices.
 */
package com.exqress.query.readmodel;
