package com.exqress.bench;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.VerifiedLabel;
import com.exqress.waybill.api.LabelReference;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Label QR signatures per second on one core: {@link LabelQrCodec#verify} and {@link LabelQrCodec#encode}
 * against plain JCA ES256 (SHA256withECDSA on P-256) over the same signing input in the same JVM, so the
 * ratio is what parsing, Base32, JOSE objects and key conversion add on top of the cryptography.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@Warmup(iterations = BenchSettings.WARMUP_ITERATIONS, time = BenchSettings.WARMUP_SECONDS)
@Measurement(iterations = BenchSettings.MEASUREMENT_ITERATIONS, time = BenchSettings.MEASUREMENT_SECONDS)
@State(Scope.Benchmark)
public class LabelSignatureBenchmark {

    private static final Pattern QR_TEXT = Pattern.compile("(?<base>.+/)(?<kid>[0-9A-Z]{1,8})\\.(?<body>[A-Z2-7]{128})");

    private LabelQrCodec codec;
    private LabelReference reference;
    private String qrText;

    private ECPublicKey publicKey;
    private ECPrivateKey privateKey;
    /** ASCII of {@code BASE64URL(header) "." BASE64URL(reference)}, exactly what the JWS signature covers. */
    private byte[] signingInput;
    /** The QR code's R || S signature, transcoded to the DER form JCA verifies. */
    private byte[] derSignature;

    @Setup(Level.Trial)
    public void setUp() throws JOSEException, GeneralSecurityException {
        ECKey key = LabelKeyRing.generateKey(BenchSettings.CARRIER, new SplittableRandom(8));
        codec = BenchSettings.codecSigningWith(key);
        reference = LabelReference.mint(new SecureRandom());
        qrText = codec.encode(BenchSettings.CARRIER, reference);
        publicKey = key.toECPublicKey();
        privateKey = key.toECPrivateKey();

        // Rebuild the signing input from the QR text as docs/qr-format.md tells an outside verifier to.
        Matcher parts = QR_TEXT.matcher(qrText);
        if (!parts.matches()) {
            throw new IllegalStateException("unexpected QR text shape: " + qrText);
        }
        byte[] body = new Base32().decode(parts.group("body"));
        byte[] referenceBytes = Arrays.copyOfRange(body, 0, 16);
        byte[] jwsSignature = Arrays.copyOfRange(body, 16, 80);
        String header = "{\"alg\":\"ES256\",\"kid\":\"" + parts.group("kid") + "\"}";
        signingInput = (Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(referenceBytes)).getBytes(StandardCharsets.US_ASCII);
        derSignature = ECDSA.transcodeSignatureToDER(jwsSignature);

        // The baselines must do the same work as the code they are compared with.
        if (!jcaVerify()) {
            throw new IllegalStateException("plain JCA does not verify the codec's signature");
        }
        if (!codec.verify(qrText).reference().equals(reference)) {
            throw new IllegalStateException("the codec does not verify its own QR text");
        }
    }

    /** The codec's offline verification of a scanned QR text: shape, Base32, JWS rebuild, ES256 verify. */
    @Benchmark
    public VerifiedLabel verify() {
        return codec.verify(qrText);
    }

    /** Baseline for {@link #verify}: JCA ES256 verification of the same signature over the same bytes. */
    @Benchmark
    public boolean jcaVerify() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(derSignature);
    }

    /** Signing a new label's reference into its QR text. */
    @Benchmark
    public String encode() {
        return codec.encode(BenchSettings.CARRIER, reference);
    }

    /** Baseline for {@link #encode}: JCA ES256 signing of the same signing input (DER output). */
    @Benchmark
    public byte[] jcaSign() throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(signingInput);
        return signer.sign();
    }
}
