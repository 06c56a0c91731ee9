package dev.authschema.cluster.it;

import dev.authschema.testsupport.Waits;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Open Liberty server the build created (liberty-maven-plugin), started and stopped by the tests. */
final class LibertyNode {

    private final Path wlp;
    private final String name;
    private final String url;

    LibertyNode(Path wlp, String name, String url) {
        this.wlp = wlp;
        this.name = name;
        this.url = url;
    }

    String name() {
        return name;
    }

    /** @return the base URL, without a trailing slash */
    String url() {
        return url;
    }

    /** @return one of the server's log files, such as {@code messages.log} or {@code trace.log} */
    Path log(String file) {
        return wlp.resolve("usr/servers/" + name + "/logs/" + file);
    }

    /** @return a log file's length in bytes (0 if not there yet), a position for {@link #logSince} */
    long logLength(String file) throws IOException {
        return Files.exists(log(file)) ? Files.size(log(file)) : 0;
    }

    /** @return what the server wrote to a log file after the given position */
    String logSince(String file, long position) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log(file))) {
            channel.position(position);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code server start}, which returns once the JVM is up; the app may still be starting. */
    Process launch(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", name)
                .redirectErrorStream(true)
                .redirectOutput(
                        wlp.resolve("usr/servers/" + name + "-launch.log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until the app answers its sign-in page. */
    void awaitReady(Duration timeout) {
        if (!Waits.untilOk(URI.create(url + "/signin.xhtml"), timeout, Duration.ofSeconds(1))) {
            throw new IllegalStateException(name + " did not serve " + url + " within " + timeout.toSeconds()
                    + " s; see " + wlp.resolve("usr/servers/" + name + "/logs/messages.log"));
        }
    }

    /**
     * Kills this server's JVM with SIGKILL, as a crash would: no shutdown hooks, no orderly close of connections.
     * The process id comes from the server's own pid file and is checked to be this server's JVM.
     */
    void killHard() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid"))
                .strip());
        ProcessHandle jvm = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " is not running (pid " + pid + ")"));
        String commandLine = jvm.info().commandLine().orElse("");
        if (!commandLine.contains("java") || !commandLine.contains(name)) {
            throw new IllegalStateException("pid " + pid + " is not " + name + "'s JVM: " + commandLine);
        }
        jvm.destroyForcibly();
        if (!jvm.onExit()
                .toCompletableFuture()
                .completeOnTimeout(null, 30, TimeUnit.SECONDS)
                .thenApply(h -> h != null)
                .join()) {
            throw new IllegalStateException(name + " (pid " + pid + ") did not die");
        }
    }

    /** Stops the server if it runs; a server already gone (killed) is fine. */
    void stop() {
        try {
            Process stop = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stop.waitFor(90, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("Could not stop " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
