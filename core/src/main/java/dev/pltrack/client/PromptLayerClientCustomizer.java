package dev.pltrack.client;

/**
 * Adjusts a {@link PromptLayerClient.Builder} before the client is built: another transport, a
 * request interceptor (a proxy's header, say), where the wire log goes, the TLS set-up, a User-Agent
 * prefix. The Spring Boot, Micronaut and Quarkus modules apply every customizer bean of the
 * application, in the framework's order, to the client they build, so that a small bean is enough
 * where replacing the whole client would otherwise be needed.
 *
 * <pre>{@code
 * @Bean
 * PromptLayerClientCustomizer proxyAuthorization() {
 *     return client -> client.requestInterceptor(template -> template.header("X-Gateway-Token", token()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PromptLayerClientCustomizer {

    void customize(PromptLayerClient.Builder client);
}
