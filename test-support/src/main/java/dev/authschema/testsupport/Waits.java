package dev.authschema.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waiting in tests: for a server to answer, or simply for a while. */
public final class Waits {

    private Waits() {}

    /**
     * Polls a URL until it answers 200 (a server that starts beside the build takes its time on 2 cores).
     *
     * @param url     a page the server serves once it is ready
     * @param timeout how long to wait at the most
     * @param poll    the pause between two tries
     * @return whether it answered 200 within the timeout; the caller says what did not start
     */
    public static boolean untilOk(URI url, Duration timeout, Duration poll) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(poll);
        }
    }

    /**
     * Sleeps; an interrupt fails the test (and keeps the thread's interrupt flag).
     *
     * @param pause how long
     */
    public static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
