package dev.authschema.engine.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
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
 * on the request. So, as a request listener, it also sets the encoding on each request that names no charset, before
 * any filter runs: the default it already reports, a no-op elsewhere.
 */
public class Utf8RequestEncoding implements ServletContextListener, ServletRequestListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getRequestCharacterEncoding() == null) {
            context.setRequestCharacterEncoding(StandardCharsets.UTF_8.name());
        }
    }

    /** Before every filter and servlet, so before anyone can have read a parameter. */
    @Override
    public void requestInitialized(ServletRequestEvent event) {
        ServletRequest request = event.getServletRequest();
        String contentType = request.getContentType();
        if (namesCharset(contentType)) {
            return; // decoded with that one; an unknown one gets 415 from WebHardeningFilter
        }
        String encoding = explicitEncoding(
                contentType,
                request.getCharacterEncoding(),
                event.getServletContext().getRequestCharacterEncoding());
        if (encoding != null) {
            try {
                request.setCharacterEncoding(encoding);
            } catch (UnsupportedEncodingException e) {
                // The application's own <request-character-encoding> names no charset this JVM has: leave it.
            }
        }
    }

    /**
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param current what the request reports from {@code getCharacterEncoding()}
     * @param contextDefault the application's request character encoding, or {@code null}
     * @return the encoding to set on the request, or {@code null} to leave it
     */
    static String explicitEncoding(String contentType, String current, String contextDefault) {
        if (namesCharset(contentType)) {
            return null;
        }
        String wanted = contextDefault != null ? contextDefault : StandardCharsets.UTF_8.name();
        return current == null || current.equalsIgnoreCase(wanted) ? wanted : null;
    }

    private static boolean namesCharset(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=");
    }
}
