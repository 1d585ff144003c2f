package com.exqress.query.readmodel;

import com.exqress.platform.web.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the next page of a list starts: the sort key of the last item shown. Clients get it as an opaque token
 * and pass it back unchanged. A key rather than an offset, so rows added or changed meanwhile neither repeat
 * nor skip the rows that follow. A token that does not hold the key a list expects is refused with a 400; a
 * forged one can only move the start within what the caller may see anyway.
 */
public final class Cursor {

    // Never part of a key: keys are instants, UUIDs, numbers and hub or region codes.
    private static final String SEPARATOR = "|";

    private final List<String> key;

    private Cursor(List<String> key) {
        this.key = key;
    }

    public static Cursor of(Object... key) {
        return new Cursor(Arrays.stream(key).map(String::valueOf).toList());
    }

    /** The token a client got with a page, from query parameter {@code cursor}. */
    public static Cursor parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return new Cursor(List.of(text.split(Pattern.quote(SEPARATOR), -1)));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String token() {
        String text = key.stream().collect(Collectors.joining(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public String text(int index) {
        if (index >= key.size()) {
            throw invalid();
        }
        return key.get(index);
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(text(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(text(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(text(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidField("cursor", "is not a cursor of this list; start again without one");
    }
}
