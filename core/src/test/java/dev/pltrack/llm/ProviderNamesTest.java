package dev.pltrack.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderNamesTest {

    @ParameterizedTest
    @CsvSource({
            "OPEN_AI, openai", "openai, openai", "AZURE_OPEN_AI, openai.azure", "azure-openai, openai.azure",
            "ANTHROPIC, anthropic", "GOOGLE_AI_GEMINI, google", "google_genai, google",
            "GOOGLE_VERTEX_AI_GEMINI, vertexai", "vertex_ai, vertexai", "MISTRAL_AI, mistral",
            "AMAZON_BEDROCK, amazon.bedrock", "bedrock_converse, amazon.bedrock", "HUGGING_FACE, huggingface",
            "cohere, cohere", "OLLAMA, ollama", "' Other Cloud ', other cloud"})
    void namesBecomePromptLayersOwn(String given, String expected) {
        assertThat(ProviderNames.of(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '", "NULL"}, nullValues = "NULL")
    void noNameIsUnknown(String given) {
        assertThat(ProviderNames.of(given)).isEqualTo(ProviderNames.UNKNOWN);
    }
}
