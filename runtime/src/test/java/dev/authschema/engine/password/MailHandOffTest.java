package dev.authschema.engine.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailHandOffTest {

    @Test
    void outside_a_server_the_mail_is_sent_on_the_calling_thread() {
        AtomicInteger sent = new AtomicInteger();

        MailHandOff.serverOrInline().run(sent::incrementAndGet);

        assertThat(sent).hasValue(1);
    }

    @Test
    void with_an_executor_the_call_returns_before_the_mail_is_sent() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        MailHandOff handOff = MailHandOff.on(queued::add);

        handOff.run(sent::incrementAndGet);

        assertThat(sent).as("not yet").hasValue(0);
        queued.forEach(Runnable::run);
        assertThat(sent).hasValue(1);
    }

    @Test
    void an_executor_that_refuses_the_task_leaves_the_mail_to_the_calling_thread() {
        AtomicInteger sent = new AtomicInteger();
        MailHandOff handOff = MailHandOff.on(task -> {
            throw new RejectedExecutionException("shutting down");
        });

        handOff.run(sent::incrementAndGet);

        assertThat(sent).hasValue(1);
    }
}
