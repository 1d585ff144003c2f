/**
 * What customers see of their parcels: the tracking view, live or on request, and the parcels they sent or
 * receive. A parcel is a customer's when their account is its sender or recipient account in the read model;
 * to anyone else it does not exist.
 */
package com.exqress.query.customer;
