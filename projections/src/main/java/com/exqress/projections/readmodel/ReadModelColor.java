package com.exqress.projections.readmodel;

import java.util.Locale;

/**
 * One of the two copies of the read models. One serves; the other is idle or being rebuilt from the event
 * store, each copy in its own schema and with its own event processor and tokens.
 */
public enum ReadModelColor {
    BLUE,
    GREEN;

    public String schema() {
        return "projections_" + name().toLowerCase(Locale.ROOT);
    }

    public String processorName() {
        return "parcel-projection-" + name().toLowerCase(Locale.ROOT);
    }

    public ReadModelColor other() {
        return this == BLUE ? GREEN : BLUE;
    }
}
