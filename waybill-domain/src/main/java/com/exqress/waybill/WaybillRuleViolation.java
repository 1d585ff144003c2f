package com.exqress.waybill;

import com.exqress.waybill.api.WaybillErrorCode;

/**
 * A command broke a waybill rule. The message tells the caller what went wrong and never contains
 * personal data, because it is shown to clients.
 */
public class WaybillRuleViolation extends RuntimeException {

    private final WaybillErrorCode code;

    public WaybillRuleViolation(WaybillErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public WaybillErrorCode code() {
        return code;
    }
}
