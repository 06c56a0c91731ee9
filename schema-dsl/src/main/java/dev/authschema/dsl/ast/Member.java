package dev.authschema.dsl.ast;

import java.util.List;

/**
 * One line of a block, in source order. Comments and blank lines are members too, so the formatter
 * can reproduce the file without losing anything.
 */
public sealed interface Member {

    Span span();

    /**
     * A field of a model, or a value of an enum (which has no type). {@code docs} are the {@code ///}
     * lines right above it; {@code trailingComment} is a comment at the end of its line, if any.
     */
    record Field(
            Identifier name,
            FieldType type,
            List<Attribute> attributes,
            List<String> docs,
            String trailingComment,
            Span span)
            implements Member {
        public Field {
            attributes = List.copyOf(attributes);
            docs = List.copyOf(docs);
        }

        public List<Attribute> attributes(String attributeName) {
            return attributes.stream()
                    .filter(a -> a.name().equals(attributeName))
                    .toList();
        }

        public boolean hasAttribute(String attributeName) {
            return attributes.stream().anyMatch(a -> a.name().equals(attributeName));
        }
    }

    /** A {@code key = value} line of a datasource, generator or modelMapping block. */
    record Property(Identifier key, Expression value, List<String> docs, String trailingComment, Span span)
            implements Member {
        public Property {
            docs = List.copyOf(docs);
        }
    }

    /** A block attribute line such as {@code @@unique([provider, providerAccountId])}. */
    record BlockAttribute(Attribute attribute, List<String> docs, String trailingComment, Span span) implements Member {
        public BlockAttribute {
            docs = List.copyOf(docs);
        }
    }

    /** A comment on a line of its own, text including its slashes. */
    record Comment(String text, Span span) implements Member {}

    /** An empty line: it separates alignment groups in the formatter. */
    record BlankLine(Span span) implements Member {}
}
