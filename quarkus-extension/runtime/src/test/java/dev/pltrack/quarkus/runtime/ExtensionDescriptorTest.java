package dev.pltrack.quarkus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extension's {@code META-INF/quarkus-extension.yaml} as the build leaves it: the metadata written in
 * {@code src/main/resources} merged by quarkus-extension-maven-plugin with what it generates.
 */
class ExtensionDescriptorTest {

    @Test
    void theDescriptorCarriesNameDescriptionKeywordsCategoriesAndStatus() throws IOException {
        String descriptor = ownDescriptor();

        assertThat(descriptor)
                .contains("name: \"pltrack (PromptLayer Track Metadata)\"")
                .contains("description: \"@TrackMetadata on CDI beans")
                .contains("status: \"preview\"");
        assertThat(listUnder(descriptor, "keywords:"))
                .contains("promptlayer", "pltrack", "llm", "track-metadata", "observability", "mutiny");
        assertThat(listUnder(descriptor, "categories:")).containsExactly("observability", "integration");
        // What the plugin adds: merged, not replaced.
        assertThat(descriptor).contains("built-with-quarkus-core:", "extension-dependencies:");
    }

    /** Several extensions are on the class path; ours is the one of this artifact. */
    private static String ownDescriptor() throws IOException {
        List<String> ours = new ArrayList<>();
        for (URL url : Collections.list(ExtensionDescriptorTest.class.getClassLoader()
                .getResources("META-INF/quarkus-extension.yaml"))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains("artifact: \"dev.pltrack:quarkus-pltrack::jar:")) {
                    ours.add(text);
                }
            }
        }
        assertThat(ours).as("this extension's descriptor").hasSize(1);
        return ours.get(0);
    }

    /** The items of a YAML block list that follows {@code key}, unquoted. */
    private static List<String> listUnder(String yaml, String key) {
        List<String> items = new ArrayList<>();
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(key)) {
                for (int j = i + 1; j < lines.length && lines[j].strip().startsWith("- "); j++) {
                    items.add(lines[j].strip().substring(2).replace("\"", ""));
                }
                return items;
            }
        }
        return items;
    }
}
