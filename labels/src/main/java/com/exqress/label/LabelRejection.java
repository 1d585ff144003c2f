package com.exqress.label;

/** Why a scanned label does not resolve; the names are the stable problem codes clients see. */
public enum LabelRejection {
    /** Not an Exqress label at all: wrong shape, length or characters. */
    LABEL_MALFORMED,
    /**
     * Shaped like a label, but its base URL, key id or signature does not check out, or the key that signed
     * it is not its parcel's carrier's.
     */
    LABEL_FORGED,
    /** Genuine, but no waybill has this reference (or the caller may not know which one does). */
    LABEL_UNKNOWN,
    /** Genuine, but replaced by a reprint or signed with a retired key. */
    LABEL_REVOKED,
    /** Genuine, but its waybill was disposed of. */
    LABEL_DISPOSED
}
