package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The host and port rules, on authorities that java.net.URI leaves unsplit. Nothing is looked up. */
class HostAndPortTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL         | must name a host, e.g. https://api.promptlayer.com",
        "''           | must name a host, e.g. https://api.promptlayer.com",
        ":8080        | must name a host, e.g. https://api.promptlayer.com",
        ":1:2         | has several ':'; an IPv6 address must be written in brackets, e.g. http://[::1]:8080",
        "[::1         | has an IPv6 address without its closing ']'",
        "[::1]x       | has text after the IPv6 address where only ':port' may follow",
        "[::1]:99999  | has a port that is not a number from 1 to 65535 (port 99999)",
        "[]:80        | has empty brackets where an IPv6 address belongs",
        "[zz::1]      | has [zz::1], which is not a valid IPv6 address",
        "h:abc        | has a port that is not a number from 1 to 65535 (port abc)",
        "h:65536      | has a port that is not a number from 1 to 65535 (port 65536)",
        "h:0          | has a port that is not a number from 1 to 65535 (port 0)",
        "h:123456     | has a port that is not a number from 1 to 65535 (port 123456)",
        "1.2.3.256    | has 1.2.3.256, which is not a valid IPv4 address (four numbers from 0 to 255)",
        "1.2.3.0255   | has 1.2.3.0255, which is not a valid IPv4 address (four numbers from 0 to 255)",
        "1..2.3       | has 1..2.3, which is not a valid IPv4 address (four numbers from 0 to 255)",
        "a-.example   | has a label that starts or ends with '-' in host name a-.example"})
    void namesTheRuleAnAuthorityBreaks(String authority, String rule) {
        assertThat(HostAndPort.problem(authority)).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", "h:", "h:1", "h:65535", "[::1]", "[::1]:8080", "255.255.255.255", "0.0.0.0:1",
        "azAZ09-x.example.", "[fe80::1]"})
    void acceptsValidAuthorities(String authority) {
        assertThat(HostAndPort.problem(authority)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"`", "{", "@", "[", "/", ":", "_", "!"})
    void refusesEveryCharacterNextToTheLetterAndDigitRanges(String c) {
        assertThat(HostAndPort.hostProblem("a" + c + "b.example")).get().asString()
                .startsWith("has '" + c + "' in host name a" + c + "b.example, where only letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "-"})
    void acceptsTheEdgesOfTheLetterAndDigitRanges(String c) {
        assertThat(HostAndPort.hostProblem("a" + c + "b.example")).isEmpty();
    }

    @Test
    void aBracketedHostFromUriIsCheckedAsAnIpv6Literal() {
        assertThat(HostAndPort.hostProblem("[zz::1]")).contains("has [zz::1], which is not a valid IPv6 address");
        assertThat(HostAndPort.hostProblem("[::1]")).isEmpty();
        assertThat(HostAndPort.hostProblem("")).contains("must name a host, e.g. https://api.promptlayer.com");
    }

    @Test
    void labelsOf63AndNamesOf253CharactersAreTheLongestAllowed() {
        String label63 = "a".repeat(63);
        String name253 = (label63 + ".").repeat(3) + "b".repeat(61);
        assertThat(name253).hasSize(253);

        assertThat(HostAndPort.hostProblem(label63 + ".example")).isEmpty();
        assertThat(HostAndPort.hostProblem(name253)).isEmpty();
        assertThat(HostAndPort.hostProblem(name253 + ".")).isEmpty();
        assertThat(HostAndPort.hostProblem("a" + name253)).contains(
                "has a host name of 254 characters; at most 253 are allowed");
        assertThat(HostAndPort.hostProblem("a" + label63 + ".example")).get().asString().startsWith("has a label of 64 characters");
    }

    @Test
    void portsAreCheckedAsNumbersToo() {
        assertThat(HostAndPort.portProblem(-1)).isEmpty();
        assertThat(HostAndPort.portProblem(1)).isEmpty();
        assertThat(HostAndPort.portProblem(65_535)).isEmpty();
        assertThat(HostAndPort.portProblem(0)).isPresent();
        assertThat(HostAndPort.portProblem(65_536)).isPresent();
        assertThat(HostAndPort.portProblem("")).isEmpty();
    }
}
