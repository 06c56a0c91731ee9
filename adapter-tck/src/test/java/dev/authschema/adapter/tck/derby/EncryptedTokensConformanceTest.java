package dev.authschema.adapter.tck.derby;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import dev.authschema.engine.encryption.TokenCipher;
import dev.authschema.engine.encryption.TokenEncryptingAdapter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole kit against the reference adapter wrapped in {@link TokenEncryptingAdapter}: encryption at rest is
 * invisible to the kit. The kit reads account rows through an inspector that insists every stored token is
 * ciphertext and decrypts it, so that the kit's comparisons with the given tokens still hold.
 */
class EncryptedTokensConformanceTest extends AuthAdapterConformanceTest {

    private static final DerbyDatabase DATABASE = DerbyDatabase.createInMemory("encrypted-tokens");
    private static final List<String> SECRETS = List.of("kit-secret-Rz8Wq3Lm6Xv1Kt9Bn4Hc7Pd2");

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Override
    protected AuthAdapter adapter() {
        return TokenEncryptingAdapter.wrap(new DerbyReferenceAdapter(DATABASE), SECRETS);
    }

    @Override
    protected DatabaseInspector database() {
        return new DecryptingInspector(new DerbyDatabaseInspector(DATABASE), new TokenCipher(SECRETS));
    }

    @Override
    protected ExtraFields extraFields() {
        return DerbySchema.EXTRA_FIELDS;
    }

    @Override
    protected void cleanDatabase() {
        DATABASE.deleteAllRows();
    }

    /** Reads the rows as stored, and the account tokens as the application sees them. */
    private record DecryptingInspector(DatabaseInspector rows, TokenCipher cipher) implements DatabaseInspector {

        @Override
        public Optional<AdapterUser> user(String id) {
            return rows.user(id);
        }

        @Override
        public Optional<AdapterAccount> account(String provider, String providerAccountId) {
            return rows.account(provider, providerAccountId)
                    .map(a -> new AdapterAccount(
                            a.userId(),
                            a.type(),
                            a.provider(),
                            a.providerAccountId(),
                            open(a, a.refreshToken(), "refresh_token"),
                            open(a, a.accessToken(), "access_token"),
                            a.expiresAt(),
                            a.tokenType(),
                            a.scope(),
                            open(a, a.idToken(), "id_token"),
                            a.sessionState(),
                            a.extras()));
        }

        private String open(AdapterAccount account, String stored, String column) {
            if (stored == null) {
                return null;
            }
            if (!stored.startsWith(TokenCipher.PREFIX)) {
                throw new AssertionError("the stored " + column + " is not encrypted");
            }
            return cipher.decrypt(
                            stored, account.provider() + '\u0000' + account.providerAccountId() + '\u0000' + column)
                    .orElseThrow(() -> new AssertionError("the stored " + column + " does not decrypt"));
        }

        @Override
        public Optional<AdapterSession> session(String sessionToken) {
            return rows.session(sessionToken);
        }

        @Override
        public Optional<VerificationToken> verificationToken(String identifier, String token) {
            return rows.verificationToken(identifier, token);
        }

        @Override
        public Optional<AdapterAuthenticator> authenticator(String credentialId) {
            return rows.authenticator(credentialId);
        }
    }
}
