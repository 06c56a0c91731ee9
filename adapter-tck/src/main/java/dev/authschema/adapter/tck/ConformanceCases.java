package dev.authschema.adapter.tck;

/**
 * The root of the case interfaces that {@link AuthAdapterConformanceTest} combines. Each case interface holds the
 * cases of one model or concern as default {@code @Test} methods; they reach the adapter through {@link #context()}.
 *
 * <p>Cases are tagged {@value #AUTHJS} when they are ported from the Auth.js shared adapter suite
 * ({@code packages/utils/adapter.ts}) and {@value #EXTENDED} when they go beyond it, so either group can be run
 * alone with JUnit's tag filters.
 */
public interface ConformanceCases {

    /** Tag of the cases ported from the Auth.js shared adapter suite. */
    String AUTHJS = "authjs";

    /** Tag of the cases the Auth.js suite lacks. */
    String EXTENDED = "extended";

    /**
     * @return the adapter, database access and fixtures of the running case
     */
    ConformanceContext context();
}
