package com.exqress.query.web;

import java.util.List;

/** Every event of one waybill, in the order they were appended. */
public record WaybillHistoryResponse(String waybillId, List<RecordedEvent> events) {
}
