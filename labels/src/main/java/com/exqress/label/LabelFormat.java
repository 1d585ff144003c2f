package com.exqress.label;

/** The formats a label is rendered in, with the media type each is served as. */
public enum LabelFormat {
    /** 812 x 1218 pixels: 4 x 6 inches at 203 dpi, the resolution of common thermal label printers. */
    PNG("image/png"),
    SVG("image/svg+xml"),
    /** A 4 x 6 inch vector page. */
    PDF("application/pdf"),
    /** ZPL II for Zebra printers at 203 dpi. */
    ZPL("text/plain");

    private final String mediaType;

    LabelFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
