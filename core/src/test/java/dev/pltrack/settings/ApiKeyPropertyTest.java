package dev.pltrack.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyPropertyTest {

    @Test
    void everyRelaxedFormOfTheKeysNameIsRecognised() {
        assertThat(List.of("promptlayer.api-key", "promptlayer.apiKey", "promptlayer.api_key", "promptlayer.api.key",
                "PROMPTLAYER_API_KEY", "PROMPTLAYER_APIKEY", "promptlayer[api-key]"))
                .allMatch(ApiKeyProperty::isApiKeyName);
    }

    @Test
    void otherNamesAreNot() {
        assertThat(List.of("promptlayer.base-url", "promptlayer.api-key-file", "other.promptlayer.api-key",
                "promptlayer api key", "promptlayer.api/key", "")).noneMatch(ApiKeyProperty::isApiKeyName);
        assertThat(ApiKeyProperty.isApiKeyName(null)).isFalse();
    }
}
