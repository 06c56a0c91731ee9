package dev.authschema.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.Naming;
import dev.authschema.dsl.resolve.Provider;
import dev.authschema.dsl.resolve.ReferentialAction;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSchemasTest {

    private static ResolvedSchema resolve(String name) {
        CompileResult result = TestSchemas.compile(name);
        assertThat(result.hasErrors()).as(result.render()).isFalse();
        return result.schema().orElseThrow();
    }

    private static List<String> extraFieldNames(ResolvedModel model) {
        return model.extraFields().stream().map(ResolvedField::name).toList();
    }

    @Test
    void legacy_v3_schema_binds_the_legacy_names() {
        ResolvedSchema schema = resolve("authjs-v3-legacy.prisma");

        assertThat(schema.datasource().provider()).isEqualTo(Provider.DERBY); // sqlite plays Derby's part
        assertThat(schema.roles().keySet())
                .containsExactly(Role.USER, Role.ACCOUNT, Role.SESSION, Role.VERIFICATION_TOKEN);
        assertThat(schema.model(Role.VERIFICATION_TOKEN).orElseThrow().name()).isEqualTo("VerificationRequest");

        ResolvedModel account = schema.model(Role.ACCOUNT).orElseThrow();
        assertThat(account.tableName()).isEqualTo("accounts");
        assertThat(account.field(CanonicalProperty.ACCOUNT_TYPE).orElseThrow().name())
                .isEqualTo("providerType");
        assertThat(account.field(CanonicalProperty.ACCOUNT_PROVIDER)
                        .orElseThrow()
                        .name())
                .isEqualTo("providerId");
        assertThat(account.field(CanonicalProperty.ACCOUNT_COMPOUND_ID)
                        .orElseThrow()
                        .columnName())
                .isEqualTo("compound_id");
        ResolvedField expires =
                account.field(CanonicalProperty.ACCOUNT_EXPIRES_AT).orElseThrow();
        assertThat(expires.name()).isEqualTo("accessTokenExpires");
        assertThat(expires.scalarType()).isEqualTo(ScalarType.DATETIME);
        assertThat(expires.legacyBound()).isTrue();
        assertThat(account.field(CanonicalProperty.ACCOUNT_ID).orElseThrow().defaultValue())
                .isEqualTo(new DefaultValue.AutoIncrement());
        assertThat(extraFieldNames(account)).containsExactly("createdAt", "updatedAt");
        assertThat(account.indexes())
                .extracting(i -> i.dbName())
                .containsExactly("providerAccountId", "providerId", "userId");

        ResolvedModel session = schema.model(Role.SESSION).orElseThrow();
        assertThat(session.field(CanonicalProperty.SESSION_ACCESS_TOKEN)
                        .orElseThrow()
                        .columnName())
                .isEqualTo("access_token");
        assertThat(session.field(CanonicalProperty.SESSION_USER_ID)
                        .orElseThrow()
                        .scalarType())
                .isEqualTo(ScalarType.INT);

        ResolvedModel user = schema.model(Role.USER).orElseThrow();
        assertThat(user.primaryKey()).containsExactly("id");
        assertThat(user.field(CanonicalProperty.USER_EMAIL_VERIFIED)
                        .orElseThrow()
                        .columnName())
                .isEqualTo("email_verified");
        assertThat(extraFieldNames(user)).containsExactly("createdAt", "updatedAt");
    }

    @Test
    void legacy_v3_schema_warns_about_the_missing_user_relations() {
        CompileResult result = TestSchemas.compile("authjs-v3-legacy.prisma");

        assertThat(result.diagnostics()).allMatch(d -> !d.isError());
        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.startsWith("The model `Account` (role Account) has no relation to `User`"))
                .anyMatch(m -> m.startsWith("The model `Session` (role Session) has no relation to `User`"));
    }

    @Test
    void current_auth_js_schema_binds_every_role_including_authenticator() {
        ResolvedSchema schema = resolve("authjs-current.prisma");

        // Every Auth.js role; RateLimit is AuthSchema's own, optional one.
        assertThat(schema.roles().keySet())
                .containsExactly(Role.USER, Role.ACCOUNT, Role.SESSION, Role.VERIFICATION_TOKEN, Role.AUTHENTICATOR);
        assertThat(schema.datasource().provider()).isEqualTo(Provider.POSTGRESQL);
        assertThat(schema.datasource().url().environmentVariable()).isEqualTo("DATABASE_URL");

        ResolvedModel account = schema.model(Role.ACCOUNT).orElseThrow();
        assertThat(account.primaryKey()).containsExactly("provider", "providerAccountId");
        for (CanonicalProperty property : CanonicalProperty.of(Role.ACCOUNT)) {
            if (property != CanonicalProperty.ACCOUNT_ID && property != CanonicalProperty.ACCOUNT_COMPOUND_ID) {
                assertThat(account.field(property)).as(property.name()).isPresent();
            }
        }
        assertThat(extraFieldNames(account)).containsExactly("createdAt", "updatedAt");
        ResolvedField user = account.field("user").orElseThrow();
        assertThat(user.kind()).isEqualTo(FieldKind.RELATION);
        assertThat(user.relation().fields()).containsExactly("userId");
        assertThat(user.relation().references()).containsExactly("id");
        assertThat(user.relation().onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(user.relation().oppositeField()).isEqualTo("accounts");

        ResolvedModel userModel = schema.model(Role.USER).orElseThrow();
        ResolvedField accounts = userModel.field("accounts").orElseThrow();
        assertThat(accounts.list()).isTrue();
        assertThat(accounts.relation().isOwningSide()).isFalse();
        assertThat(accounts.relation().oppositeField()).isEqualTo("user");
        assertThat(userModel.field("createdAt").orElseThrow().defaultValue()).isEqualTo(new DefaultValue.Now());
        assertThat(userModel.field("updatedAt").orElseThrow().updatedAt()).isTrue();

        ResolvedModel token = schema.model(Role.VERIFICATION_TOKEN).orElseThrow();
        assertThat(token.primaryKey()).containsExactly("identifier", "token");
        assertThat(token.extraFields()).isEmpty();

        ResolvedModel authenticator = schema.model(Role.AUTHENTICATOR).orElseThrow();
        assertThat(authenticator
                        .field(CanonicalProperty.AUTHENTICATOR_CREDENTIAL_BACKED_UP)
                        .orElseThrow()
                        .scalarType())
                .isEqualTo(ScalarType.BOOLEAN);
        assertThat(authenticator.primaryKey()).containsExactly("userId", "credentialID");
    }

    @Test
    void custom_models_are_bound_through_model_mapping() {
        ResolvedSchema schema = resolve("custom-models.prisma");

        assertThat(schema.generator().packageName()).isEqualTo("com.example.club.auth");
        assertThat(schema.generator().tablePrefix()).isEqualTo("club_");
        assertThat(schema.generator().naming()).isEqualTo(Naming.PRESERVE);
        assertThat(schema.generator().persistenceUnit()).isEqualTo("authschema");
        assertThat(schema.generator().dataSource()).isEqualTo("jdbc/authschema");
        assertThat(schema.roles()).hasSize(4);
        assertThat(schema.model(Role.USER).orElseThrow().name()).isEqualTo("Member");
        assertThat(schema.model(Role.ACCOUNT).orElseThrow().name()).isEqualTo("LinkedAccount");
        assertThat(schema.model(Role.SESSION).orElseThrow().name()).isEqualTo("LoginSession");
        assertThat(schema.model(Role.VERIFICATION_TOKEN).orElseThrow().name()).isEqualTo("MagicLink");
        assertThat(schema.model(Role.AUTHENTICATOR)).isEmpty();

        ResolvedModel member = schema.model("Member").orElseThrow();
        assertThat(member.tableName()).isEqualTo("club_members");
        assertThat(member.docs()).containsExactly("A person who can sign in.");
        assertThat(extraFieldNames(member)).containsExactly("displayName", "role", "phone", "joinedAt", "updatedAt");
        ResolvedField role = member.field("role").orElseThrow();
        assertThat(role.kind()).isEqualTo(FieldKind.ENUM);
        assertThat(role.defaultValue()).isEqualTo(new DefaultValue.EnumConstant("MEMBER"));
        assertThat(member.field("displayName").orElseThrow().docs())
                .containsExactly(
                        "Extra fields: not part of the adapter contract, generated and persisted all the same.");
        assertThat(member.field(CanonicalProperty.USER_ID).orElseThrow().defaultValue())
                .isEqualTo(new DefaultValue.Uuid());

        ResolvedModel account = schema.model("LinkedAccount").orElseThrow();
        assertThat(account.field(CanonicalProperty.ACCOUNT_EXPIRES_AT)
                        .orElseThrow()
                        .scalarType())
                .isEqualTo(ScalarType.BIGINT);
        assertThat(account.field(CanonicalProperty.ACCOUNT_ID_TOKEN)
                        .orElseThrow()
                        .nativeType()
                        .name())
                .isEqualTo("Text");
        assertThat(account.field(CanonicalProperty.ACCOUNT_USER_ID)
                        .orElseThrow()
                        .columnName())
                .isEqualTo("user_id");

        ResolvedModel session = schema.model("LoginSession").orElseThrow();
        assertThat(extraFieldNames(session)).containsExactly("userAgent", "ipAddress");
        assertThat(session.indexes())
                .extracting(i -> i.fields())
                .containsExactly(List.of("userId"), List.of("expires"));

        ResolvedModel event = schema.model("Event").orElseThrow();
        assertThat(event.role()).isNull();
        assertThat(event.tableName()).isEqualTo("club_events");
        assertThat(event.field("order").orElseThrow().columnName()).isEqualTo("order");

        assertThat(schema.enumeration("MemberRole").orElseThrow().values())
                .extracting(v -> v.name())
                .containsExactly("MEMBER", "ORGANISER", "ADMIN");
    }

    @Test
    void the_generator_block_names_the_persistence_unit_and_its_data_source() {
        String schema = TestSchemas.read("custom-models.prisma")
                .replace(
                        "tablePrefix = \"club_\"", "persistenceUnit = \"club\"\n  dataSource = \"java:app/jdbc/club\"");
        ResolvedSchema resolved =
                SchemaCompiler.compile("unit.prisma", schema).schema().orElseThrow();

        assertThat(resolved.generator().persistenceUnit()).isEqualTo("club");
        assertThat(resolved.generator().dataSource()).isEqualTo("java:app/jdbc/club");
    }

    @Test
    void snake_case_naming_applies_where_no_map_is_given() {
        String schema =
                TestSchemas.read("custom-models.prisma").replace("tablePrefix = \"club_\"", "naming = \"snake_case\"");
        ResolvedSchema resolved =
                SchemaCompiler.compile("snake.prisma", schema).schema().orElseThrow();

        assertThat(resolved.model("Event")
                        .orElseThrow()
                        .field("startsAt")
                        .orElseThrow()
                        .columnName())
                .isEqualTo("starts_at");
        assertThat(resolved.model("Member")
                        .orElseThrow()
                        .field("displayName")
                        .orElseThrow()
                        .columnName())
                .isEqualTo("display_name");
        assertThat(resolved.model("LinkedAccount")
                        .orElseThrow()
                        .field("providerAccountId")
                        .orElseThrow()
                        .columnName())
                .isEqualTo("provider_account_id");
        assertThat(resolved.model("Member")
                        .orElseThrow()
                        .field("emailVerified")
                        .orElseThrow()
                        .columnName())
                .isEqualTo("email_verified");
    }

    @Test
    void a_rate_limit_model_binds_by_name_or_through_model_mapping() {
        String base = """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }
                model User {
                  id    String  @id
                  email String? @unique
                }
                """;
        var byName = dev.authschema.dsl.SchemaCompiler.compile("by-name.prisma", base + """
                model RateLimit {
                  key         String   @id
                  count       Int
                  windowStart DateTime @map("window_start")
                }
                """);
        assertThat(byName.diagnostics()).isEmpty();
        ResolvedModel model =
                byName.schema().orElseThrow().model(Role.RATE_LIMIT).orElseThrow();
        assertThat(model.field(CanonicalProperty.RATE_LIMIT_KEY)).isPresent();
        assertThat(model.field(CanonicalProperty.RATE_LIMIT_COUNT)).isPresent();
        assertThat(model.field(CanonicalProperty.RATE_LIMIT_WINDOW_START)).isPresent();

        var mapped = dev.authschema.dsl.SchemaCompiler.compile("mapped.prisma", base + """
                modelMapping {
                  RateLimit = Throttle
                }
                model Throttle {
                  id          String   @id
                  key         String   @unique
                  count       BigInt
                  windowStart DateTime
                }
                """);
        assertThat(mapped.diagnostics()).isEmpty();
        assertThat(mapped.schema()
                        .orElseThrow()
                        .model(Role.RATE_LIMIT)
                        .orElseThrow()
                        .name())
                .isEqualTo("Throttle");
    }

    @Test
    void a_password_hash_field_binds_to_the_property_and_is_no_extra_field() {
        String schema = TestSchemas.read("custom-models.prisma")
                .replace("tablePrefix = \"club_\"", "naming = \"snake_case\"")
                .replace(
                        "  image         String?\n",
                        "  image         String?\n  passwordHash  String? @db.VarChar(255)\n");
        CompileResult result = SchemaCompiler.compile("passwords.prisma", schema);
        assertThat(result.hasErrors()).as(result.render()).isFalse();
        ResolvedModel member = result.schema().orElseThrow().model(Role.USER).orElseThrow();

        ResolvedField hash = member.field(CanonicalProperty.USER_PASSWORD_HASH).orElseThrow();
        assertThat(hash.name()).isEqualTo("passwordHash");
        assertThat(hash.columnName()).isEqualTo("password_hash");
        assertThat(hash.optional()).isTrue();
        assertThat(extraFieldNames(member)).doesNotContain("passwordHash");
    }
}
