package dev.authschema.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/roles.md} shows the contract table: between its two markers stand one table per role, rendered from
 * {@link CanonicalProperty}. A change of the table fails this test until the page is rewritten:
 * {@code ./mvnw -pl contract test -Dtest=RolesPageTest -Droles.update=true}, then review the diff.
 */
class RolesPageTest {

    private static final Path PAGE = Path.of("..", "docs", "roles.md");
    private static final String BEGIN = "<!-- roles table: generated from CanonicalProperty by RolesPageTest -->\n";
    private static final String END = "<!-- end of the roles table -->";

    static String tables() {
        StringBuilder out = new StringBuilder();
        for (Role role : Role.values()) {
            out.append("\n### ").append(role.schemaName());
            if (role == Role.VERIFICATION_TOKEN) {
                out.append(" (NextAuth v3: ")
                        .append(Role.LEGACY_VERIFICATION_TOKEN)
                        .append(')');
            }
            out.append("\n\n| field in the schema | required | holds | record component | updatable")
                    .append(" | NextAuth v3 name |\n");
            out.append("| --- | --- | --- | --- | --- | --- |\n");
            for (CanonicalProperty property : CanonicalProperty.of(role)) {
                out.append("| `")
                        .append(property.schemaName())
                        .append("` | ")
                        .append(property.isRequired() ? "yes" : "no")
                        .append(" | ")
                        .append(property.type().name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(property.accessor().map(a -> "`" + a + "`").orElse("(none)"))
                        .append(" | ")
                        .append(property.isUpdatable() ? "yes" : "no")
                        .append(" | ")
                        .append(property.legacyName() == null ? "" : "`" + property.legacyName() + "`")
                        .append(
                                property.legacyName() != null && property.type(true) != property.type()
                                        ? " (" + property.type(true).name().toLowerCase(Locale.ROOT) + ")"
                                        : "")
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    @Test
    void the_roles_page_shows_the_contract_table_as_it_is() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("the begin marker in " + PAGE).isNotNegative();
        assertThat(end).as("the end marker in " + PAGE).isGreaterThan(begin);
        String expected = tables() + "\n";
        if (Boolean.getBoolean("roles.update")) {
            Files.writeString(
                    PAGE,
                    page.substring(0, begin + BEGIN.length()) + expected + page.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(page.substring(begin + BEGIN.length(), end))
                .as("the roles table of " + PAGE + " (rewrite it with -Droles.update=true)")
                .isEqualTo(expected);
    }
}
