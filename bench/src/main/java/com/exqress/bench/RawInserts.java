package com.exqress.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least a durable append can cost: single-row inserts with one commit each (autocommit, so as durable as the
 * server's {@code synchronous_commit} makes any commit), into a scratch table with the event table's columns and
 * unique keys. Each client has its own connection and appends to its own aggregate's sequence, as a writer of the
 * event store does.
 */
final class RawInserts implements AutoCloseable {

    private static final String TABLE = "bench_raw_insert";

    /** Average stored sizes, in bytes, of an event's payload and metadata. */
    record RowSize(int payload, int metaData, long events) {
    }

    private final List<Connection> connections;
    private final List<PreparedStatement> inserts;
    private final String[] aggregates;
    private final long[] sequences;
    private final byte[] payload;
    private final byte[] metaData;

    private RawInserts(List<Connection> connections, List<PreparedStatement> inserts, RowSize size) {
        this.connections = connections;
        this.inserts = inserts;
        this.aggregates = new String[inserts.size()];
        this.sequences = new long[inserts.size()];
        for (int client = 0; client < aggregates.length; client++) {
            aggregates[client] = UUID.randomUUID().toString();
        }
        this.payload = randomBytes(size.payload());
        this.metaData = randomBytes(size.metaData());
    }

    /** Columns and unique keys as {@code domain_event_entry}'s (db/eventstore V1), with a sequence of its own. */
    static void createTable(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + TABLE);
            ddl.execute("CREATE TABLE " + TABLE + " (global_index BIGSERIAL PRIMARY KEY,"
                    + " event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL,"
                    + " sequence_number BIGINT NOT NULL, type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL,"
                    + " payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), payload BYTEA NOT NULL,"
                    + " meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
        }
    }

    /** The average sizes of the events in the store, so the baseline's rows are as big as the real ones. */
    static RowSize rowSizeOf(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT avg(octet_length(payload)), avg(octet_length(meta_data)),"
                     + " count(*) FROM domain_event_entry")) {
            row.next();
            return new RowSize((int) Math.round(row.getDouble(1)), (int) Math.round(row.getDouble(2)), row.getLong(3));
        }
    }

    /**
     * Empties the table, so every run starts from the same state, and opens one connection per client, each with
     * its insert prepared, before anything is measured.
     */
    static RawInserts open(String jdbcUrl, int clients, RowSize size) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int client = 0; client < clients; client++) {
                Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                connections.add(connection);
                if (client == 0) {
                    try (Statement truncate = connection.createStatement()) {
                        truncate.execute("TRUNCATE " + TABLE);
                    }
                }
                inserts.add(connection.prepareStatement("INSERT INTO " + TABLE + " (event_identifier,"
                        + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data) VALUES (?, ?, ?, 'Waybill', ?, 'com.exqress.waybill.api.ParcelScanned',"
                        + " '1', ?, ?)"));
            }
        } catch (SQLException e) {
            closeAll(connections);
            throw e;
        }
        return new RawInserts(connections, inserts, size);
    }

    ClosedLoopLoad.Call call() {
        return client -> {
            try {
                PreparedStatement insert = inserts.get(client);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregates[client]);
                insert.setLong(3, sequences[client]++);
                insert.setString(4, Instant.now().toString());
                insert.setBytes(5, payload);
                insert.setBytes(6, metaData);
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                return "SQLState " + e.getSQLState();
            }
        };
    }

    /** Random, so that no compression could make a row smaller than the event rows it stands for. */
    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() throws SQLException {
        closeAll(connections);
    }

    private static void closeAll(List<Connection> connections) throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
