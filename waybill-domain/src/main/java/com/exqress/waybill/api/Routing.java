package com.exqress.waybill.api;

import java.util.Objects;

/** Where the parcel is headed as a sorting hub sees it: a region and the destination hub. */
public record Routing(String region, LocationCode destinationHub) {

    public Routing {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(destinationHub, "destinationHub");
    }
}
