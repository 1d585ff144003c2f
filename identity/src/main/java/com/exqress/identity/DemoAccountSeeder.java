package com.exqress.identity;

import com.exqress.waybill.api.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Seeds the demo users of the README, all with the password {@value #DEMO_PASSWORD}, on the first start
 * of the embedded default: only in the embedded profile, and only into an empty account table.
 */
@Component
@Profile("embedded")
class DemoAccountSeeder {

    static final String DEMO_PASSWORD = "demo-password";
    private static final Logger log = LoggerFactory.getLogger(DemoAccountSeeder.class);

    DemoAccountSeeder(AccountStore accounts, PasswordEncoder passwords, ObjectMapper objectMapper) {
        if (!accounts.isEmpty()) {
            return;
        }
        // One hash serves every demo account: they share the documented password anyway, and bcrypt is slow.
        String hash = passwords.encode(DEMO_PASSWORD);
        List<DemoUser> users = read(objectMapper);
        users.forEach(user -> accounts.add(new Account(user.username(), hash, user.role(), user.carrier(), user.hub(),
                user.verifiedPhone())));
        log.info("seeded {} demo accounts (see README)", users.size());
    }

    private static List<DemoUser> read(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource("exqress/demo-users.json").getInputStream()) {
            return objectMapper.readValue(in, DemoUserFile.class).users();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo users", e);
        }
    }

    private record DemoUser(String username, Role role, String carrier, String hub, String verifiedPhone) {
    }

    private record DemoUserFile(List<DemoUser> users) {
    }
}
