/**
 * What a carrier's admins, and platform admins across carriers, see of its parcels: an overview and the
 * parcels themselves, filtered by status and by how long they have been in it. Operational data only: platform
 * admins never see who holds a parcel, and nobody here sees a customer's account.
 */
package com.exqress.query.admin;
