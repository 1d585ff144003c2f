package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

import java.util.Set;

/**
 * Personal data of this waybill was shown to someone: who (the provenance's actor and role), which fields
 * and why (the custody step). The customer and auditors see who looked; the data itself is not repeated.
 */
@Revision("1")
public record PersonalDataDisclosed(WaybillId waybillId,
                                    Set<PersonalField> fields,
                                    ScanAction purpose,
                                    Provenance provenance) implements WaybillEvent {

    public PersonalDataDisclosed {
        fields = Set.copyOf(fields);
    }
}
