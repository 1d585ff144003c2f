package com.exqress.projections.readmodel;

import org.springframework.stereotype.Component;

/** This replica's latest knowledge of which copy serves, refreshed by {@link ParcelRebuilds}. */
@Component
public class ServingCopy {

    private volatile ReadModelColor color;

    boolean is(ReadModelColor candidate) {
        return candidate == color;
    }

    void set(ReadModelColor serving) {
        this.color = serving;
    }
}
