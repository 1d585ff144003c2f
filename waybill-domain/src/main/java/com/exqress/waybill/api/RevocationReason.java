package com.exqress.waybill.api;

/** Why a label reference stopped resolving. */
public enum RevocationReason {
    REPRINTED,
    DISPOSED
}
