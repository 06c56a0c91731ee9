package dev.authschema.engine.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.charset.StandardCharsets;

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
 */
public class Utf8RequestEncoding implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getRequestCharacterEncoding() == null) {
            context.setRequestCharacterEncoding(StandardCharsets.UTF_8.name());
        }
    }
}
