package dev.authschema.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTest {

    @Test
    void keeps_what_is_set_forgets_what_is_cleared_and_reports_each_value_set() {
        List<String> seen = new ArrayList<>();
        CookieJar jar = new CookieJar(seen::add);
        jar.receive(List.of("authjs.session-token=abc; Path=/; HttpOnly", "authjs.csrf-token=x%7Cy; Path=/"));
        assertThat(jar.header()).isEqualTo("authjs.session-token=abc; authjs.csrf-token=x%7Cy");

        jar.receive(List.of("authjs.session-token=; Max-Age=0", "authjs.csrf-token=z; Max-Age=0"));
        assertThat(jar.all()).isEmpty();
        assertThat(jar.header()).isEmpty();
        assertThat(seen).containsExactly("abc", "x%7Cy");

        jar.put("forged", "1");
        assertThat(jar.get("forged")).contains("1");
        jar.remove("forged");
        assertThat(jar.get("forged")).isEmpty();
    }
}
