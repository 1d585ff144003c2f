package com.exqress.command;

import com.exqress.waybill.api.Address;
import com.exqress.waybill.api.Contact;
import com.exqress.waybill.api.Parcel;
import com.exqress.waybill.api.WaybillPersonalData;

/** Domain values for tests that send commands without going through HTTP. */
final class WaybillTestData {

    private WaybillTestData() {
    }

    static WaybillPersonalData personalData() {
        Address seoul = new Address("12 Sejong-daero", null, "Seoul", "04524", "KR");
        Address busan = new Address("45 Haeundae-ro", null, "Busan", "48094", "KR");
        return new WaybillPersonalData(new Contact("Kim Minji", "010-1234-5678", null, seoul),
                new Contact("Lee Jun", "010-5555-0101", null, busan), null);
    }

    static Parcel parcel() {
        return new Parcel(1200, 30, 20, 10);
    }
}
