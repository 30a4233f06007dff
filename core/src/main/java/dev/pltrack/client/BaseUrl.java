package dev.pltrack.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses and checks {@code promptlayer.base-url}. Plain {@code http://} is refused for any host
 * that is not loopback unless the user allows it, because the API key travels in every request.
 */
final class BaseUrl {

    private static final String PROPERTY = PromptLayerConfig.BASE_URL_PROPERTY;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /**
     * Paths of PromptLayer endpoints, which pltrack appends itself. A self-hosted server may live
     * under a path prefix, so only a path that ends in one of these is refused.
     */
    private static final List<String> ENDPOINT_PATHS = List.of(PromptLayerApi.TRACK_METADATA_PATH,
            PromptLayerApi.TRACK_SCORE_PATH, PromptLayerApi.TRACK_PROMPT_PATH, "/rest/track-group", "/rest",
            PromptLayerApi.LOG_REQUEST_PATH);

    private BaseUrl() {
    }

    static URI parse(String text, boolean allowInsecureHttp) {
        if (text == null || text.isBlank()) {
            throw new PromptLayerConfigurationException(PROPERTY, PROPERTY + " must not be blank");
        }
        URI uri;
        try {
            uri = new URI(stripTrailingSlashes(text.strip()));
        } catch (URISyntaxException e) {
            throw new PromptLayerConfigurationException(PROPERTY,
                    PROPERTY + " is not a valid URL (" + e.getReason() + "): " + shown(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new PromptLayerConfigurationException(PROPERTY,
                    PROPERTY + " must be an absolute http or https URL, e.g. https://api.promptlayer.com (was " + shown(text) + ")");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new PromptLayerConfigurationException(PROPERTY,
                    PROPERTY + " must not carry a query, fragment or user info (was " + withoutSecrets(uri) + "...)");
        }
        checkHostAndPort(uri, text);
        checkNoEndpointPath(uri, text);
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new PromptLayerConfigurationException(PROPERTY,
                    PROPERTY + " uses plain http to " + uri.getHost()
                            + ", which would send the API key unencrypted. Use https, or set "
                            + PromptLayerConfig.ALLOW_INSECURE_HTTP_PROPERTY + "=true if that network is trusted.");
        }
        return uri;
    }

    private static void checkHostAndPort(URI uri, String text) {
        // Without a host, URI could not split the authority: HostAndPort says which rule it breaks.
        Optional<String> problem = uri.getHost() == null
                ? HostAndPort.problem(uri.getRawAuthority())
                : HostAndPort.hostProblem(uri.getHost()).or(() -> HostAndPort.portProblem(uri.getPort()));
        if (uri.getHost() == null && problem.isEmpty()) {
            problem = Optional.of("must name a host that java.net.URI can read");
        }
        if (problem.isPresent()) {
            throw new PromptLayerConfigurationException(PROPERTY, PROPERTY + " " + problem.get() + " (was " + shown(text) + ")");
        }
    }

    /** {@code https://api.promptlayer.com/rest/track-metadata} would 404 on every track: say what to set instead. */
    private static void checkNoEndpointPath(URI uri, String text) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String lowerPath = path.toLowerCase(Locale.ROOT);
        for (String endpoint : ENDPOINT_PATHS) {
            if (lowerPath.endsWith(endpoint)) {
                String root = uri.getScheme() + "://" + hostAndPort(uri) + path.substring(0, path.length() - endpoint.length());
                throw new PromptLayerConfigurationException(PROPERTY, PROPERTY + " ends in the endpoint path "
                        + path.substring(path.length() - endpoint.length()) + ", which pltrack adds itself; set "
                        + PROPERTY + "=" + root + " (was " + shown(text) + ")");
            }
        }
    }

    /**
     * The rejected value as an error message may show it. A value that is not a URL at all may be a
     * secret pasted into the wrong property, so only its length is shown; a URL loses its user info,
     * query and fragment, where a key could sit.
     */
    private static String shown(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                return withoutSecrets(uri) + (uri.getRawUserInfo() != null || uri.getRawQuery() != null
                        || uri.getRawFragment() != null ? "..." : "");
            }
        } catch (URISyntaxException notAUrl) {
            // shown by length below
        }
        return "a value of " + text.length() + " characters, not shown";
    }

    private static String withoutSecrets(URI uri) {
        return uri.getScheme() + "://" + hostAndPort(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** As given: a registry authority (no host as URI sees it) is shown too, minus any user info. */
    private static String hostAndPort(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** Loopback by name or literal address only: no DNS lookup at configuration time. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // URI gives an IPv6 host in brackets, which InetAddress parses as a literal, never looks up.
        if (!IPV4_LITERAL.matcher(host).matches() && !host.startsWith("[")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripTrailingSlashes(String text) {
        String result = text;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
