/**
 * A parcel's progress in the customer-facing vocabulary, folded from its waybill events: the one mapping the
 * read models, the integration events and the auditors' state replay share.
 */
package com.exqress.waybill.tracking;
