package com.exqress.identity;

import com.exqress.platform.identity.AccountDirectory;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.Role;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The accounts table, and the account directory the other services ask. */
@Component
public class AccountStore implements AccountDirectory {

    private final IdentityDatabase database;

    public AccountStore(IdentityDatabase database) {
        this.database = database;
    }

    Optional<Account> find(String username) {
        return database.jdbc().query("""
                        SELECT username, password_hash, role, carrier, hub, verified_phone FROM account WHERE username = ?
                        """, (row, n) -> new Account(row.getString("username"), row.getString("password_hash"),
                        Role.valueOf(row.getString("role")), row.getString("carrier"), row.getString("hub"),
                        row.getString("verified_phone")), username)
                .stream().findFirst();
    }

    boolean isEmpty() {
        return Boolean.FALSE.equals(database.jdbc().queryForObject("SELECT EXISTS (SELECT 1 FROM account)", Boolean.class));
    }

    void add(Account account) {
        database.jdbc().update("""
                        INSERT INTO account (username, password_hash, role, carrier, hub, verified_phone)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, account.username(), account.passwordHash(), account.role().name(), account.carrier(),
                account.hub(), account.verifiedPhone());
    }

    @Override
    public Optional<Actor> findActor(String accountId) {
        return find(accountId).map(Account::toActor);
    }

    /** Phones are compared by their digits, so "010-5555-0101" and "01055550101" are the same number. */
    @Override
    public Optional<ActorId> findCustomerByVerifiedPhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        return database.jdbc().queryForList("""
                        SELECT username FROM account
                        WHERE role = 'CUSTOMER' AND regexp_replace(verified_phone, '[^0-9]', '', 'g') = ?
                        """, String.class, digits)
                .stream().findFirst().map(ActorId::new);
    }
}
