package dev.pltrack.testkit;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * Keeps WireMock quiet. Its console notifier prints request details, which would put API keys in
 * test logs; everything worth knowing about a request is in the recordings instead.
 */
final class SilentNotifier implements Notifier {

    @Override
    public void info(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void error(String message, Throwable t) {}
}
