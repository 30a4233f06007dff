package dev.pltrack.client;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's wire log, written at DEBUG to {@value #LOGGER_NAME}, with the API key replaced by
 * {@code ****} wherever it appears: the {@code X-API-KEY} header, the body's {@code api_key}, or a
 * server answer that echoes the request.
 */
final class RedactingHttpLogger extends feign.Logger {

    static final String LOGGER_NAME = "dev.pltrack.client.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final SecretRedactor redactor;
    private final Consumer<String> sink;

    /** @param sink where redacted lines go, or {@code null} for DEBUG on {@value #LOGGER_NAME} */
    RedactingHttpLogger(SecretRedactor redactor, Consumer<String> sink) {
        this.redactor = redactor;
        this.sink = sink;
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (sink != null) {
            sink.accept(redactor.redact(methodTag(configKey) + String.format(format, args)));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(redactor.redact(methodTag(configKey) + String.format(format, args)));
        }
    }
}
