package com.exqress.projections.progress;

import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.tracking.ParcelProgress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a {@link ParcelProgress} is stored in a table row, wherever one is kept (the read model, the relay's
 * state): the same column names, and named parameters of the same names in camel case.
 */
public final class ParcelProgressColumns {

    private ParcelProgressColumns() {
    }

    /** The named parameters waybillId, trackingNumber, carrier, status, reason, hub, destinationHub, holderKind, holderId, holderCarrier, lastMileCourier and statusSince. */
    public static Map<String, Object> parameters(ParcelProgress progress) {
        Custodian holder = progress.holder();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("waybillId", progress.waybillId().value());
        parameters.put("trackingNumber", progress.trackingNumber().value());
        parameters.put("carrier", progress.carrier().code());
        parameters.put("status", progress.status().name());
        parameters.put("reason", progress.reason());
        parameters.put("hub", progress.hub() == null ? null : progress.hub().value());
        parameters.put("destinationHub", progress.destinationHub().value());
        parameters.put("holderKind", holder == null ? null : holder.kind().name());
        parameters.put("holderId", holder == null ? null : holder.id());
        parameters.put("holderCarrier", holder == null || holder.carrier() == null ? null : holder.carrier().code());
        parameters.put("lastMileCourier", progress.lastMileCourier() == null ? null : progress.lastMileCourier().value());
        parameters.put("statusSince", Timestamp.from(progress.changedAt()));
        return parameters;
    }

    /** The progress in a row with the columns waybill_id, tracking_number, carrier_id, status, reason, hub, destination_hub, holder_kind, holder_id, holder_carrier, last_mile_courier and status_since. */
    public static ParcelProgress read(ResultSet row) throws SQLException {
        String hub = row.getString("hub");
        String holderKind = row.getString("holder_kind");
        String holderCarrier = row.getString("holder_carrier");
        String lastMileCourier = row.getString("last_mile_courier");
        Custodian holder = holderKind == null ? null : new Custodian(CustodianKind.valueOf(holderKind),
                row.getString("holder_id"), holderCarrier == null ? null : new CarrierId(holderCarrier));
        return new ParcelProgress(new WaybillId(row.getObject("waybill_id", UUID.class)),
                new TrackingNumber(row.getString("tracking_number")), new CarrierId(row.getString("carrier_id")),
                TrackingStatus.valueOf(row.getString("status")), row.getString("reason"),
                hub == null ? null : new LocationCode(hub), new LocationCode(row.getString("destination_hub")),
                holder, lastMileCourier == null ? null : new ActorId(lastMileCourier),
                row.getTimestamp("status_since").toInstant());
    }
}
