package dev.authschema.containerit.engine;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;

/**
 * What an application writes to guard a CDI bean (Jakarta EE checks {@code @RolesAllowed} only on enterprise beans):
 * the method's (else the class's) {@code @RolesAllowed}, checked with {@link SecurityContext#isCallerInRole} against
 * the caller the engine's authentication mechanism made; anyone else gets a {@link SecurityException}.
 */
@GroupChecked
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class GroupCheckInterceptor {

    @Inject
    SecurityContext security;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        RolesAllowed allowed = invocation.getMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = invocation.getMethod().getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null && Arrays.stream(allowed.value()).noneMatch(security::isCallerInRole)) {
            throw new SecurityException(
                    invocation.getMethod().getName() + " needs one of the groups " + Arrays.toString(allowed.value()));
        }
        return invocation.proceed();
    }
}
