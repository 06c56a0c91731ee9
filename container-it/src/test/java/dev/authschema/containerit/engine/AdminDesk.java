package dev.authschema.containerit.engine;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/** An enterprise bean whose methods the container guards with {@code @RolesAllowed} against the engine's caller. */
@Stateless
public class AdminDesk {

    @RolesAllowed("ADMIN")
    public String forAdmins() {
        return "allowed";
    }

    @RolesAllowed("MEMBER")
    public String forMembers() {
        return "allowed";
    }
}
