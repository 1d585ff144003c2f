package com.exqress.platform.carrier;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Routing;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The carriers on the platform from a JSON file ({@code exqress.carriers.location}, by default the three
 * demo carriers): hubs, time zones and routing tables. Routing is by the longest matching postal-code
 * prefix, never by street.
 */
@Component
public class CarrierDirectory {

    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");

    private final Map<String, Carrier> carriers;

    public CarrierDirectory(@Value("${exqress.carriers.location:classpath:exqress/carriers.json}") Resource location,
                            ObjectMapper objectMapper) {
        try (InputStream in = location.getInputStream()) {
            CarrierFile file = objectMapper.readValue(in, CarrierFile.class);
            this.carriers = file.carriers().stream().collect(Collectors.toUnmodifiableMap(Carrier::id, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the carrier network from " + location, e);
        }
    }

    public boolean isKnown(CarrierId carrier) {
        return carriers.containsKey(carrier.code());
    }

    /** The region and destination hub for a postal code, from the carrier's routing table. */
    public Optional<Routing> route(CarrierId carrierId, String postalCode) {
        Carrier carrier = carriers.get(carrierId.code());
        if (carrier == null || postalCode == null || !POSTAL_CODE.matcher(postalCode).matches()) {
            return Optional.empty();
        }
        return carrier.routes().stream()
                .filter(route -> postalCode.startsWith(route.postalPrefix()))
                .max(Comparator.comparingInt(route -> route.postalPrefix().length()))
                .map(route -> new Routing(route.region(), new LocationCode(route.hub())));
    }

    /** Every carrier on the platform. */
    public Collection<Carrier> carriers() {
        return carriers.values();
    }

    /** The carrier as configured; only for carriers {@link #isKnown known} to the network. */
    public Carrier carrier(CarrierId carrierId) {
        Carrier carrier = carriers.get(carrierId.code());
        if (carrier == null) {
            throw new IllegalArgumentException("carrier " + carrierId + " is not on the platform");
        }
        return carrier;
    }

    /** The carrier that runs a hub, if any does. */
    public Optional<CarrierId> carrierOfHub(String hub) {
        return carriers.values().stream()
                .filter(carrier -> carrier.hubs().contains(hub))
                .map(carrier -> new CarrierId(carrier.id()))
                .findFirst();
    }

    private record CarrierFile(List<Carrier> carriers) {
    }
}
