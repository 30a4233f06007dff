package dev.pltrack.client;

/** Tracking is enabled but no API key was given. The message says every way to give one. */
public class MissingApiKeyException extends PromptLayerConfigurationException {

    public MissingApiKeyException() {
        super(PromptLayerConfig.API_KEY_PROPERTY,
                "No PromptLayer API key is configured. Set the environment variable "
                        + PromptLayerConfig.API_KEY_ENV + " or the property " + PromptLayerConfig.API_KEY_PROPERTY
                        + " (or set promptlayer.enabled=false to turn tracking off).");
    }
}
