package dev.authschema.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium with a fresh profile of its own (so its own cookies), driven by Debian's chromedriver
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}): nothing is downloaded. Close it to quit the browser and
 * delete the profile.
 */
public final class Chromium implements AutoCloseable {

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * @param width  the window's width in pixels (screenshots have this size)
     * @param height the window's height in pixels
     * @return a started browser
     */
    public static Chromium start(int width, int height) {
        return start(width, height, options -> {});
    }

    /**
     * @param width  the window's width in pixels (screenshots have this size)
     * @param height the window's height in pixels
     * @param more   further options, such as logging preferences
     * @return a started browser
     */
    public static Chromium start(int width, int height, Consumer<ChromeOptions> more) {
        Path profile;
        try {
            profile = Files.createTempDirectory("authschema-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new Chromium(profile, new ChromeDriver(service, options));
    }

    /** @return the driver (also a {@code HasVirtualAuthenticator} for passkey tests) */
    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
