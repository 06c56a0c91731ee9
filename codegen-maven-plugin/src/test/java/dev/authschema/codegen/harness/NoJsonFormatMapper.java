package dev.authschema.codegen.harness;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's JSON mapper for the tests: the generated entities have no JSON attributes, and the test class path has
 * the JSON-B API (from the Jakarta EE API jar) without an implementation, on which Hibernate's default mapper fails
 * the factory's start. A server (WildFly) ships one.
 */
public final class NoJsonFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence value, JavaType<T> type, WrapperOptions options) {
        throw new UnsupportedOperationException("no JSON attributes in generated entities");
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        throw new UnsupportedOperationException("no JSON attributes in generated entities");
    }
}
