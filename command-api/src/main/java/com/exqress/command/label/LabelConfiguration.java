package com.exqress.command.label;

import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelSigningKeys;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.waybill.api.CarrierId;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.List;

/** Label signing keys, the QR codec, and the in-transaction reference index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LabelProperties.class)
public class LabelConfiguration {

    /** Keys for every carrier on the platform, each signing only its own carrier's labels. */
    @Bean
    public LabelSigningKeys labelSigningKeys(LabelProperties properties, CarrierDirectory carriers,
                                             Environment environment) {
        List<CarrierId> carrierIds = carriers.carriers().stream().map(carrier -> new CarrierId(carrier.id())).toList();
        return LabelKeySource.load(properties, carrierIds, environment);
    }

    @Bean
    public LabelQrCodec labelQrCodec(LabelSigningKeys keys, LabelProperties properties) {
        return new LabelQrCodec(keys, properties.qrBaseUrl());
    }

    /** Subscribing, so the index row commits with the LabelPrinted event that causes it. */
    @Bean
    public ConfigurerModule labelReferenceIndexProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(LabelReferenceIndex.PROCESSING_GROUP);
    }
}
