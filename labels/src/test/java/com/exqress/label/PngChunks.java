package com.exqress.label;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A PNG's chunks as they are in the file, read without ImageIO so that tests see exactly what was written. */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    record Chunk(String type, byte[] data, int crc) {
    }

    private PngChunks() {
    }

    /** Walks the chunk list after the 8-byte signature: length, type, data, CRC. */
    static List<Chunk> of(byte[] png) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
        in.skipNBytes(SIGNATURE.length);
        List<Chunk> chunks = new ArrayList<>();
        while (in.available() > 0) {
            int length = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            byte[] data = in.readNBytes(length);
            chunks.add(new Chunk(type, data, in.readInt()));
        }
        return chunks;
    }

    static Chunk first(byte[] png, String type) throws IOException {
        return of(png).stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }
}
