package dev.authschema.bench.adapter;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.VerificationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Four adapter operations of the generated {@code JpaAuthAdapter} (EclipseLink, Java SE, its own connection pool)
 * against hand-written JDBC ({@link HandWrittenJdbc}, one connection per thread), on the same PostgreSQL schema with
 * the same {@value #USERS} users, accounts and sessions. Each trial (operation x implementation) runs in a fork of its
 * own on a fresh schema. Threads: {@code -t 1} and {@code -t 4} (see {@code run-adapter.sh}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AdapterBenchmark {

    static final int USERS = 10_000;

    /** The database with its rows, once per trial. */
    @State(Scope.Benchmark)
    public static class Database {

        /** {@code named}: the generated adapter with its JPQL as {@code @NamedQuery} ({@link NamedQueryVariant}). */
        @Param({"generated", "jdbc", "named"})
        public String implementation;

        AuthjsOnPostgres database;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            database = implementation.equals("named")
                    ? AuthjsOnPostgres.startWithNamedQueries()
                    : AuthjsOnPostgres.start();
            database.fill(USERS);
        }

        @TearDown(Level.Trial)
        public void stop() {
            database.close();
        }
    }

    /** One caller: the generated adapter (shared, thread-safe) or a JDBC connection of its own. */
    @State(Scope.Thread)
    public static class Caller {

        AuthOperations operations;
        SplittableRandom random;
        String threadTag;
        long sequence;
        private Connection connection;

        @Setup(Level.Trial)
        public void start(Database database, ThreadParams thread) throws SQLException {
            if (database.implementation.equals("jdbc")) {
                connection = database.database.connect();
                operations = new HandWrittenJdbc(connection, database.database);
            } else {
                operations = AuthOperations.of(database.database.adapter());
            }
            random = new SplittableRandom(42 + thread.getThreadIndex());
            threadTag = database.implementation + "-" + thread.getThreadIndex();
        }

        int anyUser() {
            return random.nextInt(USERS);
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** A verification token stored before each call of {@link #useVerificationToken}, outside the measured time. */
    @State(Scope.Thread)
    public static class FreshToken {

        private Connection connection;
        private PreparedStatement insert;
        private String tag;
        private long sequence;
        String identifier;
        String token;

        @Setup(Level.Trial)
        public void start(Database database, ThreadParams thread) throws SQLException {
            connection = database.database.connect();
            insert = connection.prepareStatement("INSERT INTO " + database.database.name("VerificationToken")
                    + " (identifier, token, expires) VALUES (?, ?, ?)");
            tag = "t" + thread.getThreadIndex() + "-";
        }

        @Setup(Level.Invocation)
        public void store() throws SQLException {
            identifier = "user" + (sequence % USERS) + "@example.com";
            token = tag + sequence++ + "-5b4c1f0e9d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c";
            insert.setString(1, identifier);
            insert.setString(2, token);
            insert.setObject(3, AuthjsOnPostgres.utc(Instant.now().plus(Duration.ofDays(1))));
            insert.executeUpdate();
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    @Benchmark
    public Optional<SessionAndUser> getSessionAndUser(Caller caller) {
        Optional<SessionAndUser> found =
                caller.operations.getSessionAndUser(AuthjsOnPostgres.sessionToken(caller.anyUser()));
        if (found.isEmpty()) {
            throw new IllegalStateException("a stored session was not found");
        }
        return found;
    }

    @Benchmark
    public Optional<AdapterUser> getUserByAccount(Caller caller) {
        Optional<AdapterUser> found =
                caller.operations.getUserByAccount("github", AuthjsOnPostgres.providerAccountId(caller.anyUser()));
        if (found.isEmpty()) {
            throw new IllegalStateException("a stored account was not found");
        }
        return found;
    }

    @Benchmark
    public AdapterSession createSession(Caller caller) {
        String token = "new-" + caller.threadTag + "-" + caller.sequence++ + "-0123456789abcdef0123456789abcdef";
        return caller.operations.createSession(AdapterSession.of(
                token, AuthjsOnPostgres.userId(caller.anyUser()), Instant.now().plus(Duration.ofDays(30))));
    }

    @Benchmark
    public Optional<VerificationToken> useVerificationToken(Caller caller, FreshToken fresh) {
        Optional<VerificationToken> used = caller.operations.useVerificationToken(fresh.identifier, fresh.token);
        if (used.isEmpty()) {
            throw new IllegalStateException("a stored token was not found");
        }
        return used;
    }
}
