package com.exqress.label;

/** Renders a label in one format. Implementations are stateless and thread-safe. */
public interface LabelRenderer {

    LabelFormat format();

    byte[] render(LabelContent content);
}
