package dev.authschema.dsl.differential;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prisma 6's own validator ({@code @prisma/prisma-schema-wasm}, pinned in {@code src/test/prisma/package-lock.json}),
 * run once for a whole batch of schemas by {@code src/test/prisma/validate-batch.js}: JSON in, JSON out.
 */
final class PrismaValidator {

    static final Path DIRECTORY = Path.of("src/test/prisma");

    record Finding(int line, int column, String message) {}

    record Verdict(String id, boolean valid, List<Finding> errors, List<Finding> warnings) {}

    private record Request(String id, String schema) {}

    private PrismaValidator() {}

    /** Checks that node and the installed package are there; the message says how to fix it when not. */
    static String unavailableReason() {
        if (!Files.isDirectory(DIRECTORY.resolve("node_modules/@prisma/prisma-schema-wasm"))) {
            return "Prisma's validator is not installed: run `npm ci --ignore-scripts` in schema-dsl/src/test/prisma "
                    + "(.ci/run does it; it needs Node.js 18 or later, Debian package `nodejs`)";
        }
        try {
            Process probe = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return "`node --version` failed: install Node.js 18 or later (Debian package `nodejs`; .ci/run does it)";
            }
        } catch (IOException e) {
            return "Node.js is not on the PATH: install Node.js 18 or later (Debian package `nodejs`; .ci/run does it)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for Node.js";
        }
        return null;
    }

    /** Prisma's verdicts on the schemas (id to text), in the same order. */
    static List<Verdict> validate(Map<String, String> schemas) throws IOException, InterruptedException {
        List<Request> requests = new ArrayList<>();
        schemas.forEach((id, schema) -> requests.add(new Request(id, schema)));
        Gson gson = new Gson();
        Process node = new ProcessBuilder("node", "validate-batch.js")
                .directory(DIRECTORY.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return node.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream in = node.getOutputStream()) {
            in.write(gson.toJson(requests).getBytes(StandardCharsets.UTF_8));
        }
        if (!node.waitFor(5, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            throw new IllegalStateException("validate-batch.js did not finish within 5 minutes");
        }
        if (node.exitValue() != 0) {
            throw new IllegalStateException("validate-batch.js failed with exit code " + node.exitValue());
        }
        String json = new String(output.join(), StandardCharsets.UTF_8);
        return gson.fromJson(json, new TypeToken<List<Verdict>>() {}.getType());
    }
}
