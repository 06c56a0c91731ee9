package dev.authschema.engine.pages;

import dev.authschema.engine.config.Theme;

/**
 * The built-in pages' stylesheet, served by the engine at {@link BuiltInPages#STYLESHEET_PATH} rather than inlined,
 * so that the pages need no {@code 'unsafe-inline'} in a Content-Security-Policy. The theme's colours are the only
 * values in it; {@link Theme#problems()} accepted them as plain CSS colours (no quotes, braces or semicolons).
 */
public final class ThemeStylesheet {

    private ThemeStylesheet() {}

    /**
     * @param theme a validated theme
     * @return the CSS
     */
    public static String of(Theme theme) {
        return """
                :root { --brand: %s; --button-text: %s; }
                * { box-sizing: border-box; }
                body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center;
                  justify-content: center; background: #f3f4f6; color: #1f2937;
                  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
                .logo { max-width: 160px; max-height: 80px; margin-bottom: 24px; }
                .card { width: 100%%; max-width: 360px; padding: 32px; background: #fff; border-radius: 12px;
                  box-shadow: 0 1px 3px rgba(0, 0, 0, .12); border-top: 4px solid var(--brand); }
                h1 { margin: 0 0 16px; font-size: 1.4rem; }
                form { margin: 0 0 12px; }
                label { display: block; margin-bottom: 4px; font-weight: 600; font-size: .9rem; }
                input[type=email] { width: 100%%; padding: 10px 12px; margin-bottom: 8px; border: 1px solid #d1d5db;
                  border-radius: 8px; font: inherit; }
                button, .button { display: block; width: 100%%; padding: 10px 12px; border: 0; border-radius: 8px;
                  background: var(--brand); color: var(--button-text); font: inherit; font-weight: 600;
                  text-align: center; text-decoration: none; cursor: pointer; }
                button:focus-visible, .button:focus-visible, input:focus-visible { outline: 3px solid var(--brand);
                  outline-offset: 2px; }
                hr { border: 0; border-top: 1px solid #e5e7eb; margin: 16px 0; }
                .error { padding: 10px 12px; border-radius: 8px; background: #fef2f2; color: #991b1b; }
                small { color: #6b7280; }
                .mail { margin: 16px 0 0; padding-top: 12px; border-top: 1px solid #e5e7eb; overflow-wrap: anywhere; }
                .mail p { margin: 0 0 8px; }
                .code { font: 600 1.4rem/1.2 ui-monospace, monospace; letter-spacing: 4px; }
                """.formatted(theme.brandColor(), theme.buttonText());
    }
}
