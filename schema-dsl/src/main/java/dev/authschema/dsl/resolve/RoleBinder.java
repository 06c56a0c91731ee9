package dev.authschema.dsl.resolve;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which model plays which role ({@code modelMapping}, else the role's own name) and binds each
 * canonical property to its field, checking the adapter contract's rules: required properties,
 * types, the user reference and its relation, and the unique criteria the adapter relies on.
 */
final class RoleBinder {

    /** The words that mark a rule of this project, not of Prisma (DifferentialPrismaTest relies on them). */
    static final String CONTRACT = "required by the adapter contract";

    private final Diagnostics diagnostics;
    private final Map<String, ModelInfo> models;
    private final Set<String> enumNames;

    RoleBinder(Diagnostics diagnostics, Map<String, ModelInfo> models, Set<String> enumNames) {
        this.diagnostics = diagnostics;
        this.models = models;
        this.enumNames = enumNames;
    }

    Map<Role, ModelInfo> bind(List<Block> mappingBlocks, Span fileStart) {
        Map<Role, ModelInfo> roles = new EnumMap<>(Role.class);
        Map<ModelInfo, Role> modelRoles = new HashMap<>();
        for (Block block : mappingBlocks) {
            if (block != mappingBlocks.get(0)) {
                diagnostics.error(
                        block.keyword().span(), "There is more than one modelMapping block: map every role in one.");
                continue;
            }
            if (block.name() != null) {
                diagnostics.error(block.name().span(), "The modelMapping block takes no name: `modelMapping {`.");
            }
            for (Member member : block.members()) {
                if (member instanceof Member.Property property) {
                    mapping(property, roles, modelRoles);
                } else if (member instanceof Member.Field || member instanceof Member.BlockAttribute) {
                    diagnostics.error(
                            member.span(),
                            "The modelMapping block holds `Role = Model` lines only, e.g. `User = Member`.");
                }
            }
        }
        for (Role role : Role.values()) {
            if (!roles.containsKey(role)) {
                role.defaultModelNames().stream()
                        .map(models::get)
                        .filter(m -> m != null && !modelRoles.containsKey(m))
                        .findFirst()
                        .ifPresent(model -> {
                            roles.put(role, model);
                            modelRoles.put(model, role);
                        });
            }
        }
        if (!roles.containsKey(Role.USER)) {
            contractError(
                    mappingBlocks.isEmpty()
                            ? fileStart
                            : mappingBlocks.get(0).keyword().span(),
                    "No model plays the role User: "
                            + "add a model named `User`, or map one in a `modelMapping { User = YourModel }` block.");
        }
        roles.forEach((role, model) -> {
            model.role = role;
            if (model.ignored) {
                contractError(
                        model.declaration.name().span(),
                        "The model `" + model.name + "` plays the role " + role.schemaName()
                                + " and cannot be ignored with `@@ignore`.");
            }
        });
        roles.forEach((role, model) -> bindProperties(role, model, roles.get(Role.USER)));
        return roles;
    }

    private void mapping(Member.Property property, Map<Role, ModelInfo> roles, Map<ModelInfo, Role> modelRoles) {
        String roleName = property.key().name();
        Optional<Role> role = Role.of(roleName);
        if (role.isEmpty()) {
            contractError(
                    property.key().span(),
                    "Unknown role `" + roleName + "` in modelMapping. The roles are User, Account, Session, "
                            + "VerificationToken, Authenticator and RateLimit.",
                    Suggestions.didYouMean(roleName, Role.schemaNames()));
            return;
        }
        if (!(property.value() instanceof Expression.Constant target)) {
            contractError(
                    property.value().span(),
                    "modelMapping maps a role to a model name, e.g. `" + roleName + " = Member`; found "
                            + Expressions.describe(property.value()) + ".");
            return;
        }
        ModelInfo model = models.get(target.name());
        if (model == null) {
            String what = enumNames.contains(target.name())
                    ? "`" + target.name() + "` is an enum, not a model."
                    : "no model is named `" + target.name() + "`.";
            contractError(
                    target.span(),
                    "modelMapping maps " + roleName + " to `" + target.name() + "`, but " + what,
                    Suggestions.didYouMean(target.name(), models.keySet()));
            return;
        }
        if (roles.containsKey(role.get())) {
            contractError(
                    property.key().span(), "The role " + role.get().schemaName() + " is mapped twice in modelMapping.");
            return;
        }
        Role other = modelRoles.get(model);
        if (other != null) {
            contractError(
                    target.span(),
                    "The model `" + model.name + "` would play two roles, " + other.schemaName() + " and "
                            + role.get().schemaName() + ": map each role to its own model.");
            return;
        }
        roles.put(role.get(), model);
        modelRoles.put(model, role.get());
    }

    private void bindProperties(Role role, ModelInfo model, ModelInfo userModel) {
        String where = "`" + model.name + "` (role " + role.schemaName() + ")";
        for (CanonicalProperty property : CanonicalProperty.of(role)) {
            FieldInfo field = model.fields.get(property.schemaName());
            boolean legacy = false;
            if (field == null && property.legacyName() != null) {
                field = model.fields.get(property.legacyName());
                legacy = field != null;
            }
            if (field == null) {
                if (property.isRequired() && !model.declaration.hasInvalidLines()) {
                    List<String> unbound = model.fields.values().stream()
                            .filter(f -> f.canonical == null)
                            .map(f -> f.name)
                            .toList();
                    contractError(
                            model.declaration.name().span(),
                            "The model " + where + " has no field `" + property.schemaName() + "` ("
                                    + PropertyTypes.describe(property, false) + ") required by the adapter contract.",
                            Suggestions.didYouMean(property.schemaName(), unbound));
                }
                continue;
            }
            if (!field.typeKnown || field.ignored) {
                if (field.ignored) {
                    contractError(
                            field.declaration.name().span(),
                            "The field `" + field.name + "` of " + where
                                    + " is used by the adapter and cannot be ignored with `@ignore`.");
                }
                continue;
            }
            field.canonical = property;
            field.legacyBound = legacy;
            checkType(where, property, field, legacy, userModel);
        }
        if (!model.constraintErrors && !model.declaration.hasInvalidLines()) {
            checkUniqueness(role, model, where);
            checkUserRelation(role, model, userModel, where);
        }
    }

    private void checkType(
            String where, CanonicalProperty property, FieldInfo field, boolean legacy, ModelInfo userModel) {
        if (field.kind != FieldKind.SCALAR
                || !PropertyTypes.accepted(property, legacy).contains(field.scalarType)) {
            String expected = property == CanonicalProperty.USER_PASSWORD_HASH
                    ? "`String?` (the password's hash)"
                    : PropertyTypes.describe(property, legacy);
            contractError(
                    field.declaration.type().span(),
                    "The field `" + field.name + "` of " + where + " must be " + expected + ", found "
                            + field.displayType() + ".");
            return;
        }
        if (property.isRequired() && field.optional) {
            contractError(
                    field.declaration.type().span(),
                    "The field `" + field.name + "` of " + where
                            + " is required by the adapter contract: remove the `?`.");
        }
        // createUser leaves the hash empty (it is set afterwards, and users of other sign-ins never have one).
        if (property == CanonicalProperty.USER_PASSWORD_HASH && (!field.optional || field.list)) {
            contractError(
                    field.declaration.type().span(),
                    "The field `" + field.name + "` of " + where + " holds the password's hash and must be `String?`,"
                            + " found " + field.displayType() + ": users are created without one, and a user who signs"
                            + " in another way never has one. This is required by the adapter contract.");
        } else if (property == CanonicalProperty.USER_PASSWORD_HASH && field.defaultValue != null) {
            contractError(
                    field.declaration.attributes().stream()
                            .filter(attribute -> attribute.name().equals("default"))
                            .map(Attribute::span)
                            .findFirst()
                            .orElse(field.declaration.type().span()),
                    "The field `" + field.name + "` of " + where + " holds the password's hash and takes no"
                            + " `@default`: a new user has no password until one is set. Remove the `@default`."
                            + " This is required by the adapter contract.");
        }
        if (property.isUserReference() && userModel != null) {
            userModel.fields.values().stream()
                    .filter(f -> f.canonical == CanonicalProperty.USER_ID && f.typeKnown)
                    .findFirst()
                    .filter(userId -> userId.scalarType != field.scalarType)
                    .ifPresent(userId -> contractError(
                            field.declaration.type().span(),
                            "The field `" + field.name + "` of " + where
                                    + " refers to a user, so it must have the type of `" + userModel.name + "."
                                    + userId.name + "` ("
                                    + userId.typeName + "), found " + field.displayType() + "."));
        }
    }

    private void checkUniqueness(Role role, ModelInfo model, String where) {
        switch (role) {
            case USER -> {
                requireUnique(model, CanonicalProperty.USER_EMAIL, where);
                model.field(CanonicalProperty.USER_ID.schemaName())
                        .filter(f -> f.canonical != null && !f.id)
                        .ifPresent(id -> contractError(
                                id.declaration.name().span(),
                                "The field `id` of " + where + " must be the model's id: add `@id`."));
            }
            case ACCOUNT -> {
                String provider = name(model, CanonicalProperty.ACCOUNT_PROVIDER);
                String providerAccountId = name(model, CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID);
                boolean legacyCompoundId = model.fields.values().stream()
                        .anyMatch(f -> f.canonical == CanonicalProperty.ACCOUNT_COMPOUND_ID && model.isUnique(f.name));
                if (provider != null
                        && providerAccountId != null
                        && !legacyCompoundId
                        && !model.isUniqueCriterion(List.of(provider, providerAccountId))) {
                    contractError(
                            model.declaration.name().span(),
                            "The model " + where + " needs a unique criterion on ("
                                    + provider + ", " + providerAccountId
                                    + ") so that an account is linked once: add `@@unique([" + provider
                                    + ", " + providerAccountId + "])`.");
                }
            }
            case SESSION -> requireUnique(model, CanonicalProperty.SESSION_TOKEN, where);
            case VERIFICATION_TOKEN -> {
                String identifier = name(model, CanonicalProperty.VERIFICATION_TOKEN_IDENTIFIER);
                String token = name(model, CanonicalProperty.VERIFICATION_TOKEN_TOKEN);
                if (identifier != null
                        && token != null
                        && !model.isUniqueCriterion(List.of(identifier, token))
                        && !model.isUnique(token)) {
                    contractError(
                            model.declaration.name().span(),
                            "The model " + where + " needs a unique criterion on (identifier, token) "
                                    + "or on token: add `@@unique([identifier, token])`.");
                }
            }
            case AUTHENTICATOR -> requireUnique(model, CanonicalProperty.AUTHENTICATOR_CREDENTIAL_ID, where);
            case RATE_LIMIT -> requireUnique(model, CanonicalProperty.RATE_LIMIT_KEY, where);
        }
    }

    private void requireUnique(ModelInfo model, CanonicalProperty property, String where) {
        String fieldName = name(model, property);
        if (fieldName != null && !model.isUnique(fieldName)) {
            contractError(
                    model.fields.get(fieldName).declaration.name().span(),
                    "The field `" + fieldName + "` of " + where + " must be unique: add `@unique`.");
        }
    }

    /** The relation from a role model to the user must use the user reference as its foreign key. */
    private void checkUserRelation(Role role, ModelInfo model, ModelInfo userModel, String where) {
        if (role == Role.USER || userModel == null) {
            return;
        }
        CanonicalProperty reference = CanonicalProperty.of(role).stream()
                .filter(CanonicalProperty::isUserReference)
                .findFirst()
                .orElse(null);
        String referenceField = reference == null ? null : name(model, reference);
        String userId = name(userModel, CanonicalProperty.USER_ID);
        if (referenceField == null || userId == null) {
            return;
        }
        List<FieldInfo> toUser = new ArrayList<>();
        boolean anyRelationField = false;
        for (FieldInfo field : model.fields.values()) {
            boolean toUserModel = field.kind == FieldKind.RELATION && userModel.name.equals(field.typeName);
            anyRelationField |= toUserModel;
            if (toUserModel && field.relation != null && field.relation.isOwningSide()) {
                toUser.add(field);
            }
        }
        if (toUser.isEmpty() && anyRelationField) {
            return; // a relation to the user is declared but invalid: that error was reported
        }
        if (toUser.isEmpty()) {
            diagnostics.warning(
                    model.declaration.name().span(),
                    "The model " + where + " has no relation to `" + userModel.name
                            + "`: the database will not delete its rows with their user (the adapter still does). Add `"
                            + userRelationName(userModel) + " " + userModel.name + " @relation(fields: ["
                            + referenceField + "], references: ["
                            + userId + "], onDelete: Cascade)`.");
            return;
        }
        boolean matches = toUser.stream()
                .anyMatch(f -> f.relation.fields().equals(List.of(referenceField))
                        && f.relation.references().equals(List.of(userId)));
        if (!matches) {
            FieldInfo relation = toUser.get(0);
            contractError(
                    relation.relationAttribute.span(),
                    "The relation `" + relation.name + "` of " + where + " must use `" + referenceField
                            + "` as its foreign key: `@relation(fields: [" + referenceField + "], references: ["
                            + userId + "])`.");
        }
    }

    private static String userRelationName(ModelInfo userModel) {
        return Character.toLowerCase(userModel.name.charAt(0)) + userModel.name.substring(1);
    }

    /** The name of the field bound to the property, or null. */
    private static String name(ModelInfo model, CanonicalProperty property) {
        return model.fields.values().stream()
                .filter(f -> f.canonical == property)
                .map(f -> f.name)
                .findFirst()
                .orElse(null);
    }

    /** An error of a rule that Prisma does not have: the message says where it comes from. */
    private void contractError(Span span, String message) {
        contractError(span, message, null);
    }

    private void contractError(Span span, String message, String hint) {
        String marked = message.contains(CONTRACT) ? message : message + " This is required by the adapter contract.";
        diagnostics.error(span, marked, hint);
    }
}
