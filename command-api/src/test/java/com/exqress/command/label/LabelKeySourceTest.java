package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelSigningKeys;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where each carrier's label signing keys come from, in each kind of deployment. */
class LabelKeySourceTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");
    private static final CarrierId NRT = new CarrierId("NRT");
    private static final List<CarrierId> CARRIERS = List.of(SWP, BLR, NRT);

    @TempDir
    Path dataDir;

    @Test
    void inlineKeysWinAndTheNamedKeySigns() {
        ECKey old = LabelKeyRing.generateKey(SWP, RANDOM);
        ECKey current = LabelKeyRing.generateKey(SWP, RANDOM);
        LabelProperties properties = properties(Map.of(
                "exqress.labels.carriers.SWP.jwks", new JWKSet(List.of(current, old)).toString(false),
                "exqress.labels.carriers.SWP.active-kid", old.getKeyID()));

        LabelSigningKeys keys = LabelKeySource.load(properties, List.of(SWP), new MockEnvironment()).with(RotatedLabelKeys.NONE);

        assertThat(activeKeyId(keys, SWP)).isEqualTo(old.getKeyID());
    }

    @Test
    void keysComeFromAFileAndRetiredOnesAreNotPublished() throws Exception {
        ECKey old = LabelKeyRing.generateKey(SWP, RANDOM);
        ECKey current = LabelKeyRing.generateKey(SWP, RANDOM);
        Path file = dataDir.resolve("swp-keys.json");
        Files.writeString(file, new JWKSet(List.of(old, current)).toString(false));
        LabelProperties properties = properties(Map.of(
                "exqress.labels.carriers.SWP.location", "file:" + file,
                "exqress.labels.carriers.SWP.retired-kids", old.getKeyID()));

        LabelSigningKeys keys = LabelKeySource.load(properties, List.of(SWP), new MockEnvironment()).with(RotatedLabelKeys.NONE);

        assertThat(activeKeyId(keys, SWP)).isEqualTo(current.getKeyID());
        assertThat(keyIds(keys.publicKeys())).containsExactly(current.getKeyID());
    }

    @Test
    void theEmbeddedDefaultGeneratesEachCarriersKeyOnceAndKeepsIt() {
        MockEnvironment environment = new MockEnvironment().withProperty("exqress.data-dir", dataDir.toString());

        LabelSigningKeys first = LabelKeySource.load(properties(Map.of()), CARRIERS, environment).with(RotatedLabelKeys.NONE);
        LabelSigningKeys reloaded = LabelKeySource.load(properties(Map.of()), CARRIERS, environment).with(RotatedLabelKeys.NONE);

        for (CarrierId carrier : CARRIERS) {
            assertThat(LabelKeySource.keyFile(dataDir, carrier)).exists();
            assertThat(activeKeyId(first, carrier)).startsWith(carrier.code()).hasSize(7);
            assertThat(activeKeyId(reloaded, carrier)).isEqualTo(activeKeyId(first, carrier));
        }
        assertThat(LabelKeySource.keyFile(dataDir, SWP)).isEqualTo(dataDir.resolve("keys/labels/SWP.json"));
        assertThat(keyIds(first.publicKeys())).hasSize(3).doesNotHaveDuplicates();
        assertThat(reloaded.publicKeys().toString()).isEqualTo(first.publicKeys().toString());
    }

    @Test
    void configuredKeysOfOneCarrierLiveBesideTheKeptKeysOfTheOthers() {
        ECKey configured = LabelKeyRing.generateKey(SWP, RANDOM);
        MockEnvironment environment = new MockEnvironment().withProperty("exqress.data-dir", dataDir.toString());
        LabelProperties properties = properties(Map.of("exqress.labels.carriers.SWP.jwks", new JWKSet(configured).toString(false)));

        LabelSigningKeys keys = LabelKeySource.load(properties, CARRIERS, environment).with(RotatedLabelKeys.NONE);

        assertThat(activeKeyId(keys, SWP)).isEqualTo(configured.getKeyID());
        assertThat(LabelKeySource.keyFile(dataDir, SWP)).doesNotExist();
        assertThat(LabelKeySource.keyFile(dataDir, BLR)).exists();
    }

    @Test
    void theEmbeddedProfileWithoutADataDirectoryUsesKeysForThisProcessOnly() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("embedded");

        LabelSigningKeys keys = LabelKeySource.load(properties(Map.of()), CARRIERS, environment).with(RotatedLabelKeys.NONE);

        for (CarrierId carrier : CARRIERS) {
            assertThat(activeKeyId(keys, carrier)).startsWith(carrier.code());
        }
    }

    @Test
    void environmentVariablesBindLowerCaseCarrierCodesAndStillCount() {
        ECKey old = LabelKeyRing.generateKey(SWP, RANDOM);
        ECKey current = LabelKeyRing.generateKey(SWP, RANDOM);
        LabelProperties properties = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "EXQRESS_LABELS_CARRIERS_SWP_JWKS", new JWKSet(List.of(old, current)).toString(false),
                "EXQRESS_LABELS_CARRIERS_SWP_ACTIVEKID", old.getKeyID(),
                "EXQRESS_LABELS_CARRIERS_SWP_RETIREDKIDS", current.getKeyID())));

        LabelSigningKeys keys = LabelKeySource.load(properties, List.of(SWP), new MockEnvironment()).with(RotatedLabelKeys.NONE);

        assertThat(properties.carriers()).containsOnlyKeys("swp");
        assertThat(activeKeyId(keys, SWP)).isEqualTo(old.getKeyID());
        assertThat(keyIds(keys.publicKeys())).containsExactly(old.getKeyID());
    }

    @Test
    void aSettingFileAndEnvironmentVariablesCombineForOneCarrierWhateverTheCase() {
        ECKey old = LabelKeyRing.generateKey(SWP, RANDOM);
        ECKey current = LabelKeyRing.generateKey(SWP, RANDOM);
        LabelProperties properties = bind(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("EXQRESS_LABELS_CARRIERS_SWP_ACTIVEKID", old.getKeyID())),
                new MapPropertySource("application.yml", Map.of(
                        "exqress.labels.carriers.SWP.jwks", new JWKSet(List.of(old, current)).toString(false),
                        "exqress.labels.carriers.SWP.active-kid", current.getKeyID())));

        LabelSigningKeys keys = LabelKeySource.load(properties, List.of(SWP), new MockEnvironment()).with(RotatedLabelKeys.NONE);

        assertThat(activeKeyId(keys, SWP)).as("the environment overrides the file").isEqualTo(old.getKeyID());
    }

    @Test
    void productionWithoutKeysForACarrierRefusesToStartNamingItAndTheSetting() {
        LabelProperties properties = properties(Map.of(
                "exqress.labels.carriers.SWP.jwks", new JWKSet(LabelKeyRing.generateKey(SWP, RANDOM)).toString(false)));

        assertThatThrownBy(() -> LabelKeySource.load(properties, List.of(SWP, BLR), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carrier BLR")
                .hasMessageContaining("EXQRESS_LABELS_CARRIERS_BLR_JWKS");
    }

    @Test
    void keysForACarrierThatIsNotOnThePlatformAreRefused() {
        LabelProperties properties = properties(Map.of(
                "exqress.labels.carriers.SWQ.jwks", new JWKSet(LabelKeyRing.generateKey(SWP, RANDOM)).toString(false)));

        assertThatThrownBy(() -> LabelKeySource.load(properties, CARRIERS, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exqress.labels.carriers.SWQ");
    }

    @Test
    void publicKeysAloneCannotSign() {
        LabelProperties properties = properties(Map.of(
                "exqress.labels.carriers.SWP.jwks", new JWKSet(LabelKeyRing.generateKey(SWP, RANDOM).toPublicJWK()).toString()));

        assertThatThrownBy(() -> LabelKeySource.load(properties, List.of(SWP), new MockEnvironment()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrier SWP");
    }

    /** Binds {@code exqress.labels.*} as the application does. */
    private static LabelProperties properties(Map<String, Object> settings) {
        return bind(new MapPropertySource("settings", settings));
    }

    /** Binds from the sources in order of precedence, first wins. */
    private static LabelProperties bind(PropertySource<?>... sources) {
        MutablePropertySources all = new MutablePropertySources();
        for (PropertySource<?> source : sources) {
            all.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(all)).bindOrCreate("exqress.labels", LabelProperties.class);
    }

    /** The key a carrier's new labels are signed with, as the QR text shows it. */
    private static String activeKeyId(LabelSigningKeys keys, CarrierId carrier) {
        LabelQrCodec codec = new LabelQrCodec(keys, "HTTPS://EXQ.RS/L/");
        return codec.verify(codec.encode(carrier, LabelReference.mint(RANDOM))).keyId();
    }

    private static List<String> keyIds(JWKSet keys) {
        return keys.getKeys().stream().map(JWK::getKeyID).toList();
    }
}
