package com.exqress.platform.identity;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Without the embedded identity service there is no account directory yet: hand-offs to a named courier and
 * matching a recipient's account by verified phone need one (an issue to come connects the provider's).
 */
@Component
@ConditionalOnProperty(name = "exqress.identity.embedded", havingValue = "false", matchIfMissing = true)
public class NoAccountDirectory implements AccountDirectory {

    @Override
    public Optional<Actor> findActor(String accountId) {
        return Optional.empty();
    }

    @Override
    public Optional<ActorId> findCustomerByVerifiedPhone(String phone) {
        return Optional.empty();
    }
}
