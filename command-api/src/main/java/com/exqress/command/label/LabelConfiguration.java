package com.exqress.command.label;

import com.exqress.label.LabelQrCodec;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.privacy.MasterKeys;
import com.exqress.waybill.api.CarrierId;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Label signing keys, the QR codec, and the in-transaction reference index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LabelProperties.class)
public class LabelConfiguration {

    /** Keys for every carrier on the platform, each signing only its own carrier's labels. */
    @Bean
    ConfiguredLabelKeys configuredLabelKeys(LabelProperties properties, CarrierDirectory carriers,
                                            Environment environment) {
        List<CarrierId> carrierIds = carriers.carriers().stream().map(carrier -> new CarrierId(carrier.id())).toList();
        return LabelKeySource.load(properties, carrierIds, environment);
    }

    @Bean
    StoredLabelKeys storedLabelKeys(JdbcTemplate jdbc, MasterKeys masterKeys) {
        return new StoredLabelKeys(jdbc, masterKeys);
    }

    /** With the keys rotated from the console already, so the first label signed after a restart uses the right one. */
    @Bean
    public LabelQrCodec labelQrCodec(ConfiguredLabelKeys configured, StoredLabelKeys stored, LabelProperties properties) {
        return new LabelQrCodec(configured.with(stored.read()), properties.qrBaseUrl());
    }

    @Bean
    public LabelKeyRotation labelKeyRotation(ConfiguredLabelKeys configured, StoredLabelKeys stored, LabelQrCodec codec,
                                             TransactionTemplate transaction) {
        return new LabelKeyRotation(configured, stored, codec, transaction);
    }

    @Bean
    LabelKeyChanges labelKeyChanges(DataSourceProperties dataSource, LabelKeyRotation rotation) {
        return new LabelKeyChanges(dataSource, rotation);
    }

    /** Subscribing, so the index row commits with the LabelPrinted event that causes it. */
    @Bean
    public ConfigurerModule labelReferenceIndexProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(LabelReferenceIndex.PROCESSING_GROUP);
    }
}
