package dev.authschema.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.engine.mail.EmailDeliveryException;
import jakarta.persistence.PersistenceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactedFailureTest {

    private static String printed(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void the_stores_messages_are_withheld_but_the_classes_the_sql_state_and_the_stack_stay() {
        SQLIntegrityConstraintViolationException sql = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'ann@example.com' for key 'users_email_key'", "23000", 1062);
        PersistenceException jpa = new PersistenceException("Internal Exception: " + sql.getMessage(), sql);
        DuplicateEmailException typed = new DuplicateEmailException("createUser", jpa);

        String logged = printed(RedactedFailure.of(typed, List.of()));

        assertThat(logged)
                .doesNotContain("ann@example.com")
                .contains("dev.authschema.adapter.DuplicateEmailException: createUser: another user already has")
                .contains("Caused by: jakarta.persistence.PersistenceException: (message withheld")
                .contains("Caused by: java.sql.SQLIntegrityConstraintViolationException: (message withheld: it may"
                        + " quote stored values; SQLState 23000, vendor code 1062)")
                .contains("\tat " + getClass().getName());
    }

    @Test
    void a_jdbc_exception_outside_an_adapter_exception_is_withheld_too() {
        RuntimeException wrapped = new IllegalStateException(
                "hand-written adapter failed", new java.sql.SQLException("value too long: 'Ann Example'", "22001"));

        String logged = printed(RedactedFailure.of(wrapped, List.of()));

        assertThat(logged)
                .contains("hand-written adapter failed")
                .doesNotContain("Ann Example")
                .contains("SQLState 22001");
    }

    @Test
    void the_given_values_are_replaced_in_every_message_whatever_their_case() {
        RuntimeException smtp = new RuntimeException("550 5.1.1 <Ann@Example.com>: Recipient address rejected");
        EmailDeliveryException failure = new EmailDeliveryException("Could not send to ann@example.com", smtp);
        failure.addSuppressed(new IllegalStateException("cleanup for ANN@EXAMPLE.COM failed"));

        String logged = printed(RedactedFailure.of(failure, List.of("ann@example.com", "")));

        assertThat(logged)
                .doesNotContainIgnoringCase("ann@example.com")
                .contains("550 5.1.1 <<redacted>>: Recipient address rejected")
                .contains("Suppressed: java.lang.IllegalStateException: cleanup for <redacted> failed");
    }

    @Test
    void a_cycle_of_causes_is_copied_once_and_null_stays_null() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);

        assertThat(printed(RedactedFailure.of(second, List.of())))
                .contains("second")
                .contains("first");
        assertThat(RedactedFailure.of(null, List.of())).isNull();
    }
}
