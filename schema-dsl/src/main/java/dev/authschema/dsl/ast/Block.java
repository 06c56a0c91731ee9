package dev.authschema.dsl.ast;

import java.util.List;
import java.util.Optional;

/**
 * A top-level block: {@code model User { ... }}. {@code kind} is empty for an unknown keyword (which is
 * an error); {@code name} is null for {@code modelMapping} and for a block whose name is missing.
 * {@code headerComment} is a comment after the opening brace, if any. {@code hasInvalidLines} says a
 * syntax error dropped some of its lines: rules that look for something missing leave such a block alone.
 */
public record Block(
        Optional<BlockKind> kind,
        Identifier keyword,
        Identifier name,
        List<Member> members,
        List<String> docs,
        String headerComment,
        boolean hasInvalidLines,
        Span span)
        implements TopLevel {

    public Block {
        members = List.copyOf(members);
        docs = List.copyOf(docs);
    }

    public boolean is(BlockKind blockKind) {
        return kind.isPresent() && kind.get() == blockKind;
    }

    public String nameOrEmpty() {
        return name == null ? "" : name.name();
    }

    public List<Member.Field> fields() {
        return members.stream()
                .filter(Member.Field.class::isInstance)
                .map(Member.Field.class::cast)
                .toList();
    }

    public List<Member.Property> properties() {
        return members.stream()
                .filter(Member.Property.class::isInstance)
                .map(Member.Property.class::cast)
                .toList();
    }

    public List<Attribute> blockAttributes() {
        return members.stream()
                .filter(Member.BlockAttribute.class::isInstance)
                .map(m -> ((Member.BlockAttribute) m).attribute())
                .toList();
    }

    public List<Attribute> blockAttributes(String attributeName) {
        return blockAttributes().stream()
                .filter(a -> a.name().equals(attributeName))
                .toList();
    }

    public Optional<Member.Property> property(String key) {
        return properties().stream().filter(p -> p.key().name().equals(key)).findFirst();
    }
}
