package dev.authschema.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.JpaProvider;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user with a unique field of the application's own next to the e-mail address, on each real database: only a taken
 * address is a {@link DuplicateEmailException}; a taken handle or id is a plain duplicate that names its key, so the
 * engine does not tell the user that their address is taken when it is not. Nothing is stored by a refused call.
 */
class UniqueKeyErrorsTest {

    private static final String HANDLE = "handle";

    private static ResolvedSchema schemaWithHandle() {
        String text = Samples.CURRENT
                .text()
                .replace("  image         String?\n", "  image         String?\n  handle String? @unique\n");
        CompileResult result = SchemaCompiler.compile("authjs-current.prisma", text);
        return result.schema().orElseThrow(() -> new AssertionError(result.render()));
    }

    /** Each database under each provider: Hibernate wraps the driver's exception differently from EclipseLink. */
    static Stream<Arguments> targets() {
        return Arrays.stream(JpaProvider.values())
                .flatMap(provider ->
                        Arrays.stream(TestDatabase.Kind.values()).map(kind -> Arguments.of(kind, provider)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("targets")
    void only_the_address_key_makes_a_taken_address(TestDatabase.Kind kind, JpaProvider provider) throws Exception {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(schemaWithHandle(), Samples.CURRENT.packageName, kind, provider)) {
            AuthAdapter adapter = harness.adapter();
            String email = "keys-" + UUID.randomUUID() + "@example.com";
            AdapterUser ann = adapter.createUser(user(null, email, "ann"));

            assertThatThrownBy(() -> adapter.createUser(user(null, email, "bo")))
                    .isInstanceOf(DuplicateEmailException.class);
            assertThatThrownBy(() -> adapter.createUser(user(null, "other-" + email, "ann")))
                    .isExactlyInstanceOf(AdapterException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("User_handle_key"))
                    .hasMessageNotContaining("ann");
            assertThatThrownBy(() -> adapter.createUser(user(ann.id(), "third-" + email, "cy")))
                    .isExactlyInstanceOf(AdapterException.class)
                    .hasMessageNotContaining(email);
            assertThat(adapter.getUserByEmail("other-" + email)).isEmpty();
            assertThat(adapter.getUserByEmail("third-" + email)).isEmpty();

            AdapterUser bo = adapter.createUser(user(null, "bo-" + email, "bo"));
            assertThatThrownBy(() -> adapter.updateUser(UserUpdate.of(bo.id()).withEmail(email)))
                    .isInstanceOf(DuplicateEmailException.class);
            assertThatThrownBy(() -> adapter.updateUser(
                            UserUpdate.of(bo.id()).withEmail("new-" + email).withExtra(HANDLE, "ann")))
                    .isExactlyInstanceOf(AdapterException.class);
            assertThat(adapter.getUser(bo.id()).orElseThrow().email())
                    .as("the refused update changed nothing")
                    .isEqualTo("bo-" + email);
        }
    }

    private static AdapterUser user(String id, String email, String handle) {
        return new AdapterUser(id, "Keys", email, null, null, Map.of(HANDLE, handle));
    }
}
