package com.exqress.platform.identity;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The demo users of the embedded default (see README), and nowhere else. */
@Component
@Profile("embedded")
public class DemoAccounts implements AccountDirectory {

    private final Map<String, DemoUser> users;

    public DemoAccounts(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource("exqress/demo-users.json").getInputStream()) {
            DemoUserFile file = objectMapper.readValue(in, DemoUserFile.class);
            this.users = file.users().stream().collect(Collectors.toUnmodifiableMap(DemoUser::username, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo users", e);
        }
    }

    @Override
    public Optional<Actor> findActor(String accountId) {
        return Optional.ofNullable(users.get(accountId)).map(DemoUser::toActor);
    }

    @Override
    public Optional<ActorId> findCustomerByVerifiedPhone(String phone) {
        String digits = digitsOf(phone);
        return users.values().stream()
                .filter(user -> user.role() == Role.CUSTOMER && user.verifiedPhone() != null)
                .filter(user -> digitsOf(user.verifiedPhone()).equals(digits))
                .map(user -> new ActorId(user.username()))
                .findFirst();
    }

    private static String digitsOf(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    private record DemoUser(String username, Role role, String carrier, String hub, String verifiedPhone) {

        Actor toActor() {
            return new Actor(new ActorId(username), role,
                    carrier == null ? null : new CarrierId(carrier),
                    hub == null ? null : new LocationCode(hub));
        }
    }

    private record DemoUserFile(List<DemoUser> users) {
    }
}
