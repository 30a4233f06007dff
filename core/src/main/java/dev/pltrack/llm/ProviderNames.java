package dev.pltrack.llm;

import java.util.Locale;
import java.util.Map;

/**
 * LLM provider names as PromptLayer reads them ({@code openai}, {@code anthropic}, {@code google},
 * {@code openai.azure}, {@code vertexai}, {@code mistral}, {@code cohere}, {@code amazon.bedrock},
 * {@code huggingface}), from the names the integrations use: LangChain4j's {@code ModelProvider}
 * constants ({@code OPEN_AI}, {@code GOOGLE_VERTEX_AI_GEMINI}), Spring AI's observation names
 * ({@code openai}, {@code vertex_ai}, {@code azure-openai}). A name PromptLayer does not list is sent
 * in lower case, as given (e.g. {@code ollama}).
 */
public final class ProviderNames {

    /** Sent when an integration cannot tell the provider: PromptLayer requires one. */
    public static final String UNKNOWN = "unknown";

    /** Keyed by the name folded to lower case without separators. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("openai", "openai"),
            Map.entry("azureopenai", "openai.azure"),
            Map.entry("openaiazure", "openai.azure"),
            Map.entry("azure", "openai.azure"),
            Map.entry("anthropic", "anthropic"),
            Map.entry("google", "google"),
            Map.entry("googleai", "google"),
            Map.entry("googleaigemini", "google"),
            Map.entry("gemini", "google"),
            Map.entry("googlegenai", "google"),
            Map.entry("vertexai", "vertexai"),
            Map.entry("googlevertexai", "vertexai"),
            Map.entry("googlevertexaigemini", "vertexai"),
            Map.entry("googlevertexaianthropic", "vertexai"),
            Map.entry("mistral", "mistral"),
            Map.entry("mistralai", "mistral"),
            Map.entry("cohere", "cohere"),
            Map.entry("bedrock", "amazon.bedrock"),
            Map.entry("amazonbedrock", "amazon.bedrock"),
            Map.entry("awsbedrock", "amazon.bedrock"),
            Map.entry("bedrockconverse", "amazon.bedrock"),
            Map.entry("huggingface", "huggingface"));

    private ProviderNames() {
    }

    /** PromptLayer's name for {@code providerName}; {@value #UNKNOWN} for null or blank. */
    public static String of(String providerName) {
        if (providerName == null || providerName.isBlank()) {
            return UNKNOWN;
        }
        String lower = providerName.strip().toLowerCase(Locale.ROOT);
        String known = KNOWN.get(lower.replaceAll("[^a-z0-9]", ""));
        return known != null ? known : lower;
    }
}
