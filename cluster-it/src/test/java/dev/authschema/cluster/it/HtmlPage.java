package dev.authschema.cluster.it;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response as a test reads it (a trimmed copy of the demo's test helper): status, redirect, and forms by id.
 *
 * @param uri      the requested URI
 * @param status   the HTTP status
 * @param location the Location header, or {@code null}
 * @param body     the body
 */
record HtmlPage(URI uri, int status, String location, String body) {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    /**
     * @param action  where it posts
     * @param fields  field names to values (buttons excluded)
     * @param buttons the submit buttons' names
     */
    record Form(String action, Map<String, String> fields, Set<String> buttons) {
    }

    Optional<String> redirect() {
        return status / 100 == 3 ? Optional.ofNullable(location) : Optional.empty();
    }

    String path() {
        return uri.getPath();
    }

    Form form(String id) {
        Matcher matcher = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No form #" + id + " in " + uri + " (" + status + "):\n" + body);
        }
        Map<String, String> formAttributes = attributes(matcher.group().substring(0, matcher.group().indexOf('>')));
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> buttons = new LinkedHashSet<>();
        Matcher inputs = INPUT.matcher(matcher.group(1));
        while (inputs.find()) {
            Map<String, String> input = attributes(inputs.group());
            String name = input.get("name");
            if (name == null) {
                continue;
            }
            if ("submit".equals(input.get("type"))) {
                buttons.add(name);
            } else {
                fields.put(name, unescape(input.getOrDefault("value", "")));
            }
        }
        return new Form(unescape(formAttributes.get("action")), fields, buttons);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(tag);
        while (matcher.find()) {
            attributes.put(matcher.group(1), matcher.group(2));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
