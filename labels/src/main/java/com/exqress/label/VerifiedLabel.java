package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;

/**
 * A label whose signature held: the reference it carries, the carrier whose key signed it and that key's
 * id. Genuine, but not necessarily current, nor necessarily signed by its parcel's carrier: only the
 * waybill can tell.
 */
public record VerifiedLabel(LabelReference reference, CarrierId signer, String keyId) {
}
