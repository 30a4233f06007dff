package dev.pltrack.client;

/**
 * A setting is missing or wrong. {@link #property()} names it as the frameworks spell it
 * ({@code promptlayer.base-url}, ...), so start-up failures can say what to change.
 */
public class PromptLayerConfigurationException extends IllegalStateException {

    private final String property;

    public PromptLayerConfigurationException(String property, String message) {
        super(message);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
