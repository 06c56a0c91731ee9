package dev.authschema.engineit.app;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Test-only: {@code GET /test/clock} answers {@code {"now": ...}} of the engine's clock; {@code POST
 * /test/clock?advance=PT25H} moves it forward by an ISO-8601 duration.
 */
@WebServlet("/test/clock")
public class ClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        now(response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            MovableClock.INSTANCE.advance(Duration.parse(String.valueOf(request.getParameter("advance"))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "advance must be a positive ISO-8601 duration");
            return;
        }
        now(response);
    }

    private static void now(HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("now", MovableClock.INSTANCE.instant().toString())
                        .build()
                        .toString());
    }
}
