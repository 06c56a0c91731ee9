package dev.authschema.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The part a model plays for the adapter. A schema maps roles to models in its {@code modelMapping} block; the
 * properties of each role are in {@link CanonicalProperty}, which names its role (a role does not list them).
 */
public enum Role {
    USER("User"),
    ACCOUNT("Account"),
    SESSION("Session"),
    VERIFICATION_TOKEN("VerificationToken"),
    AUTHENTICATOR("Authenticator"),
    /** Optional: the engine's rate-limit counters, shared by every server on the database. */
    RATE_LIMIT("RateLimit");

    /** NextAuth v3's name of the verification token role, accepted in {@code modelMapping} and as a model name. */
    public static final String LEGACY_VERIFICATION_TOKEN = "VerificationRequest";

    private final String schemaName;

    Role(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The role's name in a {@code modelMapping} block, and the default model name that plays it. */
    public String schemaName() {
        return schemaName;
    }

    /** The role for a name written in {@code modelMapping}, accepting the legacy {@code VerificationRequest}. */
    public static Optional<Role> of(String schemaName) {
        if (LEGACY_VERIFICATION_TOKEN.equals(schemaName)) {
            return Optional.of(VERIFICATION_TOKEN);
        }
        return Arrays.stream(values())
                .filter(r -> r.schemaName.equals(schemaName))
                .findFirst();
    }

    /** Every name {@code modelMapping} accepts, the legacy one last. */
    public static List<String> schemaNames() {
        List<String> names = new java.util.ArrayList<>(
                Arrays.stream(values()).map(Role::schemaName).toList());
        names.add(LEGACY_VERIFICATION_TOKEN);
        return List.copyOf(names);
    }

    /** The model names that play this role when {@code modelMapping} does not name one. */
    public List<String> defaultModelNames() {
        return this == VERIFICATION_TOKEN ? List.of(schemaName, LEGACY_VERIFICATION_TOKEN) : List.of(schemaName);
    }
}
