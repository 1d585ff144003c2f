package com.exqress.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A benchmark prints the settings its figures depend on, such as {@code fsync} and {@code synchronous_commit}. */
final class PostgresSettings {

    private PostgresSettings() {
    }

    static String show(Connection postgres, String name) throws SQLException {
        try (Statement show = postgres.createStatement(); ResultSet row = show.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
