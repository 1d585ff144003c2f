package com.exqress.query.courier;

import java.util.List;

/**
 * One page of a courier's list, its parcels grouped by the route they take. A route can continue on the next
 * page.
 *
 * @param nextCursor pass it back as {@code cursor}, with the same {@code list}, for the next page; null on the last
 */
public record RoutePage(List<Route> routes, String nextCursor) {

    public RoutePage {
        routes = List.copyOf(routes);
    }

    /** Parcels bound for one destination region, through its hub. */
    public record Route(String destinationHub, String destinationRegion, List<CourierParcel> parcels) {

        public Route {
            parcels = List.copyOf(parcels);
        }
    }
}
