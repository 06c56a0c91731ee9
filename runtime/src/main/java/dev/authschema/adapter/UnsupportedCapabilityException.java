package dev.authschema.adapter;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Thrown when a feature needs an {@link AdapterCapability} the adapter does not have: by a method of a capability
 * the adapter does not implement, and by {@link AuthAdapter#requireCapabilities} when the engine starts with a
 * configuration the adapter cannot serve.
 */
public class UnsupportedCapabilityException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /** The capabilities that were needed but not supported. */
    private final Set<AdapterCapability> missing;

    /**
     * @param adapterName the adapter's name for the message, usually its class name
     * @param missing     the capabilities that are needed but not supported, at least one
     * @param neededFor   what needs them, such as a method name or "the configuration"
     */
    public UnsupportedCapabilityException(String adapterName, Set<AdapterCapability> missing, String neededFor) {
        super("Adapter " + adapterName + " does not support " + missing + ", needed for " + neededFor
                + "; use an adapter (or a schema with the models) that declares "
                + (missing.size() == 1 ? "it" : "them") + " in capabilities()");
        this.missing = Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }

    /**
     * @return the capabilities that were needed but not supported, never empty
     */
    public Set<AdapterCapability> missing() {
        return missing;
    }
}
