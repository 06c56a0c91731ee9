package dev.authschema.containerit;

import java.util.Collection;
import org.jboss.arquillian.junit5.IdentifiedTestException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Reports a case the kit skipped inside the server (an assumption: a capability the adapter does not declare) as
 * skipped on the client too. Arquillian's JUnit 5 runner sends it back wrapped in an
 * {@link IdentifiedTestException}, which JUnit would count as an error; anything else passes through unchanged.
 */
public final class InContainerSkips implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof IdentifiedTestException identified) {
            Collection<Throwable> causes = identified.getCollectedExceptions().values();
            if (!causes.isEmpty() && causes.stream().allMatch(TestAbortedException.class::isInstance)) {
                throw causes.iterator().next();
            }
        }
        throw thrown;
    }
}
