package dev.authschema.engine.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Makes UTF-8 the application's request character encoding, registered by the jar's {@code web-fragment.xml}.
 * Without it, the container decodes a form that comes without {@code charset} (every browser form) as ISO-8859-1,
 * and whoever reads a parameter first fixes that for the whole request: {@code Zoë} arrives as {@code ZoÃ«}, and a
 * full-width or NBSP-padded e-mail address is mangled before the engine can normalise it.
 *
 * <p>A web fragment cannot declare {@code <request-character-encoding>} (only {@code web.xml} can), so this listener
 * sets the same context-wide default at start-up, before any request, and so before any filter or servlet can read a
 * parameter. An application that declares {@code <request-character-encoding>} in its {@code web.xml} keeps its own;
 * a request whose {@code Content-Type} names a charset is decoded with that one.
 *
 * <p>Undertow (WildFly) reports that default from {@code getCharacterEncoding()} but builds its form parser when the
 * application deploys, before this listener runs, and decodes with ISO-8859-1 unless the request's encoding is set
 * explicitly. So the engine's first filter also sets it on each request, {@link #applyTo(HttpServletRequest)}.
 */
public class Utf8RequestEncoding implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getRequestCharacterEncoding() == null) {
            context.setRequestCharacterEncoding(StandardCharsets.UTF_8.name());
        }
    }

    /**
     * Sets the request's encoding explicitly to the one it reports, the application's default, when its
     * {@code Content-Type} names no charset and no filter before chose another: a no-op where the container already
     * decodes with that default, the fix where it does not (Undertow). Called before anything reads a parameter.
     *
     * @param request the request, before its parameters are read
     * @throws UnsupportedEncodingException never for the default, which the container accepted
     */
    public static void applyTo(HttpServletRequest request) throws UnsupportedEncodingException {
        String encoding = explicitEncoding(
                request.getContentType(),
                request.getCharacterEncoding(),
                request.getServletContext().getRequestCharacterEncoding());
        if (encoding != null) {
            request.setCharacterEncoding(encoding);
        }
    }

    /**
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param current what the request reports from {@code getCharacterEncoding()}
     * @param contextDefault the application's request character encoding, or {@code null}
     * @return the encoding to set on the request, or {@code null} to leave it
     */
    static String explicitEncoding(String contentType, String current, String contextDefault) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=")) {
            return null;
        }
        String wanted = contextDefault != null ? contextDefault : StandardCharsets.UTF_8.name();
        return current == null || current.equalsIgnoreCase(wanted) ? wanted : null;
    }
}
