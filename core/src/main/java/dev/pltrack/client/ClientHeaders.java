package dev.pltrack.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Adds the headers every call carries: the key for current servers and pltrack's User-Agent. */
final class ClientHeaders implements RequestInterceptor {

    static final String API_KEY_HEADER = "X-API-KEY";

    private final ApiKey apiKey;
    private final String userAgent;

    ClientHeaders(ApiKey apiKey, String userAgent) {
        this.apiKey = apiKey;
        this.userAgent = userAgent;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.header(API_KEY_HEADER, apiKey.reveal());
        template.header("User-Agent", userAgent);
    }
}
