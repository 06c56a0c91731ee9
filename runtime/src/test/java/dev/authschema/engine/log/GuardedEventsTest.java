package dev.authschema.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.model.SessionUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedEventsTest {

    private static final Logger ENGINE_LOG = Logger.getLogger("dev.authschema.engine");
    private static final AdapterUser ANN =
            new AdapterUser("u-1", "Ann Example", "ann@example.com", null, "https://img.example/ann.png", Map.of());
    private static final AdapterAccount ACCOUNT = new AdapterAccount(
            "u-1", "oidc", "mock", "google-sub-4711", null, null, null, null, null, null, null, Map.of());

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        ENGINE_LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        ENGINE_LOG.removeHandler(capture);
    }

    /** A listener that quotes everything it was given in its failure, as careless application code does. */
    private static final class Quoting implements AuthEvents {

        @Override
        public void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
            throw new IllegalStateException(
                    "no CRM contact for " + user.email() + " (" + user.name() + ", " + account.providerAccountId()
                            + ")",
                    new RuntimeException("cause: " + user.image()));
        }

        @Override
        public void createUser(AdapterUser user) {
            throw new IllegalStateException("welcome mail to " + user.email().toUpperCase() + " failed");
        }

        @Override
        public void session(AuthSession session) {
            throw new IllegalStateException("audit of " + session.user().name() + " failed");
        }
    }

    private String logged() {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : records) {
            text.append(record.getMessage()).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
        }
        return text.toString();
    }

    @Test
    void a_failing_listener_is_logged_without_the_users_address_name_image_or_provider_account() {
        GuardedEvents events = new GuardedEvents(new Quoting(), new FlowLog(false));

        assertThatNoException().isThrownBy(() -> events.signIn(ANN, ACCOUNT, "mock", false));
        events.createUser(ANN);
        events.session(new AuthSession(
                new SessionUser("u-1", "Ann Example", "ann@example.com", null, Map.of()), Instant.EPOCH));

        String logged = logged();
        assertThat(records).hasSize(3);
        assertThat(logged)
                .contains(
                        "signIn event listener failed",
                        "createUser event listener failed",
                        "session event listener failed",
                        "no CRM contact for <redacted>",
                        "\tat " + getClass().getName())
                .doesNotContainIgnoringCase("ann@example.com")
                .doesNotContain("Ann Example", "google-sub-4711", "img.example");
    }
}
