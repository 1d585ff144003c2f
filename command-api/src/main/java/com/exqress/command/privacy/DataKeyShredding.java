package com.exqress.command.privacy;

import com.exqress.platform.privacy.DataKeys;
import com.exqress.waybill.api.WaybillDisposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys a disposed waybill's data key. Its processing group is a subscribing processor, so the key goes in
 * the transaction that appends the disposal: either both are recorded, or neither.
 */
@Component
@ProcessingGroup(DataKeyShredding.PROCESSING_GROUP)
public class DataKeyShredding {

    public static final String PROCESSING_GROUP = "data-key-shredding";

    private final DataKeys dataKeys;

    public DataKeyShredding(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    @EventHandler
    void on(WaybillDisposed event) {
        dataKeys.destroy(event.waybillId());
    }
}
