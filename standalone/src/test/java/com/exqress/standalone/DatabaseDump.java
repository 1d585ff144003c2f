package com.exqress.standalone;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value of every table in every schema of every database on a PostgreSQL server, read as the superuser the
 * way anyone with a copy of the database could: columns as their raw bytes ({@code bytea} decoded), so text hidden in
 * a binary payload is found too.
 */
final class DatabaseDump {

    /** Where one value sits. */
    record Place(String database, String table, String column) {
        @Override
        public String toString() {
            return database + ":" + table + "." + column;
        }
    }

    private final String serverUrl;
    private final String superuser;

    /** {@code serverUrl} is a JDBC URL of any database on the server, without parameters. */
    DatabaseDump(String serverUrl, String superuser) {
        this.serverUrl = serverUrl;
        this.superuser = superuser;
    }

    /** The places whose value contains {@code text}, in UTF-8. */
    List<Place> find(String text) throws SQLException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Place> found = new ArrayList<>();
        for (String database : databases()) {
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                for (String table : tables(connection)) {
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) {
                                byte[] value = rows.getBytes(column);
                                Place place = new Place(database, table, rows.getMetaData().getColumnName(column));
                                if (value != null && contains(value, needle) && !found.contains(place)) {
                                    found.add(place);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Large objects live outside any table; nothing of Exqress may hide there. */
    long largeObjects() throws SQLException {
        long count = 0;
        for (String database : databases()) {
            try (Connection connection = connect(database); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_largeobject_metadata")) {
                row.next();
                count += row.getLong(1);
            }
        }
        return count;
    }

    private List<String> databases() throws SQLException {
        return strings(connect(null), "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate");
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private Connection connect(String database) throws SQLException {
        String url = database == null ? serverUrl : serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        return DriverManager.getConnection(url, superuser, "");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
