package dev.authschema.engine.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/** Writes the endpoints' maps as JSON with the server's JSON-P; instants and dates become ISO-8601 strings. */
final class JsonText {

    /** Looked up once: {@code Json.create*} looks the provider up on every call, which is costly in some servers. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {}

    static String of(Map<String, ?> map) {
        return object(map).build().toString();
    }

    private static JsonObjectBuilder object(Map<?, ?> map) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        map.forEach((key, value) -> builder.add(String.valueOf(key), value(value)));
        return builder;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        } else if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        } else if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            return object(map).build();
        } else if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            list.forEach(item -> array.add(value(item)));
            return array.build();
        } else if (value instanceof Instant instant) {
            return JSON.createValue(instant.toString());
        } else if (value instanceof Date date) {
            return JSON.createValue(date.toInstant().toString());
        } else if (value instanceof JsonValue json) {
            return json;
        }
        return JSON.createValue(value.toString());
    }
}
