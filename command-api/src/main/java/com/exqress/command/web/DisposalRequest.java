package com.exqress.command.web;

import com.exqress.waybill.api.DisposalReason;

/** {@code POST /waybills/{id}/disposal}; a carrier admin must give a reason, a recipient need not. */
public record DisposalRequest(DisposalReason reason) {
}
