package com.exqress.platform.eventstore;

/**
 * The PostgreSQL advisory lock that orders appends against checkpoints. Every appending transaction holds it
 * shared from its insert until it commits; a checkpoint takes it exclusively. A global index is handed out at
 * insert, so without it a transaction could take an index below a checkpoint's head and commit after the
 * checkpoint read that head: an event no checkpoint covers, inside a range whose signed root then no longer
 * matches the store.
 */
public final class AppendLock {

    /** Any fixed number will do, as long as nothing else in the database uses it; this is "exqress" in ASCII. */
    public static final long KEY = 0x65787172657373L;

    public static final String SHARED = "SELECT pg_advisory_xact_lock_shared(" + KEY + ")";
    public static final String EXCLUSIVE = "SELECT pg_advisory_xact_lock(" + KEY + ")";

    private AppendLock() {
    }
}
