package com.exqress.command.carrier;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.PartnerDeclared;
import com.exqress.waybill.api.PartnerWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * The partnerships as they stand. Its processing group is a subscribing processor, so a row changes in
 * the transaction that appends the partnership event: a hand-off checked after the admin's request
 * returned sees the new partnership, and one checked before never does.
 */
@Component
@ProcessingGroup(CarrierPartnerIndex.PROCESSING_GROUP)
public class CarrierPartnerIndex {

    public static final String PROCESSING_GROUP = "carrier-partner-index";

    private final JdbcTemplate jdbc;

    public CarrierPartnerIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartnerDeclared event) {
        jdbc.update("INSERT INTO carrier_partner (carrier_id, partner_id, declared_at) VALUES (?, ?, ?)",
                event.carrier().code(), event.partner().code(), Timestamp.from(event.provenance().at()));
    }

    @EventHandler
    void on(PartnerWithdrawn event) {
        jdbc.update("DELETE FROM carrier_partner WHERE carrier_id = ? AND partner_id = ?",
                event.carrier().code(), event.partner().code());
    }

    public boolean isPartner(CarrierId partner, CarrierId owner) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM carrier_partner WHERE carrier_id = ? AND partner_id = ?)",
                Boolean.class, owner.code(), partner.code()));
    }

    public List<CarrierId> partnersOf(CarrierId owner) {
        return jdbc.query("SELECT partner_id FROM carrier_partner WHERE carrier_id = ? ORDER BY partner_id",
                (row, n) -> new CarrierId(row.getString("partner_id")), owner.code());
    }
}
