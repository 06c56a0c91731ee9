package dev.authschema.engine.config;

import java.util.List;

/**
 * The configuration cannot work; thrown at start-up with every problem found, each naming the setting to fix.
 */
public class AuthConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One line per problem. */
    private final List<String> problems;

    /**
     * @param problems the problems, at least one, each naming the setting
     */
    public AuthConfigurationException(List<String> problems) {
        super("AuthSchema configuration is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @return the problems, one message each
     */
    public List<String> problems() {
        return problems;
    }
}
