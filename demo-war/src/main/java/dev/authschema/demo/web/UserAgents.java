package dev.authschema.demo.web;

/** A short, human description of a browser from its User-Agent header ("Chrome on Linux"). */
final class UserAgents {

    private UserAgents() {}

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || "unknown".equals(userAgent)) {
            return "Unknown device";
        }
        return browser(userAgent) + " on " + system(userAgent);
    }

    private static String browser(String ua) {
        if (ua.contains("Edg/")) {
            return "Edge";
        } else if (ua.contains("Firefox/")) {
            return "Firefox";
        } else if (ua.contains("Chrome/") || ua.contains("Chromium/")) {
            return ua.contains("HeadlessChrome") ? "Headless Chrome" : "Chrome";
        } else if (ua.contains("Safari/")) {
            return "Safari";
        } else if (ua.startsWith("Java-http-client") || ua.startsWith("Java/")) {
            return "Java HTTP client";
        } else if (ua.startsWith("curl/")) {
            return "curl";
        }
        return "Browser";
    }

    private static String system(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        } else if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        } else if (ua.contains("Windows")) {
            return "Windows";
        } else if (ua.contains("Mac OS X")) {
            return "macOS";
        } else if (ua.contains("Linux")) {
            return "Linux";
        }
        return "an unknown system";
    }
}
