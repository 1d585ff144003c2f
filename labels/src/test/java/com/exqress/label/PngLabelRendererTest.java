package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngLabelRendererTest {

    private final byte[] png = new PngLabelRenderer().render(LabelFixtures.CONTENT);

    @Test
    void isAnImageOf812By1218Dots() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(812);
        assertThat(image.getHeight()).isEqualTo(1218);
    }

    @Test
    void declares203DpiSoItPrintsAtFourBySixInches() throws IOException {
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(PngChunks.first(png, "pHYs").data()));

        int perMetreX = data.readInt();
        int perMetreY = data.readInt();
        assertThat(perMetreX).isEqualTo(8000);
        assertThat(perMetreY).isEqualTo(8000);
        assertThat(data.readUnsignedByte()).as("unit: metre").isEqualTo(1);
        assertThat(Math.round(perMetreX * 0.0254)).isEqualTo(203);
    }

    @Test
    void carriesNoTextChunks() throws IOException {
        assertThat(PngChunks.of(png)).extracting(PngChunks.Chunk::type).doesNotContain("tEXt", "zTXt", "iTXt", "tIME", "eXIf");
    }

    @Test
    void qrCodeScansToTheExactQrText() throws IOException {
        assertThat(Scans.qr(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(LabelFixtures.QR_TEXT);
    }

    @Test
    void code128ScansToTheTrackingNumber() throws IOException {
        assertThat(Scans.code128(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo("SWP4812345678KR");
    }

    @Test
    void isPureBlackAndWhiteForAThermalPrinter() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                assertThat(image.getRGB(x, y) & 0xFFFFFF).isIn(0x000000, 0xFFFFFF);
            }
        }
    }

    @Test
    void leavesTheMarginWhiteWherePrintHeadsBlur() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int margin = LabelLayout.MARGIN;

        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean inMargin = x < margin || y < margin || x >= image.getWidth() - margin || y >= image.getHeight() - margin;
                if (inMargin) {
                    assertThat(image.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
    }
}
