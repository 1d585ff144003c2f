package com.exqress.platform.identity;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;

import java.util.Optional;

/** The platform's accounts: who a user is, and which customer owns a verified phone number. */
public interface AccountDirectory {

    Optional<Actor> findActor(String accountId);

    /** The customer whose verified phone is this number; matching ignores punctuation. */
    Optional<ActorId> findCustomerByVerifiedPhone(String phone);
}
