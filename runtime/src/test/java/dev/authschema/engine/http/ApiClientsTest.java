package dev.authschema.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiClientsTest {

    @Test
    void a_browser_get_is_not_an_api_call() {
        assertThat(ApiClients.isApiCall("GET", null, null)).isFalse();
        assertThat(ApiClients.isApiCall("GET", "text/html,application/xhtml+xml,*/*;q=0.8", null))
                .isFalse();
        assertThat(ApiClients.isApiCall("HEAD", "*/*", null)).isFalse();
        assertThat(ApiClients.isApiCall("GET", "application/json, text/html", null))
                .isFalse();
    }

    @Test
    void json_wanted_an_xml_http_request_or_another_method_is_an_api_call() {
        assertThat(ApiClients.isApiCall("GET", "application/json", null)).isTrue();
        assertThat(ApiClients.isApiCall("GET", "application/problem+json", null))
                .isTrue();
        assertThat(ApiClients.isApiCall("GET", null, "XMLHttpRequest")).isTrue();
        assertThat(ApiClients.isApiCall("POST", "text/html", null)).isTrue();
        assertThat(ApiClients.isApiCall("DELETE", null, null)).isTrue();
    }
}
