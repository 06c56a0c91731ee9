package dev.authschema.dsl.ast;

import java.util.List;

/** The syntax tree of one schema file: what was written, in order, before any validation. */
public record SchemaFile(String fileName, List<TopLevel> entries) {

    public SchemaFile {
        entries = List.copyOf(entries);
    }

    public List<Block> blocks() {
        return entries.stream()
                .filter(Block.class::isInstance)
                .map(Block.class::cast)
                .toList();
    }

    public List<Block> blocks(BlockKind kind) {
        return blocks().stream().filter(b -> b.is(kind)).toList();
    }
}
