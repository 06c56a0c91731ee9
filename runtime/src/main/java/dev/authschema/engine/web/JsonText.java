package dev.authschema.engine.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/** Writes the endpoints' maps as JSON with the server's JSON-P; instants and dates become ISO-8601 strings. */
final class JsonText {

    private JsonText() {
    }

    static String of(Map<String, ?> map) {
        return object(map).build().toString();
    }

    private static JsonObjectBuilder object(Map<?, ?> map) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        map.forEach((key, value) -> builder.add(String.valueOf(key), value(value)));
        return builder;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            return Json.createValue(big);
        } else if (value instanceof BigDecimal decimal) {
            return Json.createValue(decimal);
        } else if (value instanceof Number number) {
            return Json.createValue(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            return object(map).build();
        } else if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(value(item)));
            return array.build();
        } else if (value instanceof Instant instant) {
            return Json.createValue(instant.toString());
        } else if (value instanceof Date date) {
            return Json.createValue(date.toInstant().toString());
        } else if (value instanceof JsonValue json) {
            return json;
        }
        return Json.createValue(value.toString());
    }
}
