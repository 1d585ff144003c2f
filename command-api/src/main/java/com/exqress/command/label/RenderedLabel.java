package com.exqress.command.label;

import com.exqress.label.LabelFormat;

/** A rendered label and the file name to save it under (the tracking number, never anything personal). */
public record RenderedLabel(byte[] content, LabelFormat format, String fileName) {
}
