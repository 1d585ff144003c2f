package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        Chunk phys = chunks(png).stream().filter(c -> c.type.equals("pHYs")).findFirst().orElseThrow();
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(phys.data));

        int perMetreX = data.readInt();
        int perMetreY = data.readInt();
        assertThat(perMetreX).isEqualTo(8000);
        assertThat(perMetreY).isEqualTo(8000);
        assertThat(data.readUnsignedByte()).as("unit: metre").isEqualTo(1);
        assertThat(Math.round(perMetreX * 0.0254)).isEqualTo(203);
    }

    @Test
    void carriesNoTextChunks() throws IOException {
        assertThat(chunks(png)).extracting(c -> c.type).doesNotContain("tEXt", "zTXt", "iTXt", "tIME", "eXIf");
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

    private record Chunk(String type, byte[] data) {
    }

    /** Walks the PNG chunk list (after the 8-byte signature: length, type, data, CRC). */
    private static List<Chunk> chunks(byte[] png) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
        in.skipNBytes(8);
        List<Chunk> chunks = new ArrayList<>();
        while (in.available() > 0) {
            int length = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            chunks.add(new Chunk(type, in.readNBytes(length)));
            in.skipNBytes(4);
        }
        return chunks;
    }
}
