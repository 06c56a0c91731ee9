package dev.authschema.dsl.resolve;

import java.util.List;

/** An enum: its values with their database names ({@code @map}) and docs. */
public record ResolvedEnum(String name, String dbName, List<Value> values, List<String> docs) {

    public ResolvedEnum {
        values = List.copyOf(values);
        docs = List.copyOf(docs);
    }

    public record Value(String name, String dbName, List<String> docs) {
        public Value {
            docs = List.copyOf(docs);
        }
    }
}
