package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Label signing keys, the QR codec, and the in-transaction reference index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LabelProperties.class)
public class LabelConfiguration {

    @Bean
    public LabelKeyRing labelKeyRing(LabelProperties properties, Environment environment) {
        return LabelKeySource.load(properties.keys(), environment);
    }

    @Bean
    public LabelQrCodec labelQrCodec(LabelKeyRing keys, LabelProperties properties) {
        return new LabelQrCodec(keys, properties.qrBaseUrl());
    }

    /** Subscribing, so the index row commits with the LabelPrinted event that causes it. */
    @Bean
    public ConfigurerModule labelReferenceIndexProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(LabelReferenceIndex.PROCESSING_GROUP);
    }
}
