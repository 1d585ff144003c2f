/**
 * What a courier sees: the parcels they hold, those waiting at their hub to be picked up and those at their
 * hub to be delivered, grouped by destination route.
 */
package com.exqress.query.courier;
