package dev.authschema.cluster.it;

import dev.authschema.testsupport.Waits;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Stops and starts the local PostgreSQL cluster (pg_ctlcluster), for the restart test. */
final class Postgres {

    private Postgres() {}

    static void stop() {
        pgCtlCluster("stop");
    }

    static void start() {
        pgCtlCluster("start");
        awaitAccepting(Duration.ofSeconds(60));
    }

    /** Starts PostgreSQL if it does not answer: other modules of the build use it after these tests. */
    static void ensureRunning() {
        if (!accepting()) {
            start();
        }
    }

    static boolean accepting() {
        try (Connection connection =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void awaitAccepting(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!accepting()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "PostgreSQL does not accept connections " + timeout.toSeconds() + " s after its start");
            }
            Waits.sleep(Duration.ofMillis(500));
        }
    }

    private static void pgCtlCluster(String action) {
        String[] versions = new File("/etc/postgresql").list();
        if (versions == null || versions.length != 1) {
            throw new IllegalStateException("Expected one PostgreSQL version under /etc/postgresql");
        }
        try {
            Process process = new ProcessBuilder(
                            "pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", action)
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctlcluster " + action + " did not finish in 90 s");
            }
            String output = new String(process.getInputStream().readAllBytes());
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctlcluster " + action + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("pg_ctlcluster " + action + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
