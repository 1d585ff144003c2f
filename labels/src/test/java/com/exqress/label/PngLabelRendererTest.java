package com.exqress.label;

import static com.exqress.label.ImageAssertions.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
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

    /** Offsets and widths that start and end inside a byte, cover whole bytes, or both. */
    @Test
    void inkBlackensExactlyThePixelsFillRectWould() {
        SplittableRandom random = new SplittableRandom(7);
        BufferedImage inked = PngLabelRenderer.whiteImage(37, 19);
        BufferedImage filled = PngLabelRenderer.whiteImage(37, 19);
        Graphics2D g = filled.createGraphics();
        g.setColor(Color.BLACK);
        for (int i = 0; i < 40; i++) {
            int x = random.nextInt(37);
            int y = random.nextInt(19);
            Rect bar = new Rect(x, y, random.nextInt(37 - x + 1), random.nextInt(19 - y + 1));

            PngLabelRenderer.ink(inked, bar);
            g.fillRect(bar.x(), bar.y(), bar.width(), bar.height());

            assertSamePixels(inked, filled);
        }
        g.dispose();
    }

    @Test
    void inkRefusesARectangleOutsideTheImage() {
        BufferedImage image = PngLabelRenderer.whiteImage(16, 16);

        assertThatIllegalArgumentException().isThrownBy(() -> PngLabelRenderer.ink(image, new Rect(10, 0, 7, 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> PngLabelRenderer.ink(image, new Rect(-1, 0, 2, 1)));
    }
}
