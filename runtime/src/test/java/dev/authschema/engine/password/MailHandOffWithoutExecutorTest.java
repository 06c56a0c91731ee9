package dev.authschema.engine.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server without {@code java:comp/DefaultManagedExecutorService} (Liberty without {@code concurrent-3.0}) sends the
 * password mails on the request's thread, where the mail server's delay and failures tell taken addresses from new
 * ones again: the operator must hear of it, not only at FINE.
 */
class MailHandOffWithoutExecutorTest {

    /** A naming context with no managed executor, as a server without Jakarta Concurrency has. */
    public static final class NoExecutorContextFactory implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
            return (Context) java.lang.reflect.Proxy.newProxyInstance(
                    Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
                        if (method.getName().equals("lookup")) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        return null;
                    });
        }
    }

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger(MailHandOff.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private String previousFactory;

    @BeforeEach
    void install() {
        previousFactory = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, NoExecutorContextFactory.class.getName());
        logger.addHandler(handler);
    }

    @AfterEach
    void restore() {
        logger.removeHandler(handler);
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
    }

    @Test
    void a_server_without_the_managed_executor_is_warned_of() {
        MailHandOff.serverOrInline();

        assertThat(records).as("a warning that names the missing executor").anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains("java:comp/DefaultManagedExecutorService");
        });
    }

    @Test
    void java_se_without_any_naming_context_is_not_warned_of() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);

        MailHandOff.serverOrInline();

        assertThat(records).noneMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue());
    }
}
