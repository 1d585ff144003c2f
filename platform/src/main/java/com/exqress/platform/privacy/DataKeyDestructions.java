package com.exqress.platform.privacy;

import com.exqress.platform.notices.PostgresNotices;
import com.exqress.waybill.api.WaybillId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Drops this service's cached copy of a data key as soon as any service destroys it. After reconnecting it drops
 * them all, since a destruction announced meanwhile was missed.
 */
public class DataKeyDestructions extends PostgresNotices {

    static final String APPLICATION_NAME = "exqress-data-key-destructions";

    private static final Logger log = LoggerFactory.getLogger(DataKeyDestructions.class);

    private final DataKeys dataKeys;

    public DataKeyDestructions(DataSourceProperties dataSource, DataKeys dataKeys) {
        super(dataSource, DataKeys.DESTROYED_CHANNEL, APPLICATION_NAME);
        this.dataKeys = dataKeys;
    }

    @Override
    protected void onNotice(String payload) {
        try {
            dataKeys.forget(WaybillId.parse(payload));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a {} notice whose payload is not a waybill id", DataKeys.DESTROYED_CHANNEL);
        }
    }

    @Override
    protected void onListening() {
        dataKeys.forgetAll();
    }
}
