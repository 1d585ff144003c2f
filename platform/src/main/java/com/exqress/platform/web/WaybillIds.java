package com.exqress.platform.web;

import com.exqress.waybill.api.WaybillId;

/** Waybill ids from URL paths. */
public final class WaybillIds {

    private WaybillIds() {
    }

    /** A malformed id names no waybill, so it gets the same answer as an unknown one. */
    public static WaybillId parse(String id) {
        try {
            return WaybillId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.waybillNotFound();
        }
    }
}
