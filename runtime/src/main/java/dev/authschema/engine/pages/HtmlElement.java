package dev.authschema.engine.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTML element, built up and then rendered with {@link #render()}. Safe by construction: there is no way to add
 * markup as a string. Tag and attribute names must be constants of lower-case letters (checked), every text and
 * attribute value is escaped on output, and attribute values are always double-quoted. URL attributes are the
 * caller's business: the pages only put engine-built URLs and validated theme values there.
 */
public final class HtmlElement {

    /** A tag or attribute name: letters, digits and {@code -}; never anything a caller typed. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** Elements that have no end tag. */
    private static final List<String> VOID = List.of("meta", "link", "input", "img", "br", "hr");

    private final String tag;
    private final List<String[]> attributes = new ArrayList<>();
    private final List<Object> children = new ArrayList<>(); // HtmlElement or String (text, escaped on output)

    private HtmlElement(String tag) {
        this.tag = checkedName(tag);
    }

    /**
     * @param tag the element name, such as {@code form}
     * @return a new empty element
     */
    public static HtmlElement of(String tag) {
        return new HtmlElement(tag);
    }

    /**
     * @param name  the attribute name (a constant)
     * @param value its value, escaped on output; {@code null} leaves the attribute out
     * @return this element
     */
    public HtmlElement attr(String name, String value) {
        if (value != null) {
            attributes.add(new String[] {checkedName(name), value});
        }
        return this;
    }

    /**
     * @param text text content, escaped on output; {@code null} adds nothing
     * @return this element
     */
    public HtmlElement text(String text) {
        if (text != null) {
            requireContainer();
            children.add(text);
        }
        return this;
    }

    /**
     * @param child an element to append; {@code null} adds nothing
     * @return this element
     */
    public HtmlElement add(HtmlElement child) {
        if (child != null) {
            requireContainer();
            children.add(child);
        }
        return this;
    }

    /**
     * @param more elements to append in order
     * @return this element
     */
    public HtmlElement addAll(List<HtmlElement> more) {
        more.forEach(this::add);
        return this;
    }

    /**
     * @param name a tag name
     * @return whether this is such an element
     */
    public boolean isTag(String name) {
        return tag.equals(name);
    }

    /**
     * @return the element as HTML
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        renderTo(out);
        return out.toString();
    }

    private void renderTo(StringBuilder out) {
        out.append('<').append(tag);
        for (String[] attribute : attributes) {
            out.append(' ')
                    .append(attribute[0])
                    .append("=\"")
                    .append(escape(attribute[1]))
                    .append('"');
        }
        out.append('>');
        if (VOID.contains(tag)) {
            return;
        }
        for (Object child : children) {
            if (child instanceof HtmlElement element) {
                element.renderTo(out);
            } else {
                out.append(escape((String) child));
            }
        }
        out.append("</").append(tag).append('>');
    }

    private void requireContainer() {
        if (VOID.contains(tag)) {
            throw new IllegalStateException("<" + tag + "> has no content");
        }
    }

    private static String checkedName(String name) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("not an HTML name: " + name);
        }
        return name;
    }

    /**
     * Escapes the five characters that matter in HTML text and double-quoted attribute values.
     *
     * @param text any text
     * @return the text with {@code & < > " '} as character references
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
