package dev.authschema.cluster.it;

import dev.authschema.testsupport.Waits;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded background load: a few threads ask the nodes in turn for the signed-in users' sessions until stopped or
 * until the time limit, and record every outcome for the test to judge.
 */
final class Load implements AutoCloseable {

    /** A signed-in user the load asks about. */
    record User(String token, String email) {}

    /**
     * One request's outcome.
     *
     * @param sent   when it was sent
     * @param at     when it was answered
     * @param node   the node asked
     * @param user   the user asked about
     * @param status the HTTP status, or -1 when the connection failed
     * @param body   the body, or the connection error
     */
    record Outcome(Instant sent, Instant at, LibertyNode node, User user, int status, String body) {

        boolean signedIn() {
            return status == 200 && body.contains("\"" + user.email() + "\"");
        }

        /**
         * An error the user can be shown: a server-error status whose body is the session endpoint's JSON error code
         * (Auth.js's shape), with nothing of an exception in it. A failed or timed-out connection is not one.
         */
        boolean cleanError() {
            return status >= 500 && body.strip().startsWith("{\"error\"") && !showsStackTrace();
        }

        Duration duration() {
            return Duration.between(sent, at);
        }

        /** Only for answers: a failed connection's text is this JVM's own exception. */
        boolean showsStackTrace() {
            return status != -1 && Cluster.STACK_TRACE.matcher(body).find();
        }

        @Override
        public String toString() {
            return sent + " +" + duration().toMillis() + " ms " + node.name() + " " + status + " "
                    + body.substring(0, Math.min(body.length(), 200)).replaceAll("\\s+", " ");
        }
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    Load(List<LibertyNode> nodes, List<User> users, int threadCount, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        for (int t = 0; t < threadCount; t++) {
            int offset = t;
            Thread thread = new Thread(
                    () -> {
                        for (int i = offset; !stop.get() && Instant.now().isBefore(deadline); i++) {
                            LibertyNode node = nodes.get(i % nodes.size());
                            User user = users.get(i % users.size());
                            outcomes.add(ask(node, user));
                            Waits.sleep(Duration.ofMillis(50));
                        }
                    },
                    "load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private static Outcome ask(LibertyNode node, User user) {
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = Cluster.session(node, user.token());
            return new Outcome(sent, Instant.now(), node, user, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Outcome(sent, Instant.now(), node, user, -1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(sent, Instant.now(), node, user, -1, "interrupted");
        }
    }

    /** @return the outcomes so far */
    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Stops the threads and waits for their last requests. */
    void stop() {
        stop.set(true);
        try {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
