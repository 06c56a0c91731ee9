package dev.authschema.adapter.tck;

import java.util.Objects;

/**
 * One extra field of a model in the schema under test, with the two values the kit stores in it.
 *
 * @param name     the field's name as in the schema (the key in the model's {@code extras} map)
 * @param sample   the value models are created with; never {@code null}
 * @param changed  a different value that updates set; never {@code null}
 * @param required whether the store refuses {@code null} for it (a {@code NOT NULL} column): the kit then expects an
 *                 {@link dev.authschema.adapter.InvalidValueException} when a model sets it to {@code null}
 */
public record ExtraField(String name, Object sample, Object changed, boolean required) {

    /**
     * Checks that the field has a name and two values.
     *
     * @param name     the field's name as in the schema
     * @param sample   the value models are created with
     * @param changed  a different value that updates set
     * @param required whether the store refuses {@code null} for it
     */
    public ExtraField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(changed, "changed");
    }

    /**
     * An optional field (the store takes {@code null}).
     *
     * @param name    the field's name as in the schema
     * @param sample  the value models are created with
     * @param changed a different value that updates set
     */
    public ExtraField(String name, Object sample, Object changed) {
        this(name, sample, changed, false);
    }

    /**
     * @return this field, marked as one the store refuses {@code null} for
     */
    public ExtraField asRequired() {
        return new ExtraField(name, sample, changed, true);
    }

    /**
     * A field of a scalar type, with that type's sample values.
     *
     * @param name the field's name
     * @param type the field's scalar type
     * @return the field
     */
    public static ExtraField of(String name, ScalarType type) {
        return new ExtraField(name, type.sample(), type.changed());
    }

    /**
     * A field of an enum type; its values are constant names.
     *
     * @param name          the field's name
     * @param constant      a constant of the enum, used on creation
     * @param otherConstant another constant, used by updates
     * @return the field
     */
    public static ExtraField ofEnum(String name, String constant, String otherConstant) {
        return new ExtraField(name, constant, otherConstant);
    }

    /**
     * A field with values of your choice, for columns that the standard samples do not fit.
     *
     * @param name    the field's name
     * @param sample  the value used on creation
     * @param changed a different value used by updates
     * @return the field
     */
    public static ExtraField withValues(String name, Object sample, Object changed) {
        return new ExtraField(name, sample, changed);
    }
}
