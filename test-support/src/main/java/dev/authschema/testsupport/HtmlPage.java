package dev.authschema.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response as a test reads it: status, where it redirects, and the page's elements by id. The pages under test are
 * well-formed XHTML (Jakarta Faces), so small patterns suffice; elements are found by id only (MyFaces and Mojarra
 * agree on ids).
 *
 * @param uri      the requested URI
 * @param status   the HTTP status
 * @param location the Location header, or {@code null}
 * @param body     the body
 */
public record HtmlPage(URI uri, int status, String location, String body) {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    /**
     * A form's action, its fields with their current values, and its buttons.
     *
     * @param action  where it posts
     * @param fields  field names to values (buttons excluded)
     * @param buttons the submit buttons' names
     */
    public record Form(String action, Map<String, String> fields, Set<String> buttons) {}

    /**
     * @return the redirect target, for 3xx responses
     */
    public Optional<String> redirect() {
        return status / 100 == 3 ? Optional.ofNullable(location) : Optional.empty();
    }

    /**
     * @return the path of the URI, such as {@code /account.xhtml}
     */
    public String path() {
        return uri.getPath();
    }

    /**
     * @param id an element id
     * @return whether the page has an element with it
     */
    public boolean has(String id) {
        return body.contains("id=\"" + id + "\"");
    }

    /**
     * @param id an element id
     * @return the element's text, tags removed and whitespace collapsed
     */
    public String text(String id) {
        Matcher start = Pattern.compile("<([a-zA-Z0-9]+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(body);
        if (!start.find()) {
            throw new AssertionError("No element #" + id + " in " + uri + ":\n" + body);
        }
        String tag = start.group(1);
        int end = body.indexOf("</" + tag + ">", start.end());
        String inner = body.substring(start.end(), end < 0 ? body.length() : end);
        return unescape(inner.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }

    /**
     * @param id a form id
     * @return the form
     */
    public Form form(String id) {
        Matcher matcher = Pattern.compile(
                        "<form\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No form #" + id + " in " + uri + " (" + status + "):\n" + body);
        }
        Map<String, String> formAttributes =
                attributes(matcher.group().substring(0, matcher.group().indexOf('>')));
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
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&");
    }
}
