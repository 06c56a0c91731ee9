package dev.authschema.codegen.java;

import com.palantir.javapoet.JavaFile;
import dev.authschema.codegen.GeneratedFile;
import dev.authschema.dsl.resolve.ResolvedEnum;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.ArrayList;
import java.util.List;

/** Every Java source of a schema: entities, enums, the Instant converter, the adapter and its CDI producer. */
public final class JavaGenerator {

    private JavaGenerator() {}

    /** The classes a persistence unit lists: every generated entity and the Instant converter, fully qualified. */
    public static List<String> persistentClassNames(ResolvedSchema schema, String packageName) {
        String prefix = packageName.isEmpty() ? "" : packageName + ".";
        List<String> names = new ArrayList<>();
        for (ResolvedModel model : schema.models()) {
            if (!model.ignored()) {
                names.add(prefix + model.name());
            }
        }
        names.add(prefix + ConverterGenerator.INSTANT_CONVERTER);
        return names;
    }

    public static List<GeneratedFile> generate(ResolvedSchema schema, String packageName) {
        List<JavaFile> files = new ArrayList<>();
        EntityGenerator entities = new EntityGenerator(schema, packageName);
        for (ResolvedModel model : schema.models()) {
            if (!model.ignored()) {
                files.add(entities.generate(model));
            }
        }
        EnumGenerator enums = new EnumGenerator(packageName);
        for (ResolvedEnum enumeration : schema.enums()) {
            files.add(enums.generate(enumeration));
        }
        files.add(new ConverterGenerator(packageName).generate());
        files.add(new AdapterGenerator(schema, packageName).generate());
        List<String> roleEntities = schema.models().stream()
                .filter(model -> !model.ignored() && model.role() != null)
                .map(ResolvedModel::name)
                .toList();
        files.add(new AdapterProducerGenerator(packageName, roleEntities).generate());
        return files.stream()
                .map(f -> new GeneratedFile(
                        (f.packageName().isEmpty() ? "" : f.packageName().replace('.', '/') + "/")
                                + f.typeSpec().name() + ".java",
                        SourceLayout.apply(f.toString())))
                .toList();
    }
}
