package dev.authschema.adapter.tck;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The extra fields the schema under test has, per model. Every model the kit creates carries them with their sample
 * values, so that required extra fields are always filled; the extra-field cases check that they round-trip. A
 * model without extra fields skips those cases.
 *
 * <pre>{@code
 * ExtraFields.builder()
 *     .user(ExtraField.of("loginCount", ScalarType.INT), ExtraField.ofEnum("plan", "FREE", "PRO"))
 *     .session(ExtraField.of("ipAddress", ScalarType.STRING))
 *     .build();
 * }</pre>
 */
public final class ExtraFields {

    private static final ExtraFields NONE = new ExtraFields(List.of(), List.of(), List.of());

    private final List<ExtraField> user;
    private final List<ExtraField> account;
    private final List<ExtraField> session;

    private ExtraFields(List<ExtraField> user, List<ExtraField> account, List<ExtraField> session) {
        this.user = List.copyOf(user);
        this.account = List.copyOf(account);
        this.session = List.copyOf(session);
    }

    /**
     * @return the description of a schema whose models have no extra fields
     */
    public static ExtraFields none() {
        return NONE;
    }

    /**
     * @return a builder that starts with no extra fields
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the User model's extra fields
     */
    public List<ExtraField> user() {
        return user;
    }

    /**
     * @return the Account model's extra fields
     */
    public List<ExtraField> account() {
        return account;
    }

    /**
     * @return the Session model's extra fields
     */
    public List<ExtraField> session() {
        return session;
    }

    static Map<String, Object> samples(List<ExtraField> fields) {
        return valuesOf(fields, ExtraField::sample);
    }

    static Map<String, Object> changedValues(List<ExtraField> fields) {
        return valuesOf(fields, ExtraField::changed);
    }

    private static Map<String, Object> valuesOf(List<ExtraField> fields, Function<ExtraField, Object> value) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), value.apply(field)));
        return values;
    }

    /** Collects the extra fields model by model. */
    public static final class Builder {
        private List<ExtraField> user = List.of();
        private List<ExtraField> account = List.of();
        private List<ExtraField> session = List.of();

        private Builder() {}

        /**
         * @param fields the User model's extra fields
         * @return this builder
         */
        public Builder user(ExtraField... fields) {
            user = Arrays.asList(fields);
            return this;
        }

        /**
         * @param fields the Account model's extra fields
         * @return this builder
         */
        public Builder account(ExtraField... fields) {
            account = Arrays.asList(fields);
            return this;
        }

        /**
         * @param fields the Session model's extra fields
         * @return this builder
         */
        public Builder session(ExtraField... fields) {
            session = Arrays.asList(fields);
            return this;
        }

        /**
         * @return the description
         */
        public ExtraFields build() {
            return new ExtraFields(user, account, session);
        }
    }
}
