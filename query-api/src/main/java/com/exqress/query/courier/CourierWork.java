package com.exqress.query.courier;

/**
 * A courier's lists. Asked for all, each holds its first page; asked for one with {@code list}, only that one
 * is there.
 */
public record CourierWork(RoutePage held, RoutePage toPickUp, RoutePage toDeliver) {
}
