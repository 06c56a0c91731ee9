package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.lang.model.element.Modifier;

/**
 * The converter that stores {@link Instant} fields. Jakarta Persistence 3.1 has no mapping for
 * {@code Instant} (EclipseLink 4 would serialise it into a blob), so DateTime columns hold the UTC
 * wall-clock time as a plain {@code TIMESTAMP}, the same on every server whatever its time zone. EclipseLink
 * would bind that {@code LocalDateTime} through the JVM's zone, which moves times in a daylight-saving gap by an hour;
 * the runtime's {@code Utc*Platform}s bind it through a UTC calendar.
 */
final class ConverterGenerator {

    static final String INSTANT_CONVERTER = "UtcInstantConverter";

    private final String packageName;

    ConverterGenerator(String packageName) {
        this.packageName = packageName;
    }

    JavaFile generate() {
        TypeSpec converter = TypeSpec.classBuilder(INSTANT_CONVERTER)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "Stores an {@link $T} as its UTC date and time, to the millisecond, in a {@code TIMESTAMP} column.\n",
                        Instant.class)
                .addJavadoc(
                        "The persistence provider must write and read that wall-clock time as it is, never through the JVM's\n")
                .addJavadoc(
                        "time zone: with EclipseLink, name the runtime's {@code dev.authschema.jpa.eclipselink.Utc*Platform} for\n")
                .addJavadoc("the database as {@code eclipselink.target-database}.\n")
                .addAnnotation(EntityGenerator.generated())
                .addAnnotation(Types.jpa("Converter"))
                .addSuperinterface(ParameterizedTypeName.get(
                        ClassName.get(Types.JPA, "AttributeConverter"),
                        ClassName.get(Instant.class),
                        ClassName.get(LocalDateTime.class)))
                .addMethod(MethodSpec.methodBuilder("convertToDatabaseColumn")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(LocalDateTime.class)
                        .addParameter(Instant.class, "instant")
                        .addStatement(
                                "return instant == null ? null : $T.ofInstant(instant.truncatedTo($T.MILLIS), $T.UTC)",
                                LocalDateTime.class,
                                ChronoUnit.class,
                                ZoneOffset.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("convertToEntityAttribute")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(Instant.class)
                        .addParameter(LocalDateTime.class, "column")
                        .addStatement(
                                "return column == null ? null : column.toInstant($T.UTC).truncatedTo($T.MILLIS)",
                                ZoneOffset.class,
                                ChronoUnit.class)
                        .build())
                .build();
        return JavaFile.builder(packageName, converter)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
