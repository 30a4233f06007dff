package dev.pltrack.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.sockets.CountingRelay;
import dev.pltrack.sockets.ScriptedServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path to the real API: TLS, HTTP/2 negotiated by ALPN, many tracks multiplexed on few
 * connections; and the JVM's standard proxy settings, honoured by default.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsAndProxyTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;
    private static Path keystore;
    private static WireMockServer https;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keystore = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        https = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12")
                .http2TlsDisabled(false)
                .containerThreads(64));
        https.start();
        https.stubFor(post(urlEqualTo(PromptLayerApi.TRACK_METADATA_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"message\":\"Metadata tracked successfully\"}")));
    }

    @AfterAll
    static void stop() {
        https.stop();
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void overTlsHttp2IsNegotiatedAndManyTracksShareFewConnections(HttpTransport transport) throws Exception {
        https.resetRequests();
        try (CountingRelay relay = new CountingRelay(https.httpsPort())) {
            PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                            .apiKey("pl_tls_key")
                            .baseUrl("https://127.0.0.1:" + relay.port())
                            .build())
                    .sslContext(trusting(keystore))
                    .httpTransport(transport)
                    .build();
            try (DeliveryEngine engine = DeliveryEngine.start(client)) {
                for (long id = 1; id <= 300; id++) {
                    engine.offer(TrackRequest.of(id, Map.of("k", "v")));
                }
                assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
                assertThat(engine.stats().delivered()).isEqualTo(300);
            }
            List<LoggedRequest> received = https.findAll(
                    com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(PromptLayerApi.TRACK_METADATA_PATH)));
            assertThat(received).hasSize(300);
            assertThat(received).extracting(LoggedRequest::getProtocol).containsOnly("HTTP/2.0");
            assertThat(relay.connectionsAccepted()).as("connections for 300 tracks").isBetween(1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void anUntrustedCertificateIsAFailureNotASilentDowngrade(HttpTransport transport) {
        PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                .apiKey("pl_tls_key")
                .baseUrl("https://127.0.0.1:" + https.httpsPort())
                .retryPolicy(RetryPolicy.noRetries())
                .build())
                .httpTransport(transport)
                .build();

        assertThatThrownBy(() -> client.track(1L, Map.of("k", "v")))
                .isInstanceOf(PromptLayerTransportException.class)
                .hasMessageNotContaining("pl_tls_key");
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void theJvmsHttpsProxySettingsAreHonouredForTheRealApi(HttpTransport transport) throws Exception {
        try (ScriptedServer proxy = new ScriptedServer((arrival, out) ->
                !ScriptedServer.answer(out, 403, Map.of(), "{}"))) {
            withProperties(Map.of("https.proxyHost", "127.0.0.1", "https.proxyPort", String.valueOf(proxy.port())), () -> {
                PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                        .apiKey("pl_proxy_key")
                        .retryPolicy(RetryPolicy.noRetries())
                        .build())
                .httpTransport(transport)
                .build();
                assertThatThrownBy(() -> client.track(1L, Map.of("k", "v")))
                        .isInstanceOf(PromptLayerTransportException.class);
            });
            assertThat(proxy.arrivals()).extracting(ScriptedServer.Arrival::requestLine)
                    .containsExactly("CONNECT api.promptlayer.com:443 HTTP/1.1");
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void aPlainHttpProxyCarriesTheRequest(HttpTransport transport) throws Exception {
        try (ScriptedServer proxy = new ScriptedServer((arrival, out) -> ScriptedServer.ok(out))) {
            // A host no resolver is asked about: a proxied request names it to the proxy only.
            String behindTheProxy = "http://promptlayer.internal.test";
            withProperties(Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort", String.valueOf(proxy.port())), () -> {
                PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                        .apiKey("pl_proxy_key").baseUrl(behindTheProxy).allowInsecureHttp(true).build())
                        .httpTransport(transport)
                        .build();
                assertThat(client.track(1L, Map.of("k", "v")).requestId()).isEqualTo(1L);
            });
            assertThat(proxy.arrivals()).extracting(ScriptedServer.Arrival::requestLine)
                    .containsExactly("POST " + behindTheProxy + PromptLayerApi.TRACK_METADATA_PATH + " HTTP/1.1");
            assertThat(proxy.arrivals().get(0).header("X-API-KEY")).isEqualTo("pl_proxy_key");
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void withProperties(Map<String, String> properties, ThrowingRunnable body) throws Exception {
        Map<String, String> saved = new java.util.HashMap<>();
        properties.keySet().forEach(name -> saved.put(name, System.getProperty(name)));
        properties.forEach(System::setProperty);
        try {
            body.run();
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
