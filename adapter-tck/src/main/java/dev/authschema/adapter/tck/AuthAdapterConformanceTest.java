package dev.authschema.adapter.tck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The adapter conformance kit: extend this class in a test of your adapter and every case of the adapter contract
 * runs against it. The cases live in the {@code ...Cases} interfaces this class combines; the ones for capabilities
 * your adapter does not declare are skipped.
 *
 * <pre>{@code
 * class MyAdapterConformanceTest extends AuthAdapterConformanceTest {
 *     static final DataSource DB = TestDatabase.start();
 *
 *     protected AuthAdapter adapter() { return new MyAdapter(DB); }
 *     protected DatabaseInspector database() { return new MyRowReader(DB); }
 *     protected ExtraFields extraFields() {
 *         return ExtraFields.builder().user(ExtraField.of("loginCount", ScalarType.INT)).build();
 *     }
 *     protected void cleanDatabase() { TestDatabase.deleteAllRows(DB); }
 * }
 * }</pre>
 *
 * <p>Before each case the kit calls, in this order, {@link #adapter()}, {@link #cleanDatabase()},
 * {@link #database()} and {@link #extraFields()}: after your {@code @BeforeAll} methods and before your
 * {@code @BeforeEach} methods. The hooks may return the same objects every time.
 */
public abstract class AuthAdapterConformanceTest
        implements MethodPresenceCases,
                UserCases,
                AccountCases,
                SessionCases,
                VerificationTokenCases,
                AuthenticatorCases,
                RateLimitCases,
                PasswordCases,
                ExtraFieldCases,
                EdgeValueCases,
                TimeZoneCases,
                ConcurrencyCases,
                StoreFailureCases,
                ExactKeyCases,
                AccountUpdateCases {

    private ConformanceContext context;

    /**
     * @return the adapter under test
     */
    protected abstract AuthAdapter adapter();

    /**
     * @return direct read access to the adapter's database
     */
    protected abstract DatabaseInspector database();

    /**
     * Describes the extra fields of your schema so that the kit fills them and checks their round trips.
     *
     * @return the schema's extra fields; none by default
     */
    protected ExtraFields extraFields() {
        return ExtraFields.none();
    }

    /**
     * The id the kit gives each user it creates. Return {@code null} if your store generates ids (for example an
     * auto-increment column), so that the kit leaves it to the adapter.
     *
     * @return a new user id, a random UUID by default
     */
    protected String newUserId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The optional account properties your store has no column for. NextAuth v3 schemas, for example, have no
     * {@code token_type}, {@code scope}, {@code id_token} or {@code session_state}: the kit then links accounts with
     * those properties null and expects them back null.
     *
     * @return the account properties the store does not keep; none by default
     */
    protected Set<AccountProperty> unstoredAccountProperties() {
        return Set.of();
    }

    /**
     * Whether the store requires an e-mail address for every user (the current Auth.js Prisma schema declares
     * {@code email String @unique}): the kit then skips the case of users without one.
     *
     * @return false by default
     */
    protected boolean usersRequireEmail() {
        return false;
    }

    /**
     * Strict mode, on by default: Auth.js requires of every database adapter the methods of users, accounts and
     * sessions ({@code createUser} ... {@code deleteSession}, its "required methods"), and so does the kit, in
     * {@link MethodPresenceCases#declares_the_capabilities_of_the_methods_auth_js_requires}. Return {@code false} to opt out
     * for an adapter that serves only configurations without them (e-mail sign-in with JWT sessions, say): that case
     * is then skipped, and every other case still tests exactly what the adapter declares.
     *
     * @return whether the adapter must declare {@code USERS}, {@code ACCOUNTS} and {@code SESSIONS}; true by default
     */
    protected boolean requireAuthJsMethods() {
        return true;
    }

    /**
     * Extra fields whose values the store sets on its own, such as a timestamp updated on every write
     * ({@code @updatedAt}): the kit leaves them out when it compares models.
     *
     * @return the names of such extra fields, of any model; none by default
     */
    protected Set<String> storeManagedExtraFields() {
        return Set.of();
    }

    /**
     * Empties the database before each case. Optional: every case uses unique keys, so the cases also pass on a
     * database that keeps what earlier cases stored; cleaning keeps it small.
     *
     * @throws Exception if cleaning fails, which fails the case
     */
    protected void cleanDatabase() throws Exception {
        // nothing by default
    }

    /**
     * Skips a case whose capabilities the adapter does not declare, cleans the database and builds the context.
     *
     * @param testInfo the running case
     * @throws Exception if cleaning the database fails
     */
    @BeforeEach
    protected final void prepareConformanceCase(TestInfo testInfo) throws Exception {
        AuthAdapter adapter = adapter();
        Set<AdapterCapability> missing = EnumSet.noneOf(AdapterCapability.class);
        testInfo.getTestMethod()
                .map(method -> method.getAnnotation(Requires.class))
                .ifPresent(requires -> missing.addAll(Arrays.asList(requires.value())));
        missing.removeAll(adapter.capabilities());
        assumeTrue(missing.isEmpty(), () -> "the adapter does not declare " + missing);
        cleanDatabase();
        ModelAssertions.ignoreStoreManagedExtras(storeManagedExtraFields());
        Fixtures fixtures = new Fixtures(extraFields(), this::newUserId, unstoredAccountProperties());
        context = new ConformanceContext(adapter, database(), fixtures, usersRequireEmail(), requireAuthJsMethods());
    }

    /**
     * @return the context of the running case
     */
    @Override
    public final ConformanceContext context() {
        if (context == null) {
            throw new IllegalStateException("the conformance context is built before each case");
        }
        return context;
    }
}
