package io.tally.tokens;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which proxies are believed: exact addresses and IPv4 ranges, the same by address and by the server's text. */
class TrustedAddressesTest {

    @Test
    void nobodyIsTrustedByDefault() {
        assertThat(TrustedAddresses.parse("").isEmpty()).isTrue();
        assertThat(TrustedAddresses.parse(" , ").isEmpty()).isTrue();
        assertThat(TrustedAddresses.parse(null).contains("127.0.0.1")).isFalse();
    }

    @Test
    void readsAddressesAsTheServerReportsAPeers() {
        assertThat(TrustedAddresses.parse("127.0.0.1, 10.0.0.7,::1,127.0.0.1").entries())
                .containsExactly("127.0.0.1", "10.0.0.7", "0:0:0:0:0:0:0:1");
    }

    @Test
    void refusesAnythingButAnAddressOrAnIpv4Range() {
        for (String wrong : List.of("gateway", "localhost", "10.0.0.256", "10.0.0", "10.0.0.0/33", "10.0.0.1/8",
                "fe80::/64", "fe80::zz", "10.0.0.0/", "/8")) {
            assertThatIllegalArgumentException().as(wrong)
                    .isThrownBy(() -> TrustedAddresses.parse(wrong))
                    .withMessageContaining(wrong);
        }
    }

    @Test
    void aRangeTrustsItsMembersAndNoOther() {
        TrustedAddresses pods = TrustedAddresses.parse("10.244.0.0/14");
        for (String member : List.of("10.244.0.0", "10.245.17.3", "10.247.255.255")) {
            assertThat(pods.contains(member)).as(member).isTrue();
        }
        for (String other : List.of("10.243.255.255", "10.248.0.0", "11.244.0.1", "192.168.1.1", "::1", "junk",
                "10.244.1")) {
            assertThat(pods.contains(other)).as(other).isFalse();
        }
    }

    @Test
    void theRegularExpressionAgreesWithTheRangeOnEveryAddressAround() throws Exception {
        for (String configured : List.of("10.244.0.0/14", "172.16.0.0/12", "192.168.4.0/22", "10.0.0.7",
                "0.0.0.0/0", "10.1.2.128/25", "10.0.0.7,10.9.0.0/16")) {
            TrustedAddresses trusted = TrustedAddresses.parse(configured);
            Pattern regex = Pattern.compile(trusted.regex());
            for (int second = 0; second < 256; second += 3) {
                for (int third : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 127, 128, 255}) {
                    for (String address : List.of("10." + second + "." + third + ".7",
                            "172." + second + "." + third + ".129", "192.168." + third + "." + second,
                            "10.1.2." + (third ^ (second % 2)))) {
                        assertThat(regex.matcher(address).matches()).as(configured + " ∋ " + address)
                                .isEqualTo(trusted.contains(InetAddress.getByName(address)));
                    }
                }
            }
        }
    }

    @Test
    void anIpv6AddressIsTrustedExactly() {
        TrustedAddresses trusted = TrustedAddresses.parse("fd00::10");
        assertThat(trusted.contains("fd00:0:0:0:0:0:0:10")).isTrue();
        assertThat(trusted.contains("[fd00::10]")).isTrue();
        assertThat(trusted.contains("fd00::11")).isFalse();
        assertThat(Pattern.compile(trusted.regex()).matcher("fd00:0:0:0:0:0:0:10").matches()).isTrue();
    }

    @Test
    void aForwardingHeadersEntryCountsOnlyAsAnIpLiteral() {
        assertThat(TrustedAddresses.parseLiteral(" 203.0.113.9 ")).isPresent();
        assertThat(TrustedAddresses.parseLiteral("[2001:db8::1]")).isPresent();
        for (String notOne : List.of("", "unknown", "example.com", "203.0.113.9:443", "_hidden", "1.2.3")) {
            assertThat(TrustedAddresses.parseLiteral(notOne)).as(notOne).isEmpty();
        }
    }
}
