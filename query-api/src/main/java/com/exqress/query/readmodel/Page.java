package com.exqress.query.readmodel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next one.
 *
 * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page from the rows fetched for {@code request}, whose key is {@code keyOf} an item. */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, Cursor> keyOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, request.limit());
        return new Page<>(items, keyOf.apply(items.get(items.size() - 1)).token());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
