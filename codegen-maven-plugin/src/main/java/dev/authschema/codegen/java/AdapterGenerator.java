package dev.authschema.codegen.java;

import static dev.authschema.contract.CanonicalProperty.ACCOUNT_COMPOUND_ID;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_EXPIRES_AT;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_USER_ID;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_COUNTER;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_BACKED_UP;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_ID;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_PROVIDER_ACCOUNT_ID;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_TRANSPORTS;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_USER_ID;
import static dev.authschema.contract.CanonicalProperty.SESSION_ACCESS_TOKEN;
import static dev.authschema.contract.CanonicalProperty.SESSION_EXPIRES;
import static dev.authschema.contract.CanonicalProperty.SESSION_TOKEN;
import static dev.authschema.contract.CanonicalProperty.SESSION_USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_EMAIL;
import static dev.authschema.contract.CanonicalProperty.USER_EMAIL_VERIFIED;
import static dev.authschema.contract.CanonicalProperty.USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_IMAGE;
import static dev.authschema.contract.CanonicalProperty.USER_NAME;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_EXPIRES;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_IDENTIFIER;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_TOKEN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Capability;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.dsl.resolve.ScalarType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.lang.model.element.Modifier;

/**
 * The {@code AuthAdapter} of a schema, written against its own entities: JPQL with the schema's model
 * names, the canonical properties mapped to their fields (legacy v3 columns included), and extra
 * fields mapped by name, with type checks, to and from the records' extras.
 */
final class AdapterGenerator {

    static final String ADAPTER = "JpaAuthAdapter";

    private static final ClassName ADAPTER_USER = Types.adapter("AdapterUser");
    private static final ClassName ADAPTER_ACCOUNT = Types.adapter("AdapterAccount");
    private static final ClassName ADAPTER_SESSION = Types.adapter("AdapterSession");
    private static final ClassName SESSION_AND_USER = Types.adapter("SessionAndUser");
    private static final ClassName VERIFICATION_TOKEN = Types.adapter("VerificationToken");
    private static final ClassName ADAPTER_AUTHENTICATOR = Types.adapter("AdapterAuthenticator");
    private static final ClassName USER_UPDATE = Types.adapter("UserUpdate");
    private static final ClassName SESSION_UPDATE = Types.adapter("SessionUpdate");
    private static final ClassName CAPABILITY = Types.adapter("AdapterCapability");
    private static final ClassName ADAPTER_EXCEPTION = Types.adapter("AdapterException");
    private static final ClassName DUPLICATE_ACCOUNT = Types.adapter("DuplicateAccountException");
    private static final ClassName UNKNOWN_USER = Types.adapter("UnknownUserException");
    private static final ClassName STORE_OPERATION = Types.jpaSupport("StoreOperation");
    private static final TypeName EXTRAS = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Object.class));
    /** Reads fresh rows for sessions and tokens even where a cached copy exists: another server may have changed them. */
    private static final String BYPASS_CACHE = "jakarta.persistence.cache.retrieveMode";

    private final ResolvedSchema schema;
    private final String packageName;
    private final RoleModel user;
    private final RoleModel account;
    private final RoleModel session;
    private final RoleModel token;
    private final RoleModel authenticator;
    private final RoleModel rateLimit;
    private final ClassName self;

    AdapterGenerator(ResolvedSchema schema, String packageName) {
        this.schema = schema;
        this.packageName = packageName;
        this.user = role(Role.USER);
        this.account = role(Role.ACCOUNT);
        this.session = role(Role.SESSION);
        this.token = role(Role.VERIFICATION_TOKEN);
        this.authenticator = role(Role.AUTHENTICATOR);
        this.rateLimit = role(Role.RATE_LIMIT);
        this.self = ClassName.get(packageName, ADAPTER);
    }

    private RoleModel role(Role role) {
        return schema.model(role).map(m -> new RoleModel(m, packageName)).orElse(null);
    }

    JavaFile generate() {
        TypeSpec.Builder type = TypeSpec.classBuilder(ADAPTER)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Types.AUTH_ADAPTER)
                .addSuperinterface(Types.adapter("AdapterMaintenance"))
                .addAnnotation(EntityGenerator.generated())
                .addJavadoc(javadoc())
                .addField(FieldSpec.builder(Types.JPA_STORE, "store", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("@param work runs each operation in a transaction: {@code new ResourceLocalJpaWork(factory)} in Java SE,\n"
                                + "    the container's {@code ContainerJpaWork} in a server ({@link $L} wires that)\n", AdapterProducerGenerator.PRODUCER)
                        .addParameter(Types.JPA_WORK, "work")
                        .addStatement("this.store = new $T(work)", Types.JPA_STORE).build())
                .addMethod(capabilities());
        users(type);
        if (account != null) {
            accounts(type);
        }
        if (session != null) {
            sessions(type);
        }
        if (token != null) {
            verificationTokens(type);
        }
        if (authenticator != null) {
            authenticators(type);
        }
        if (rateLimit != null) {
            RateLimitMethods.addTo(type, rateLimit);
        }
        maintenance(type);
        keyParsers(type);
        return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    private CodeBlock javadoc() {
        CodeBlock.Builder doc = CodeBlock.builder().add("The {@link $T} of this schema, over JPA. The roles are played by:\n<ul>\n", Types.AUTH_ADAPTER);
        for (Map.Entry<Role, ?> entry : schema.roles().entrySet()) {
            doc.add("  <li>$L: {@link $L}</li>\n", entry.getKey().schemaName(), schema.model(entry.getKey()).orElseThrow().name());
        }
        return doc.add("</ul>\n")
                .add("<p>Keys compare exactly: each lookup by a string key also compares the row's key in Java, because\n"
                        + "databases that compare with PAD SPACE (Derby, MySQL's and MariaDB's PAD collations) find {@code \"a\"} for\n"
                        + "{@code \"a \"}.\n")
                .build();
    }

    private MethodSpec capabilities() {
        List<Capability> capabilities = Arrays.stream(Capability.values()).filter(c -> schema.model(c.role()).isPresent()).toList();
        CodeBlock list = CodeBlock.join(capabilities.stream().map(c -> CodeBlock.of("$T.$L", CAPABILITY, c.name())).toList(), ", ");
        return override("capabilities").returns(ParameterizedTypeName.get(ClassName.get(Set.class), CAPABILITY))
                .addStatement("return $T.of($L)", EnumSet.class, list).build();
    }

    // ---------------------------------------------------------------- users

    private void users(TypeSpec.Builder type) {
        ResolvedField id = user.field(USER_ID).orElseThrow();
        boolean generatedId = id.defaultValue() != null;
        MethodSpec.Builder create = override("createUser").returns(ADAPTER_USER).addParameter(ADAPTER_USER, "user")
                .addCode("return store.write($T.createUser(user), entityManager -> {\n$>", STORE_OPERATION)
                .addStatement("$T entity = new $T()", user.entity, user.entity);
        if (id.defaultValue() instanceof DefaultValue.AutoIncrement) {
            create.addComment("The database numbers users: a given id is not used.");
        } else if (id.scalarType() == ScalarType.STRING && !generatedId) {
            create.addStatement("entity.$N(user.id() != null ? user.id() : $T.randomUUID().toString())", user.setter(USER_ID), UUID.class);
        } else {
            create.beginControlFlow("if (user.id() != null)")
                    .addStatement("entity.$N($L)", user.setter(USER_ID), requiredKey(user, CodeBlock.of("user.id()")))
                    .endControlFlow();
        }
        for (var property : List.of(USER_NAME, USER_EMAIL, USER_EMAIL_VERIFIED, USER_IMAGE)) {
            if (user.has(property)) {
                create.addStatement("entity.$N(user.$N())", user.setter(property), accessor(property));
            }
        }
        create.addStatement("writeUserExtras(entity, user.extras())")
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toUser(entity)")
                .addCode("$<});\n");
        type.addMethod(create.build());

        type.addMethod(override("getUser").returns(optionalOf(ADAPTER_USER)).addParameter(String.class, "id")
                .addStatement("$T key = $L", keyType(user, USER_ID), key(user, CodeBlock.of("id")))
                .beginControlFlow("if (key == null)").addStatement("return $T.empty()", Optional.class).endControlFlow()
                .addStatement("return store.read(entityManager -> $T.ofNullable(entityManager.find($T.class, key))\n$>.map($T::toUser))$<",
                        Optional.class, user.entity, self)
                .build());

        MethodSpec.Builder byEmail = override("getUserByEmail").returns(optionalOf(ADAPTER_USER)).addParameter(String.class, "email");
        if (user.has(USER_EMAIL)) {
            byEmail.addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                            + ".setParameter($S, email)\n.getResultStream()\n.filter(found -> email.equals($L))\n"
                            + ".findFirst().map($T::toUser))$<",
                    "SELECT u FROM " + user.name() + " u WHERE " + user.path("u", USER_EMAIL) + " = :email", user.entity, "email",
                    user.get("found", USER_EMAIL), self);
        } else {
            byEmail.addComment("The $L model has no email field.", user.name()).addStatement("return $T.empty()", Optional.class);
        }
        type.addMethod(byEmail.build());

        MethodSpec.Builder update = override("updateUser").returns(ADAPTER_USER).addParameter(USER_UPDATE, "update")
                .addStatement("$T key = $L", keyType(user, USER_ID), key(user, CodeBlock.of("update.userId()")))
                .addCode("return store.write($T.updateUser(update), entityManager -> {\n$>", STORE_OPERATION)
                .addStatement("$T entity = key == null ? null : entityManager.find($T.class, key)", user.entity, user.entity)
                .beginControlFlow("if (entity == null)")
                .addStatement("throw new $T($S, null)", UNKNOWN_USER, "updateUser")
                .endControlFlow();
        for (var property : CanonicalProperty.updatable(Role.USER)) {
            if (user.has(property)) {
                update.beginControlFlow("if (update.isSet($T.Property.$L))", USER_UPDATE, property.updateConstant())
                        .addStatement("entity.$N(update.$N())", user.setter(property), accessor(property))
                        .endControlFlow();
            }
        }
        type.addMethod(update.addStatement("writeUserExtras(entity, update.extras())")
                .addStatement("entityManager.flush()")
                .addStatement("return toUser(entity)")
                .addCode("$<});\n").build());

        MethodSpec.Builder delete = override("deleteUser").addParameter(String.class, "id")
                .addStatement("$T key = $L", keyType(user, USER_ID), key(user, CodeBlock.of("id")))
                .beginControlFlow("if (key == null)").addStatement("return").endControlFlow()
                .addCode("store.write($T.named($S), entityManager -> {\n$>", STORE_OPERATION, "deleteUser")
                .addComment("Rows that belong to the user go first, whether or not the database cascades.");
        for (var owned : List.of(new Owned(account, ACCOUNT_USER_ID), new Owned(session, SESSION_USER_ID), new Owned(authenticator, AUTHENTICATOR_USER_ID))) {
            if (owned.model != null) {
                delete.addStatement("entityManager.createQuery($S).setParameter($S, key).executeUpdate()",
                        "DELETE FROM " + owned.model.name() + " x WHERE " + owned.model.path("x", owned.reference) + " = :userId", "userId");
            }
        }
        type.addMethod(delete.addStatement("entityManager.createQuery($S).setParameter($S, key).executeUpdate()",
                        "DELETE FROM " + user.name() + " u WHERE " + user.path("u", USER_ID) + " = :id", "id")
                .addComment("A bulk delete bypasses the shared cache: drop the cached user too.")
                .addStatement("entityManager.getEntityManagerFactory().getCache().evict($T.class, key)", user.entity)
                .addStatement("return null")
                .addCode("$<});\n").build());

        type.addMethod(MethodSpec.methodBuilder("toUser").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(ADAPTER_USER)
                .addParameter(user.entity, "entity")
                .addStatement("return new $T($L, $L, $L, $L, $L, readUserExtras(entity))", ADAPTER_USER, idString(user, USER_ID),
                        getOrNull(user, USER_NAME), getOrNull(user, USER_EMAIL), getOrNull(user, USER_EMAIL_VERIFIED), getOrNull(user, USER_IMAGE))
                .build());
        extras(type, user, "User");
    }

    private record Owned(RoleModel model, CanonicalProperty reference) {}

    /** The record accessor of a property the runtime record carries. */
    private static String accessor(CanonicalProperty property) {
        return property.accessor().orElseThrow(() -> new IllegalArgumentException(property + " is not in the record"));
    }

    // ---------------------------------------------------------------- accounts

    private void accounts(TypeSpec.Builder type) {
        String byKey = "SELECT a FROM " + account.name() + " a WHERE " + account.path("a", ACCOUNT_PROVIDER) + " = :provider AND "
                + account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID) + " = :providerAccountId";
        type.addMethod(override("getUserByAccount").returns(optionalOf(ADAPTER_USER))
                .addParameter(String.class, "provider").addParameter(String.class, "providerAccountId")
                .addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T[].class)\n"
                                + ".setParameter($S, provider)\n.setParameter($S, providerAccountId)\n.getResultStream()\n"
                                + ".filter(row -> provider.equals(row[1]) && providerAccountId.equals(row[2]))\n"
                                + ".findFirst().map(row -> toUser(($T) row[0])))$<",
                        "SELECT u, " + account.path("a", ACCOUNT_PROVIDER) + ", " + account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID)
                                + " FROM " + user.name() + " u, " + account.name() + " a WHERE " + user.path("u", USER_ID) + " = "
                                + account.path("a", ACCOUNT_USER_ID) + " AND " + account.path("a", ACCOUNT_PROVIDER) + " = :provider AND "
                                + account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID) + " = :providerAccountId",
                        Object.class, "provider", "providerAccountId", user.entity)
                .build());

        MethodSpec.Builder link = override("linkAccount").returns(ADAPTER_ACCOUNT).addParameter(ADAPTER_ACCOUNT, "account")
                .addStatement("$T userKey = $L", keyType(user, USER_ID), requiredKey(user, CodeBlock.of("account.userId()")))
                .addCode("return store.write($T.linkAccount(account), entityManager -> {\n$>", STORE_OPERATION)
                .addCode(userMustExist(account, ACCOUNT_USER_ID, "linkAccount"))
                .addStatement("boolean linked = !entityManager.createQuery($S, $T.class)\n$>.setParameter($S, account.provider())\n"
                        + ".setParameter($S, account.providerAccountId())\n.getResultList().isEmpty()$<", byKey, account.entity, "provider", "providerAccountId")
                .beginControlFlow("if (linked)")
                .addStatement("throw new $T(account.provider(), account.providerAccountId(), null)", DUPLICATE_ACCOUNT)
                .endControlFlow()
                .addStatement("$T entity = new $T()", account.entity, account.entity);
        account.idWithoutDefault().ifPresent(id -> link.addStatement("entity.$N($T.randomUUID().toString())", account.names.setter(id), UUID.class));
        link.addStatement("entity.$N(userKey)", account.setter(ACCOUNT_USER_ID));
        for (var property : CanonicalProperty.recordComponents(Role.ACCOUNT)) {
            if (property != ACCOUNT_USER_ID && property != ACCOUNT_EXPIRES_AT && account.has(property)) {
                link.addStatement("entity.$N(account.$N())", account.setter(property), accessor(property));
            }
        }
        if (account.has(ACCOUNT_EXPIRES_AT)) {
            link.addStatement("entity.$N($L)", account.setter(ACCOUNT_EXPIRES_AT), expiresAtToEntity(CodeBlock.of("account.expiresAt()")));
        }
        if (account.has(ACCOUNT_COMPOUND_ID)) {
            link.addStatement("entity.$N($T.compoundId(account.provider(), account.providerAccountId()))", account.setter(ACCOUNT_COMPOUND_ID), Types.LEGACY);
        }
        type.addMethod(link.addStatement("writeAccountExtras(entity, account.extras())")
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toAccount(entity)")
                .addCode("$<});\n").build());

        type.addMethod(override("unlinkAccount").addParameter(String.class, "provider").addParameter(String.class, "providerAccountId")
                .addStatement("store.write($T.named($S), entityManager -> entityManager\n$>.createQuery($S)\n"
                        + ".setParameter($S, provider)\n.setParameter($S, providerAccountId)\n.executeUpdate())$<",
                        STORE_OPERATION, "unlinkAccount",
                        "DELETE FROM " + account.name() + " a WHERE " + account.path("a", ACCOUNT_PROVIDER) + " = :provider AND "
                                + account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID) + " = :providerAccountId", "provider", "providerAccountId")
                .build());

        type.addMethod(override("getAccount").returns(optionalOf(ADAPTER_ACCOUNT))
                .addParameter(String.class, "providerAccountId").addParameter(String.class, "provider")
                .addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                        + ".setParameter($S, provider)\n.setParameter($S, providerAccountId)\n.getResultStream()\n"
                        + ".filter(found -> provider.equals($L)\n$>$>&& providerAccountId.equals($L))$<$<\n"
                        + ".findFirst().map($T::toAccount))$<",
                        byKey, account.entity, "provider", "providerAccountId", account.get("found", ACCOUNT_PROVIDER),
                        account.get("found", ACCOUNT_PROVIDER_ACCOUNT_ID), self)
                .build());

        // The record's components in their order, as the contract table lists them.
        List<CodeBlock> arguments = new ArrayList<>();
        for (var property : CanonicalProperty.recordComponents(Role.ACCOUNT)) {
            if (property == ACCOUNT_USER_ID) {
                arguments.add(idString(account, property));
            } else if (property == ACCOUNT_EXPIRES_AT) {
                arguments.add(account.has(property) ? expiresAtFromEntity(account.get("entity", property)) : CodeBlock.of("null"));
            } else {
                arguments.add(getOrNull(account, property));
            }
        }
        type.addMethod(MethodSpec.methodBuilder("toAccount").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(ADAPTER_ACCOUNT)
                .addParameter(account.entity, "entity")
                .addStatement("return new $T(\n$>$L,\nreadAccountExtras(entity))$<", ADAPTER_ACCOUNT, CodeBlock.join(arguments, ",\n"))
                .build());
        extras(type, account, "Account");
        AccountTokenMethods.addTo(type, account, user);
    }

    /** {@code expires_at} is epoch seconds in the contract; the column may be Int, BigInt, or v3's DateTime. */
    private CodeBlock expiresAtToEntity(CodeBlock value) {
        ResolvedField field = account.field(ACCOUNT_EXPIRES_AT).orElseThrow();
        return switch (field.scalarType()) {
            case DATETIME -> CodeBlock.of("$L == null ? null : $T.ofEpochSecond($L)", value, Instant.class, value);
            case INT -> CodeBlock.of("$L == null ? null : $T.toIntExact($L)", value, Math.class, value);
            default -> value;
        };
    }

    private CodeBlock expiresAtFromEntity(CodeBlock value) {
        ResolvedField field = account.field(ACCOUNT_EXPIRES_AT).orElseThrow();
        return switch (field.scalarType()) {
            case DATETIME -> CodeBlock.of("$L == null ? null : $L.getEpochSecond()", value, value);
            case INT -> CodeBlock.of("$L == null ? null : $L.longValue()", value, value);
            default -> value;
        };
    }

    // ---------------------------------------------------------------- sessions

    private void sessions(TypeSpec.Builder type) {
        String byToken = "SELECT s FROM " + session.name() + " s WHERE " + session.path("s", SESSION_TOKEN) + " = :sessionToken";
        MethodSpec.Builder create = override("createSession").returns(ADAPTER_SESSION).addParameter(ADAPTER_SESSION, "session")
                .addStatement("$T userKey = $L", keyType(user, USER_ID), requiredKey(user, CodeBlock.of("session.userId()")))
                .addCode("return store.write($T.createSession(), entityManager -> {\n$>", STORE_OPERATION)
                .addCode(userMustExist(session, SESSION_USER_ID, "createSession"))
                .addStatement("$T entity = new $T()", session.entity, session.entity);
        session.idWithoutDefault().ifPresent(id -> create.addStatement("entity.$N($T.randomUUID().toString())", session.names.setter(id), UUID.class));
        create.addStatement("entity.$N(session.sessionToken())", session.setter(SESSION_TOKEN))
                .addStatement("entity.$N(userKey)", session.setter(SESSION_USER_ID))
                .addStatement("entity.$N(session.expires())", session.setter(SESSION_EXPIRES));
        if (session.has(SESSION_ACCESS_TOKEN)) {
            create.addStatement("entity.$N($T.sessionAccessToken())", session.setter(SESSION_ACCESS_TOKEN), Types.LEGACY);
        }
        type.addMethod(create.addStatement("writeSessionExtras(entity, session.extras())")
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toSession(entity)")
                .addCode("$<});\n").build());

        MethodSpec.Builder sessionAndUser = override("getSessionAndUser").returns(optionalOf(SESSION_AND_USER))
                .addParameter(String.class, "sessionToken")
                .addJavadoc("One query, one round trip: the session and its user are read together.\n");
        Optional<ResolvedField> toUser = relationToUser(session, SESSION_USER_ID);
        if (toUser.isPresent()) {
            String relation = session.names.property(toUser.get());
            sessionAndUser.addCode("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                            + ".setParameter($S, sessionToken)\n.setHint($S, $T.BYPASS)\n.getResultStream()\n"
                            + ".filter(found -> sessionToken.equals($L))\n.findFirst()\n"
                            + ".map(session -> new $T(toSession(session), toUser(session.$N()))));\n$<",
                    "SELECT s FROM " + session.name() + " s JOIN FETCH s." + relation + " WHERE " + session.path("s", SESSION_TOKEN)
                            + " = :sessionToken",
                    session.entity, "sessionToken", BYPASS_CACHE, Types.jpa("CacheRetrieveMode"), session.get("found", SESSION_TOKEN),
                    SESSION_AND_USER, session.names.getter(toUser.get()));
        } else {
            // No relation to join along (NextAuth v3 schemas): join on the user id.
            sessionAndUser.addCode("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T[].class)\n"
                            + ".setParameter($S, sessionToken)\n.setHint($S, $T.BYPASS)\n.getResultStream()\n"
                            + ".map(row -> new $T(toSession(($T) row[0]), toUser(($T) row[1])))\n"
                            + ".filter(found -> sessionToken.equals(found.session().sessionToken()))\n.findFirst());\n$<",
                    "SELECT s, u FROM " + session.name() + " s, " + user.name() + " u WHERE " + user.path("u", USER_ID) + " = "
                            + session.path("s", SESSION_USER_ID) + " AND " + session.path("s", SESSION_TOKEN) + " = :sessionToken",
                    Object.class, "sessionToken", BYPASS_CACHE, Types.jpa("CacheRetrieveMode"), SESSION_AND_USER, session.entity, user.entity);
        }
        type.addMethod(sessionAndUser.build());

        type.addMethod(override("updateSession").returns(optionalOf(ADAPTER_SESSION)).addParameter(SESSION_UPDATE, "update")
                .addCode("return store.write($T.writingUserId($S), entityManager -> {\n$>", STORE_OPERATION, "updateSession")
                .addStatement("$T entity = entityManager.createQuery($S, $T.class)\n$>.setParameter($S, update.sessionToken())\n"
                        + ".getResultStream()\n.filter(found -> update.sessionToken().equals($L))\n.findFirst().orElse(null)$<",
                        session.entity, byToken, session.entity, "sessionToken", session.get("found", SESSION_TOKEN))
                .beginControlFlow("if (entity == null)").addStatement("return $T.<$T>empty()", Optional.class, ADAPTER_SESSION).endControlFlow()
                .beginControlFlow("if (update.isSet($T.Property.EXPIRES))", SESSION_UPDATE)
                .addStatement("entity.$N(update.expires())", session.setter(SESSION_EXPIRES)).endControlFlow()
                .beginControlFlow("if (update.isSet($T.Property.USER_ID))", SESSION_UPDATE)
                .addStatement("entity.$N($L)", session.setter(SESSION_USER_ID), requiredKey(user, CodeBlock.of("update.userId()"))).endControlFlow()
                .addStatement("writeSessionExtras(entity, update.extras())")
                .addStatement("entityManager.flush()")
                .addStatement("return $T.of(toSession(entity))", Optional.class)
                .addCode("$<});\n").build());

        type.addMethod(override("deleteSession").addParameter(String.class, "sessionToken")
                .addStatement("store.write($T.named($S), entityManager -> entityManager\n$>.createQuery($S)\n"
                        + ".setParameter($S, sessionToken)\n.executeUpdate())$<", STORE_OPERATION, "deleteSession",
                        "DELETE FROM " + session.name() + " s WHERE " + session.path("s", SESSION_TOKEN) + " = :sessionToken", "sessionToken")
                .build());

        type.addMethod(MethodSpec.methodBuilder("toSession").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(ADAPTER_SESSION)
                .addParameter(session.entity, "entity")
                .addStatement("return new $T($L, $L, $L, readSessionExtras(entity))", ADAPTER_SESSION, session.get("entity", SESSION_TOKEN),
                        idString(session, SESSION_USER_ID), session.get("entity", SESSION_EXPIRES))
                .build());
        extras(type, session, "Session");
    }

    /**
     * Without a relation to the user model (NextAuth v3 schemas) the database has no foreign key to refuse an unknown
     * user id, so the adapter looks the user up first; with one, the violation is translated ({@code StoreOperation}).
     */
    private CodeBlock userMustExist(RoleModel model, CanonicalProperty reference, String method) {
        if (relationToUser(model, reference).isPresent()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .add("// No relation to $L, so no foreign key checks the user id.\n", user.name())
                .beginControlFlow("if (entityManager.find($T.class, userKey) == null)", user.entity)
                .addStatement("throw new $T($S, null)", UNKNOWN_USER, method)
                .endControlFlow()
                .build();
    }

    /** The relation from a role model to the user whose foreign key is the given user reference, if the schema declares one. */
    private Optional<ResolvedField> relationToUser(RoleModel model, CanonicalProperty reference) {
        String referenceField = model.field(reference).orElseThrow().name();
        return model.model.fields().stream()
                .filter(f -> f.kind() == FieldKind.RELATION && f.relation().isOwningSide() && f.typeName().equals(user.name())
                        && f.relation().fields().equals(List.of(referenceField)))
                .findFirst();
    }

    // ---------------------------------------------------------------- verification tokens

    private void verificationTokens(TypeSpec.Builder type) {
        String where = " t WHERE " + token.path("t", VERIFICATION_TOKEN_IDENTIFIER) + " = :identifier AND "
                + token.path("t", VERIFICATION_TOKEN_TOKEN) + " = :token";
        MethodSpec.Builder create = override("createVerificationToken").returns(VERIFICATION_TOKEN).addParameter(VERIFICATION_TOKEN, "token")
                .addCode("return store.write($T.named($S), entityManager -> {\n$>", STORE_OPERATION, "createVerificationToken")
                .addStatement("$T entity = new $T()", token.entity, token.entity);
        token.idWithoutDefault().ifPresent(id -> create.addStatement("entity.$N($T.randomUUID().toString())", token.names.setter(id), UUID.class));
        type.addMethod(create.addStatement("entity.$N(token.identifier())", token.setter(VERIFICATION_TOKEN_IDENTIFIER))
                .addStatement("entity.$N(token.token())", token.setter(VERIFICATION_TOKEN_TOKEN))
                .addStatement("entity.$N(token.expires())", token.setter(VERIFICATION_TOKEN_EXPIRES))
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toVerificationToken(entity)")
                .addCode("$<});\n").build());

        type.addMethod(override("useVerificationToken").returns(optionalOf(VERIFICATION_TOKEN))
                .addParameter(String.class, "identifier").addParameter(String.class, "token")
                .addJavadoc("Atomic: of concurrent callers, only the one whose delete removed the row gets the token.\n")
                .addCode("return store.write($T.named($S), entityManager -> {\n$>", STORE_OPERATION, "useVerificationToken")
                .addStatement("$T found = entityManager.createQuery($S, $T.class)\n$>.setParameter($S, identifier)\n.setParameter($S, token)\n"
                        + ".setHint($S, $T.BYPASS)\n.getResultStream()\n.filter(candidate -> identifier.equals($L)\n$>$>&& token.equals($L))$<$<\n"
                        + ".findFirst().orElse(null)$<",
                        token.entity, "SELECT t FROM " + token.name() + where, token.entity, "identifier", "token", BYPASS_CACHE,
                        Types.jpa("CacheRetrieveMode"), token.get("candidate", VERIFICATION_TOKEN_IDENTIFIER),
                        token.get("candidate", VERIFICATION_TOKEN_TOKEN))
                .beginControlFlow("if (found == null)").addStatement("return $T.<$T>empty()", Optional.class, VERIFICATION_TOKEN).endControlFlow()
                .addStatement("int deleted = entityManager.createQuery($S)\n$>.setParameter($S, identifier)\n.setParameter($S, token)\n.executeUpdate()$<",
                        "DELETE FROM " + token.name() + where, "identifier", "token")
                .addStatement("return deleted == 1 ? $T.of(toVerificationToken(found)) : $T.<$T>empty()", Optional.class, Optional.class, VERIFICATION_TOKEN)
                .addCode("$<});\n").build());

        type.addMethod(MethodSpec.methodBuilder("toVerificationToken").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VERIFICATION_TOKEN)
                .addParameter(token.entity, "entity")
                .addStatement("return new $T($L, $L, $L)", VERIFICATION_TOKEN, token.get("entity", VERIFICATION_TOKEN_IDENTIFIER),
                        token.get("entity", VERIFICATION_TOKEN_TOKEN), token.get("entity", VERIFICATION_TOKEN_EXPIRES))
                .build());
    }

    // ---------------------------------------------------------------- authenticators

    private void authenticators(TypeSpec.Builder type) {
        String byId = "SELECT a FROM " + authenticator.name() + " a WHERE " + authenticator.path("a", AUTHENTICATOR_CREDENTIAL_ID) + " = :credentialId";
        MethodSpec.Builder create = override("createAuthenticator").returns(ADAPTER_AUTHENTICATOR).addParameter(ADAPTER_AUTHENTICATOR, "authenticator")
                .addStatement("$T userKey = $L", keyType(user, USER_ID), requiredKey(user, CodeBlock.of("authenticator.userId()")))
                .addCode("return store.write($T.writingUserId($S), entityManager -> {\n$>", STORE_OPERATION, "createAuthenticator")
                .addCode(userMustExist(authenticator, AUTHENTICATOR_USER_ID, "createAuthenticator"))
                .addStatement("$T entity = new $T()", authenticator.entity, authenticator.entity);
        authenticator.idWithoutDefault().ifPresent(id -> create.addStatement("entity.$N($T.randomUUID().toString())",
                authenticator.names.setter(id), UUID.class));
        create.addStatement("entity.$N(authenticator.credentialId())", authenticator.setter(AUTHENTICATOR_CREDENTIAL_ID))
                .addStatement("entity.$N(userKey)", authenticator.setter(AUTHENTICATOR_USER_ID))
                .addStatement("entity.$N(authenticator.providerAccountId())", authenticator.setter(AUTHENTICATOR_PROVIDER_ACCOUNT_ID))
                .addStatement("entity.$N(authenticator.credentialPublicKey())", authenticator.setter(AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY))
                .addStatement("entity.$N($L)", authenticator.setter(AUTHENTICATOR_COUNTER), counterToEntity(CodeBlock.of("authenticator.counter()")))
                .addStatement("entity.$N(authenticator.credentialDeviceType())", authenticator.setter(AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE))
                .addStatement("entity.$N(authenticator.credentialBackedUp())", authenticator.setter(AUTHENTICATOR_CREDENTIAL_BACKED_UP));
        if (authenticator.has(AUTHENTICATOR_TRANSPORTS)) {
            create.addStatement("entity.$N(authenticator.transports())", authenticator.setter(AUTHENTICATOR_TRANSPORTS));
        }
        type.addMethod(create.addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toAuthenticator(entity)")
                .addCode("$<});\n").build());

        type.addMethod(override("getAuthenticator").returns(optionalOf(ADAPTER_AUTHENTICATOR)).addParameter(String.class, "credentialId")
                .addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                        + ".setParameter($S, credentialId)\n.getResultStream()\n.filter(found -> credentialId.equals($L))\n"
                        + ".findFirst().map($T::toAuthenticator))$<",
                        byId, authenticator.entity, "credentialId", authenticator.get("found", AUTHENTICATOR_CREDENTIAL_ID), self)
                .build());

        type.addMethod(override("listAuthenticatorsByUserId").returns(ParameterizedTypeName.get(ClassName.get(List.class), ADAPTER_AUTHENTICATOR))
                .addParameter(String.class, "userId")
                .addStatement("$T key = $L", keyType(user, USER_ID), key(user, CodeBlock.of("userId")))
                .beginControlFlow("if (key == null)").addStatement("return $T.of()", List.class).endControlFlow()
                .addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                        + ".setParameter($S, key)\n.getResultStream().map($T::toAuthenticator).toList())$<",
                        "SELECT a FROM " + authenticator.name() + " a WHERE " + authenticator.path("a", AUTHENTICATOR_USER_ID) + " = :userId",
                        authenticator.entity, "userId", self)
                .build());

        type.addMethod(override("updateAuthenticatorCounter").returns(ADAPTER_AUTHENTICATOR)
                .addParameter(String.class, "credentialId").addParameter(TypeName.LONG, "newCounter")
                .addCode("return store.write($T.named($S), entityManager -> {\n$>", STORE_OPERATION, "updateAuthenticatorCounter")
                .addStatement("$T entity = entityManager.createQuery($S, $T.class)\n$>.setParameter($S, credentialId)\n"
                        + ".getResultStream()\n.filter(found -> credentialId.equals($L))\n.findFirst()\n"
                        + ".orElseThrow(() -> new $T($S + credentialId + $S))$<",
                        authenticator.entity, byId, authenticator.entity, "credentialId",
                        authenticator.get("found", AUTHENTICATOR_CREDENTIAL_ID), ADAPTER_EXCEPTION,
                        "No " + authenticator.name() + " has the credential id \"", "\".")
                .addStatement("entity.$N($L)", authenticator.setter(AUTHENTICATOR_COUNTER), counterToEntity(CodeBlock.of("newCounter")))
                .addStatement("entityManager.flush()")
                .addStatement("return toAuthenticator(entity)")
                .addCode("$<});\n").build());

        CodeBlock counter = authenticator.get("entity", AUTHENTICATOR_COUNTER);
        type.addMethod(MethodSpec.methodBuilder("toAuthenticator").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(ADAPTER_AUTHENTICATOR)
                .addParameter(authenticator.entity, "entity")
                .addStatement("return new $T(\n$>$L,\n$L,\n$L,\n$L,\n$L == null ? 0 : $L,\n$L,\n$T.TRUE.equals($L),\n$L)$<", ADAPTER_AUTHENTICATOR,
                        authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_ID), idString(authenticator, AUTHENTICATOR_USER_ID),
                        authenticator.get("entity", AUTHENTICATOR_PROVIDER_ACCOUNT_ID), authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY),
                        counter, counter, authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE), Boolean.class,
                        authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_BACKED_UP), getOrNull(authenticator, AUTHENTICATOR_TRANSPORTS))
                .build());
    }

    private CodeBlock counterToEntity(CodeBlock value) {
        return authenticator.type(AUTHENTICATOR_COUNTER) == ScalarType.INT ? CodeBlock.of("$T.toIntExact($L)", Math.class, value) : value;
    }

    // ---------------------------------------------------------------- maintenance

    /**
     * Clean-up in batches: pick up to {@code limit} expired keys, then delete those still expired. When
     * several servers run it at once, each row is deleted by exactly one of them and a live row never.
     */
    private void maintenance(TypeSpec.Builder type) {
        MethodSpec.Builder sessions = override("deleteExpiredSessions").returns(TypeName.INT)
                .addParameter(Instant.class, "now").addParameter(TypeName.INT, "limit");
        MethodSpec.Builder others = override("deleteSessionsOfUser").returns(TypeName.INT)
                .addParameter(String.class, "userId").addParameter(String.class, "keepSessionToken");
        if (session == null) {
            sessions.addComment("The schema has no session model.").addStatement("return 0");
            others.addComment("The schema has no session model.").addStatement("return 0");
        } else {
            String token = session.path("s", SESSION_TOKEN);
            deleteExpiredInBatch(sessions, "deleteExpiredSessions", session.name() + " s", token, session.path("s", SESSION_EXPIRES));
            others.addStatement("$T key = $L", keyType(user, USER_ID), key(user, CodeBlock.of("userId")))
                    .beginControlFlow("if (key == null)").addStatement("return 0").endControlFlow()
                    .addStatement("return store.write($T.named($S), entityManager -> entityManager\n$>.createQuery($S)\n"
                            + ".setParameter($S, key)\n.setParameter($S, keepSessionToken == null ? \"\" : keepSessionToken)\n"
                            + ".executeUpdate())$<", STORE_OPERATION, "deleteSessionsOfUser",
                            "DELETE FROM " + session.name() + " s WHERE " + session.path("s", SESSION_USER_ID) + " = :userId AND " + token
                                    + " <> :keep", "userId", "keep");
        }
        MethodSpec.Builder tokens = override("deleteExpiredVerificationTokens").returns(TypeName.INT)
                .addParameter(Instant.class, "now").addParameter(TypeName.INT, "limit");
        if (token == null) {
            tokens.addComment("The schema has no verification token model.").addStatement("return 0");
        } else {
            deleteExpiredInBatch(tokens, "deleteExpiredVerificationTokens", token.name() + " t", token.path("t", VERIFICATION_TOKEN_TOKEN),
                    token.path("t", VERIFICATION_TOKEN_EXPIRES));
        }
        type.addMethod(sessions.build()).addMethod(tokens.build()).addMethod(others.build());
    }

    /** {@code from} is the entity and its alias; {@code key} a unique string path, {@code expires} the expiry path. */
    private static void deleteExpiredInBatch(MethodSpec.Builder method, String operation, String from, String key,
                                             String expires) {
        method.addCode("return store.write($T.named($S), entityManager -> {\n$>", STORE_OPERATION, operation)
                .addStatement("$T<$T> expired = entityManager.createQuery($S, $T.class)\n$>.setParameter($S, now)\n.setMaxResults(limit)\n"
                        + ".getResultList()$<", List.class, String.class, "SELECT " + key + " FROM " + from + " WHERE " + expires + " < :now",
                        String.class, "now")
                .addStatement("return expired.isEmpty() ? 0 : entityManager.createQuery($S)\n$>.setParameter($S, expired)\n"
                        + ".setParameter($S, now)\n.executeUpdate()$<",
                        "DELETE FROM " + from + " WHERE " + key + " IN :keys AND " + expires + " < :now", "keys", "now")
                .addCode("$<});\n");
    }

    // ---------------------------------------------------------------- extra fields

    /** {@code readXExtras} and {@code writeXExtras}: the model's extra fields by name, in schema order. */
    private void extras(TypeSpec.Builder type, RoleModel role, String label) {
        MethodSpec.Builder read = MethodSpec.methodBuilder("read" + label + "Extras").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(EXTRAS).addParameter(role.entity, "entity");
        MethodSpec.Builder write = MethodSpec.methodBuilder("write" + label + "Extras").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(role.entity, "entity").addParameter(EXTRAS, "extras");
        List<ResolvedField> fields = role.extras();
        if (fields.isEmpty()) {
            read.addStatement("return $T.of()", Map.class);
            write.addComment("The $L model has no extra fields.", role.name());
        } else {
            read.addStatement("$T extras = new $T<>()", EXTRAS, LinkedHashMap.class);
        }
        for (ResolvedField field : fields) {
            String getter = role.names.getter(field);
            if (field.kind() == FieldKind.ENUM) {
                ClassName enumType = ClassName.get(packageName, field.typeName());
                read.addStatement("extras.put($S, entity.$N() == null ? null : entity.$N().name())", field.name(), getter, getter);
                write.beginControlFlow("if (extras.containsKey($S))", field.name())
                        .addStatement("entity.$N($T.enumValue(extras, $S, $S, $T.class))", role.names.setter(field), Types.EXTRA_VALUES,
                                role.name(), field.name(), enumType)
                        .endControlFlow();
            } else {
                read.addStatement("extras.put($S, entity.$N())", field.name(), getter);
                TypeName javaType = Types.scalar(field.scalarType());
                write.beginControlFlow("if (extras.containsKey($S))", field.name())
                        .addStatement("entity.$N($T.get(extras, $S, $S, $T.class))", role.names.setter(field), Types.EXTRA_VALUES,
                                role.name(), field.name(), javaType)
                        .endControlFlow();
            }
        }
        if (!fields.isEmpty()) {
            read.addStatement("return extras");
        }
        type.addMethod(read.build()).addMethod(write.build());
    }

    // ---------------------------------------------------------------- ids

    /** The Java type of the user's key: the contract's ids are strings, the schema's may be numbers. */
    private static TypeName keyType(RoleModel model, CanonicalProperty id) {
        return Types.scalar(model.type(id));
    }

    /** The key for a contract id, or null when the string cannot be one (then no row can match). */
    private static CodeBlock key(RoleModel model, CodeBlock id) {
        return switch (model.type(USER_ID)) {
            case INT -> CodeBlock.of("intKey($L)", id);
            case BIGINT -> CodeBlock.of("longKey($L)", id);
            default -> id;
        };
    }

    /** The key for a contract id that must be valid: a user reference being written. */
    private static CodeBlock requiredKey(RoleModel model, CodeBlock id) {
        return model.type(USER_ID) == ScalarType.STRING ? id
                : CodeBlock.of("requireKey($L, $L, $S)", key(model, id), id, model.name());
    }

    /** A key read from an entity as the contract's string id. */
    private static CodeBlock idString(RoleModel model, CanonicalProperty property) {
        CodeBlock value = model.get("entity", property);
        return model.type(property) == ScalarType.STRING ? value : CodeBlock.of("$T.valueOf($L)", String.class, value);
    }

    private static CodeBlock getOrNull(RoleModel model, CanonicalProperty property) {
        return model.has(property) ? model.get("entity", property) : CodeBlock.of("null");
    }

    private void keyParsers(TypeSpec.Builder type) {
        ScalarType idType = user.type(USER_ID);
        if (idType == ScalarType.STRING) {
            return;
        }
        TypeName boxed = Types.scalar(idType);
        String parse = idType == ScalarType.INT ? "Integer" : "Long";
        type.addMethod(MethodSpec.methodBuilder(idType == ScalarType.INT ? "intKey" : "longKey")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(boxed).addParameter(String.class, "id")
                .addJavadoc("The numeric id written as the string {@code id}, or null when it is not one.\n")
                .beginControlFlow("try")
                .addStatement("return id == null ? null : $L.valueOf(id)", parse)
                .nextControlFlow("catch ($T e)", NumberFormatException.class)
                .addStatement("return null")
                .endControlFlow().build());
        type.addMethod(MethodSpec.methodBuilder("requireKey").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(boxed)
                .addParameter(boxed, "key").addParameter(String.class, "id").addParameter(String.class, "model")
                .beginControlFlow("if (key == null)")
                .addStatement("throw new $T($S + id + $S + model + $S)", ADAPTER_EXCEPTION, "\"", "\" is not an id of ", ": its ids are numbers.")
                .endControlFlow()
                .addStatement("return key").build());
    }

    // ---------------------------------------------------------------- helpers

    private static MethodSpec.Builder override(String name) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }

    private static TypeName optionalOf(ClassName type) {
        return ParameterizedTypeName.get(ClassName.get(Optional.class), type);
    }
}
