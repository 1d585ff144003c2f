package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelRenderersTest {

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void everyFormatHasARendererForThatFormat(LabelFormat format) {
        assertThat(LabelRenderers.of(format).format()).isEqualTo(format);
        assertThat(LabelRenderers.of(format).render(LabelFixtures.CONTENT)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = LabelFormat.class, names = {"SVG", "ZPL", "PNG", "PDF"})
    void renderingTwiceGivesTheSameBytes(LabelFormat format) {
        LabelRenderer renderer = LabelRenderers.of(format);

        assertThat(renderer.render(LabelFixtures.CONTENT)).isEqualTo(renderer.render(LabelFixtures.CONTENT));
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void concurrentRendersDoNotInterfere(LabelFormat format) throws Exception {
        LabelRenderer renderer = LabelRenderers.of(format);
        byte[] expected = renderer.render(LabelFixtures.CONTENT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> renders = pool.invokeAll(
                    Collections.nCopies(16, (Callable<byte[]>) () -> renderer.render(LabelFixtures.CONTENT)));
            for (Future<byte[]> render : renders) {
                assertThat(render.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void allFormatsAreCovered() {
        assertThat(LabelRenderers.all()).containsOnlyKeys(LabelFormat.values());
    }
}
