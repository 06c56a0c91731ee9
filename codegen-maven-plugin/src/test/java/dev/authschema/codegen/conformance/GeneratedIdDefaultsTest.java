package dev.authschema.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @default(nanoid())}, {@code nanoid(n)}, {@code ulid()}, {@code cuid(2)} and {@code uuid(7)} ids, filled in by the entity before insert. */
class GeneratedIdDefaultsTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "nanoid()   | DERBY      | [A-Za-z0-9_-]{21}",
                "nanoid(12) | POSTGRESQL | [A-Za-z0-9_-]{12}",
                "ulid()     | MARIADB    | [0-9A-HJKMNP-TV-Z]{26}",
                "cuid(2)    | DERBY      | [a-z][0-9a-z]{23}",
                "uuid(7)    | POSTGRESQL | [0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
            })
    void a_user_created_without_an_id_gets_one_of_the_schemas_kind(
            String function, TestDatabase.Kind kind, String shape) throws Exception {
        String text = Samples.CURRENT.text().replace("@id @default(cuid())", "@id @default(" + function + ")");
        CompileResult result = SchemaCompiler.compile("ids.prisma", text);
        ResolvedSchema schema = result.schema().orElseThrow(() -> new AssertionError(result.render()));
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(schema, Samples.CURRENT.packageName, kind)) {
            AdapterUser first = harness.adapter().createUser(user("first@example.com"));
            AdapterUser second = harness.adapter().createUser(user("second@example.com"));

            assertThat(first.id()).matches(shape);
            assertThat(second.id()).matches(shape).isNotEqualTo(first.id());
            assertThat(harness.adapter().getUser(first.id()))
                    .map(AdapterUser::email)
                    .contains("first@example.com");
        }
    }

    private static AdapterUser user(String email) {
        return new AdapterUser(null, "Ids", email, null, null, Map.of());
    }
}
