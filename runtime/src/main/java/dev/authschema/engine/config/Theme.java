package dev.authschema.engine.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the built-in pages look, as Auth.js's {@code theme} option: a logo above the card, the brand colour of the
 * buttons and links, and the colour of the buttons' text. {@link AuthConfig.Builder#build()} refuses values that are
 * not what they claim to be (see {@link #problems()}), so that nothing a configuration holds can break out of the
 * stylesheet or the {@code img} element.
 *
 * <pre>{@code
 * .theme(Theme.defaults().withLogo("/images/logo.svg").withBrandColor("#0b5fff").withButtonText("#ffffff"))
 * }</pre>
 *
 * @param logo       the logo's URL: an {@code https://} URL or a path on the application (such as
 *                   {@code /images/logo.svg}), or {@code null} for none
 * @param brandColor a CSS colour: {@code #rgb}, {@code #rrggbb} (with or without alpha), {@code rgb(...)},
 *                   {@code rgba(...)}, {@code hsl(...)} or {@code hsla(...)} with numbers
 * @param buttonText a CSS colour, the same forms
 */
public record Theme(String logo, String brandColor, String buttonText) {

    private static final String NUMBER = "\\s*[0-9]{1,3}(\\.[0-9]+)?%?\\s*";
    private static final String ANGLE = "\\s*[0-9]{1,3}(\\.[0-9]+)?(deg)?\\s*";
    private static final String ALPHA = "(,\\s*(0|1|0?\\.[0-9]+|[0-9]{1,3}%)\\s*)?";

    /** The colours accepted: hexadecimal and the functional notations with plain numbers (no names, no var()). */
    private static final Pattern COLOUR = Pattern.compile("#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})"
            + "|rgba?\\(" + NUMBER + "," + NUMBER + "," + NUMBER + ALPHA + "\\)"
            + "|hsla?\\(" + ANGLE + "," + NUMBER + "," + NUMBER + ALPHA + "\\)");

    /**
     * @return no logo, a blue brand colour (Auth.js's) and white button text
     */
    public static Theme defaults() {
        return new Theme(null, "#346df1", "#ffffff");
    }

    /**
     * @param url an {@code https://} URL or a path on the application
     * @return this theme with a logo
     */
    public Theme withLogo(String url) {
        return new Theme(url, brandColor, buttonText);
    }

    /**
     * @param colour a CSS colour (see the record description)
     * @return this theme with another brand colour
     */
    public Theme withBrandColor(String colour) {
        return new Theme(logo, colour, buttonText);
    }

    /**
     * @param colour a CSS colour (see the record description)
     * @return this theme with another button text colour
     */
    public Theme withButtonText(String colour) {
        return new Theme(logo, brandColor, colour);
    }

    /**
     * @return what is wrong with this theme, one message per value, naming the option and the fix; empty when valid
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkColour("brandColor", brandColor, problems);
        checkColour("buttonText", buttonText, problems);
        if (logo != null && !isSafeLogo(logo)) {
            problems.add("theme.logo: '" + printable(logo) + "' is neither an https:// URL nor a path on the"
                    + " application; write e.g. https://cdn.example.com/logo.svg or /images/logo.svg");
        }
        return problems;
    }

    private static void checkColour(String option, String value, List<String> problems) {
        if (value == null || !COLOUR.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            problems.add("theme." + option + ": '" + printable(value) + "' is not a CSS colour this page accepts;"
                    + " write #rrggbb (e.g. #346df1), #rgb, rgb(52, 109, 241) or hsl(222, 87%, 57%)");
        }
    }

    private static boolean isSafeLogo(String url) {
        if (url.isEmpty()
                || url.length() > 2048
                || url.chars()
                        .anyMatch(c ->
                                c <= 0x20 || c == 0x7f || c == '\\' || c == '"' || c == '\'' || c == '<' || c == '>')) {
            return false;
        }
        if (url.startsWith("/")) {
            return !url.startsWith("//"); // "//host/x" is another site
        }
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A value quoted in a message: configuration, not personal data, but kept short and on one line. */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }
}
