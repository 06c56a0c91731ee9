package dev.authschema.dsl.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The keyword that opens a top-level block. */
public enum BlockKind {
    DATASOURCE("datasource", true),
    GENERATOR("generator", true),
    MODEL("model", true),
    ENUM("enum", true),
    MODEL_MAPPING("modelMapping", false),
    /** Prisma's {@code view}: parsed so it can be rejected with a clear message. */
    VIEW("view", true),
    /** Prisma's composite {@code type} (MongoDB): parsed so it can be rejected with a clear message. */
    TYPE("type", true);

    private final String keyword;
    private final boolean named;

    BlockKind(String keyword, boolean named) {
        this.keyword = keyword;
        this.named = named;
    }

    public String keyword() {
        return keyword;
    }

    /** Whether the keyword is followed by a name ({@code model User}); {@code modelMapping} is not. */
    public boolean isNamed() {
        return named;
    }

    public static Optional<BlockKind> ofKeyword(String keyword) {
        return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(BlockKind::keyword).toList();
    }
}
