package dev.authschema.containerit.engine;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean guarded by {@link GroupCheckInterceptor}: members may read, administrators may also delete. */
@ApplicationScoped
@GroupChecked
@RolesAllowed("MEMBER")
public class MemberNotes {

    @RolesAllowed("ADMIN")
    public String forAdmins() {
        return "allowed";
    }

    public String forMembers() {
        return "allowed";
    }
}
