/**
 * A parcel's progress in the customer-facing vocabulary, folded from its waybill events: the one mapping
 * every read model and the integration events share.
 */
package com.exqress.projections.progress;
