package com.exqress.bench;

import com.exqress.label.Barcodes;
import com.exqress.label.LabelContent;
import com.exqress.label.LabelFormat;
import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelLayout;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelRenderers;
import com.exqress.label.Modules;
import com.exqress.waybill.api.LabelReference;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Label renders per second on one core, per format, against the floor every format pays: the QR symbol.
 * Three baselines run in the same JVM: ZXing's plain QR encode, {@link Barcodes#qr} (the encode plus
 * its decodability self-check), and {@link LabelLayout#of} (QR symbol, Code 128 and text fitting).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
@Threads(1)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
public class LabelRenderingBenchmark {

    /** A realistic label whose QR text a real {@link LabelQrCodec} signed with a freshly generated key. */
    @State(Scope.Benchmark)
    public static class Label {

        String qrText;
        LabelContent content;

        @Setup(Level.Trial)
        public void setUp() throws WriterException {
            LabelQrCodec codec = BenchSettings.codecSigningWith(
                    LabelKeyRing.generateKey(BenchSettings.CARRIER, new SplittableRandom(8)));
            // ECDSA signatures are randomised, so each trial gets a different QR text. About one text in a
            // hundred gives a symbol ZXing's detector misses, and Barcodes.qr then re-encodes with other
            // masks: a rare slow path. Measure the common path every time, so that runs compare.
            SecureRandom random = new SecureRandom();
            for (int attempt = 0; ; attempt++) {
                String candidate = codec.encode(BenchSettings.CARRIER, LabelReference.mint(random));
                if (sameModules(Encoder.encode(candidate, ErrorCorrectionLevel.Q).getMatrix(),
                        Barcodes.qr(candidate).modules())) {
                    qrText = candidate;
                    break;
                }
                if (attempt == 50) {
                    throw new IllegalStateException("no QR text took Barcodes.qr's first-mask path in 50 tries");
                }
            }
            content = new LabelContent("Swift Parcel", "SWP4812345678KR", "BSN / BSN-01", "STANDARD", 1200,
                    LocalDate.of(2026, 11, 23), qrText);
            int version = Barcodes.qr(qrText).version();
            if (version != Barcodes.QR_MAX_VERSION) {
                throw new IllegalStateException("expected a version-8 QR code, got version " + version);
            }
        }

        private static boolean sameModules(ByteMatrix matrix, Modules modules) {
            if (matrix.getWidth() != modules.width() || matrix.getHeight() != modules.height()) {
                return false;
            }
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if ((matrix.get(x, y) == 1) != modules.isDark(x, y)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Only {@link #render} uses this state, so only it runs once per format. */
    @State(Scope.Benchmark)
    public static class Format {

        @Param({"PNG", "SVG", "PDF", "ZPL"})
        public LabelFormat format;
    }

    /** Baseline 1: ZXing's QR encoder alone, at level Q (version 8 for a label's 151 characters). */
    @Benchmark
    public QRCode qrEncodeOnly(Label label) throws WriterException {
        return Encoder.encode(label.qrText, ErrorCorrectionLevel.Q);
    }

    /** Baseline 2: the QR symbol every format builds: the encode plus the StandardDetector self-check. */
    @Benchmark
    public Barcodes.QrSymbol qrSymbol(Label label) {
        return Barcodes.qr(label.qrText);
    }

    /** Baseline 3: the whole layout (QR symbol, Code 128, text fitting), which every format renders. */
    @Benchmark
    public LabelLayout layout(Label label) {
        return LabelLayout.of(label.content);
    }

    /** A full render to the bytes that are served. */
    @Benchmark
    public byte[] render(Label label, Format format) {
        return LabelRenderers.of(format.format).render(label.content);
    }
}
