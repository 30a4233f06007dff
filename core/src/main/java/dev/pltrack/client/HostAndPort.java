package dev.pltrack.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says in words what is wrong with the host and port of a base URL. {@link java.net.URI} reads an
 * authority it cannot parse as host and port ({@code api_promptlayer.com}, {@code 127.0.0.1:-1})
 * as a "registry" authority without a host, which would only let us say "must name a host"; this
 * names the rule instead. Literal addresses only: nothing here looks a name up.
 */
final class HostAndPort {

    static final int MIN_PORT = 1;
    static final int MAX_PORT = 65_535;
    private static final int MAX_HOST_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private HostAndPort() {
    }

    /** @param authority {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}, without user info */
    static Optional<String> problem(String authority) {
        if (authority == null || authority.isEmpty()) {
            return Optional.of("must name a host, e.g. https://api.promptlayer.com");
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            if (end < 0) {
                return Optional.of("has an IPv6 address without its closing ']'");
            }
            host = authority.substring(0, end + 1);
            String rest = authority.substring(end + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return Optional.of("has text after the IPv6 address where only ':port' may follow");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                return Optional.of("has several ':'; an IPv6 address must be written in brackets, e.g. http://[::1]:8080");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
        }
        Optional<String> hostProblem = hostProblem(host);
        return hostProblem.isPresent() ? hostProblem : portProblem(port);
    }

    /** An empty port text means the scheme's default port. */
    static Optional<String> portProblem(String port) {
        if (port.isEmpty()) {
            return Optional.empty();
        }
        if (!DIGITS.matcher(port).matches() || port.length() > 5) {
            return Optional.of(portRule(port));
        }
        return portProblem(Integer.parseInt(port));
    }

    /** A negative port is how {@link java.net.URI} says "none given": the scheme's default. */
    static Optional<String> portProblem(int port) {
        return port < 0 || (port >= MIN_PORT && port <= MAX_PORT) ? Optional.empty() : Optional.of(portRule(port));
    }

    private static String portRule(Object was) {
        return "has a port that is not a number from " + MIN_PORT + " to " + MAX_PORT + " (port " + was + ")";
    }

    /** @param host a name, an IPv4 literal or a bracketed IPv6 literal */
    static Optional<String> hostProblem(String host) {
        if (host.isEmpty()) {
            return Optional.of("must name a host, e.g. https://api.promptlayer.com");
        }
        if (host.startsWith("[")) {
            return ipv6Problem(host);
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return ipv4Problem(host);
        }
        return nameProblem(host);
    }

    private static Optional<String> ipv6Problem(String bracketed) {
        if (bracketed.length() <= 2) {
            return Optional.of("has empty brackets where an IPv6 address belongs");
        }
        try {
            InetAddress.getByName(bracketed); // a bracketed literal is parsed, never looked up
            return Optional.empty();
        } catch (UnknownHostException | SecurityException notALiteral) {
            return Optional.of("has " + bracketed + ", which is not a valid IPv6 address");
        }
    }

    private static Optional<String> ipv4Problem(String host) {
        String[] parts = host.split("\\.", -1);
        boolean valid = parts.length == 4;
        for (int i = 0; valid && i < parts.length; i++) {
            valid = !parts[i].isEmpty() && parts[i].length() <= 3 && Integer.parseInt(parts[i]) <= 255;
        }
        return valid ? Optional.empty()
                : Optional.of("has " + host + ", which is not a valid IPv4 address (four numbers from 0 to 255)");
    }

    private static Optional<String> nameProblem(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host; // a fully qualified name
        if (name.length() > MAX_HOST_LENGTH) {
            return Optional.of("has a host name of " + name.length() + " characters; at most "
                    + MAX_HOST_LENGTH + " are allowed");
        }
        for (String label : name.split("\\.", -1)) {
            Optional<String> problem = labelProblem(label, host);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> labelProblem(String label, String host) {
        String in = " in host name " + host;
        if (label.isEmpty()) {
            return Optional.of("has an empty label (two dots in a row, or a dot first)" + in);
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            return Optional.of("has a label of " + label.length() + " characters" + in + "; at most "
                    + MAX_LABEL_LENGTH + " are allowed between two dots");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c > 0x7F) {
                return Optional.of("has '" + c + "'" + in + "; write an internationalised name in its"
                        + " ASCII form (xn--..., java.net.IDN.toASCII gives it)");
            }
            if (!isLetterOrDigit(c) && c != '-') {
                return Optional.of("has '" + c + "'" + in + ", where only letters, digits, '-' and '.' are allowed"
                        + (c == '_' ? " (an underscore is not allowed in a host name)" : ""));
            }
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return Optional.of("has a label that starts or ends with '-'" + in);
        }
        return Optional.empty();
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
