package dev.authschema.engineit.app;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test-only: {@code GET /test/events?user=<id>} answers {@code {"events": [...]}}, the events of that user. */
@WebServlet("/test/events")
public class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = String.valueOf(request.getParameter("user"));
        JsonArrayBuilder events = Json.createArrayBuilder();
        RecordedEvents.INSTANCE.all().stream()
                .filter(e -> e.split(":", 3)[1].equals(user))
                .forEach(events::add);
        response.setContentType("application/json");
        response.getWriter()
                .write(Json.createObjectBuilder().add("events", events).build().toString());
    }
}
