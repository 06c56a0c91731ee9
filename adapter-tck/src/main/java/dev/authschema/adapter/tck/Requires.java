package dev.authschema.adapter.tck;

import dev.authschema.adapter.AdapterCapability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capabilities a conformance case exercises. A case whose capabilities the adapter does not declare is skipped
 * (aborted by an assumption), not failed: an adapter is only held to what it claims.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

    /**
     * @return every capability the case needs
     */
    AdapterCapability[] value();
}
