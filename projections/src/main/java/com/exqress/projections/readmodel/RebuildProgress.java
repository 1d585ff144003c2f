package com.exqress.projections.readmodel;

import java.time.Instant;

/**
 * Where a rebuild of the parcel read model stands. Positions are the event store's global indexes, so
 * {@code position} is about the number of events replayed so far.
 *
 * @param servingLag events the serving copy has yet to process
 * @param rebuilding null when no rebuild is under way
 * @param head       the newest event in the store now
 * @param position   how far the rebuilding copy got (its slowest segment); equals {@code head} when idle
 * @param lag        events the rebuilding copy still has to process
 */
public record RebuildProgress(ReadModelColor serving, long servingLag, ReadModelColor rebuilding, Instant startedAt, long head,
                              long position, long lag) {
}
