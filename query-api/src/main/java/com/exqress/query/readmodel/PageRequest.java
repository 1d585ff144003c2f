package com.exqress.query.readmodel;

import com.exqress.platform.web.ApiProblem;

/**
 * Which page of a list a client asks for, from the query parameters {@code limit} and {@code cursor} every list
 * takes. A limit outside 1 to {@value #MAX_LIMIT} is refused, not silently capped, so a client never mistakes a
 * short page for the end of the list.
 *
 * @param after where the page starts, or null for the first page
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : parseLimit(limit), cursor == null ? null : Cursor.parse(cursor));
    }

    /** One row more than the page holds: if it comes back, there is a next page. */
    public int rowsToFetch() {
        return limit + 1;
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like any other value out of range
        }
        throw ApiProblem.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
