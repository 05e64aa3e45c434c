package io.limber.infra.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * A database of its own on the test server, for a test that migrates one step by step (an
 * upgrade with data in it) without touching the service's own; dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

    private final String serverUrl;
    private final String username;
    private final String password;
    private final String name;
    private final String url;

    private ScratchDatabase(String serverUrl, String username, String password) throws SQLException {
        Matcher parts = URL.matcher(serverUrl);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + serverUrl);
        }
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
        this.name = "scratch_" + UUID.randomUUID().toString().replace("-", "");
        this.url = parts.group(1) + name + parts.group(3);
        try (Connection server = DriverManager.getConnection(serverUrl, username, password);
                Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** @param serverUrl the JDBC URL of any database on the server, such as the service's own */
    public static ScratchDatabase on(String serverUrl, String username, String password) throws SQLException {
        return new ScratchDatabase(serverUrl, username, password);
    }

    /** On the server of the service under test, as its {@code quarkus.datasource} names it. */
    public static ScratchDatabase besideTheServices() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return on(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Runs the service's own migrations ({@code db/migration}) up to {@code target} ("latest" for all). */
    public void migrate(String target) {
        Flyway.configure()
                .dataSource(url, username, password)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Each row of a query as its columns joined by one space. */
    public List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect();
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    public void execute(String... statements) throws SQLException {
        try (Connection db = connect();
                Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection server = DriverManager.getConnection(serverUrl, username, password);
                Statement s = server.createStatement()) {
            s.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }
}
