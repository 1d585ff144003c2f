package com.exqress.command.label;

import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.WaybillId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Which waybill a label reference belongs to. Its processing group is a subscribing processor, so the row
 * is written in the transaction that appends the LabelPrinted event: a label resolves as soon as the print
 * request returned, and never before.
 */
@Component
@ProcessingGroup(LabelReferenceIndex.PROCESSING_GROUP)
public class LabelReferenceIndex {

    static final String PROCESSING_GROUP = "label-reference-index";

    private final JdbcTemplate jdbc;

    public LabelReferenceIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LabelPrinted event) {
        jdbc.update("INSERT INTO label_reference (reference, waybill_id, printed_at) VALUES (?, ?, ?)",
                event.reference().value(), event.waybillId().value(), Timestamp.from(event.provenance().at()));
    }

    public Optional<WaybillId> waybillOf(LabelReference reference) {
        return jdbc.query("SELECT waybill_id FROM label_reference WHERE reference = ?",
                        (row, n) -> new WaybillId(row.getObject("waybill_id", UUID.class)), reference.value())
                .stream().findFirst();
    }
}
