package dev.pltrack.spring.diagnostics;

import dev.pltrack.client.MissingApiKeyException;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.PromptLayerConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by pltrack's settings into Boot's "APPLICATION FAILED TO START"
 * report, saying which property to set or fix. The core's messages never contain the API key.
 */
public class PromptLayerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PromptLayerConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PromptLayerConfigurationException cause) {
        if (cause instanceof MissingApiKeyException) {
            return new FailureAnalysis(
                    "pltrack is enabled but no PromptLayer API key is configured.",
                    "Set the property " + PromptLayerConfig.API_KEY_PROPERTY + " (e.g. in application.properties)"
                            + " or the environment variable " + PromptLayerConfig.API_KEY_ENV
                            + ". To run without PromptLayer, set promptlayer.enabled=false.",
                    cause);
        }
        return new FailureAnalysis(
                "pltrack's configuration is invalid: " + cause.getMessage(),
                "Fix the property " + cause.property() + " in the application's configuration.",
                cause);
    }
}
