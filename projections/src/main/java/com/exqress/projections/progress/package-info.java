/** How a parcel's progress ({@link com.exqress.waybill.tracking.ParcelProgress}) is stored in read-model rows. */
package com.exqress.projections.progress;
