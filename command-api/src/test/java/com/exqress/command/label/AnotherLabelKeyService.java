package com.exqress.command.label;

import com.exqress.label.LabelQrCodec;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The label keys of a second command-api on the same database, as another replica holds them: its own codec,
 * loaded at its start, kept up to date by its own listener.
 */
public final class AnotherLabelKeyService implements AutoCloseable {

    private final LabelQrCodec codec;
    private final LabelKeyChanges changes;

    private AnotherLabelKeyService(LabelQrCodec codec, LabelKeyChanges changes) {
        this.codec = codec;
        this.changes = changes;
    }

    /** Starts with what the database holds now, then listens, as a replica does when it starts. */
    public static AnotherLabelKeyService startedBeside(ApplicationContext first, String qrBaseUrl) {
        ConfiguredLabelKeys configured = first.getBean(ConfiguredLabelKeys.class);
        StoredLabelKeys stored = first.getBean(StoredLabelKeys.class);
        LabelQrCodec codec = new LabelQrCodec(configured.with(stored.read()), qrBaseUrl);
        LabelKeyRotation rotation = new LabelKeyRotation(configured, stored, codec, first.getBean(TransactionTemplate.class));
        LabelKeyChanges changes = new LabelKeyChanges(first.getBean(DataSourceProperties.class), rotation);
        changes.start();
        return new AnotherLabelKeyService(codec, changes);
    }

    public LabelQrCodec codec() {
        return codec;
    }

    @Override
    public void close() {
        changes.stop();
    }
}
