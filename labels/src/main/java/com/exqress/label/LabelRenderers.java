package com.exqress.label;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One renderer per {@link LabelFormat}. The renderers are stateless, so one instance of each serves all. */
public final class LabelRenderers {

    private static final Map<LabelFormat, LabelRenderer> RENDERERS = byFormat(
            new PngLabelRenderer(), new SvgLabelRenderer(), new PdfLabelRenderer(), new ZplLabelRenderer());

    private LabelRenderers() {
    }

    public static LabelRenderer of(LabelFormat format) {
        return RENDERERS.get(format);
    }

    public static Map<LabelFormat, LabelRenderer> all() {
        return RENDERERS;
    }

    private static Map<LabelFormat, LabelRenderer> byFormat(LabelRenderer... renderers) {
        Map<LabelFormat, LabelRenderer> map = new EnumMap<>(LabelFormat.class);
        for (LabelRenderer renderer : renderers) {
            map.put(renderer.format(), renderer);
        }
        if (map.size() != LabelFormat.values().length) {
            throw new IllegalStateException("a label format has no renderer: " + map.keySet());
        }
        return Collections.unmodifiableMap(map);
    }
}
