package io.tally.service.security;

import io.tally.tokens.TrustedAddresses;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Forwarding headers count from the configured addresses exactly, and from no other (the setting's own rules: TrustedAddressesTest). */
class TrustedProxiesTest {

    @Test
    void theValveBelievesExactlyTheConfiguredPeers() {
        RemoteIpValve valve = TrustedProxies.valve(TrustedAddresses.parse("127.0.0.1,10.0.0.7"));
        Pattern believed = Pattern.compile(valve.getInternalProxies());

        assertThat(valve.getRemoteIpHeader()).isEqualTo("X-Forwarded-For");
        assertThat(valve.getTrustedProxies()).isNull();
        assertThat(believed.matcher("127.0.0.1").matches()).isTrue();
        assertThat(believed.matcher("10.0.0.7").matches()).isTrue();
        for (String other : List.of("127.0.0.10", "127.0.0.2", "127x0x0x1", "10.0.0.70", "192.168.1.1",
                "0:0:0:0:0:0:0:1")) {
            assertThat(believed.matcher(other).matches()).as(other).isFalse();
        }
    }

    @Test
    void theValveBelievesARangesMembers() {
        Pattern believed = Pattern.compile(TrustedProxies.valve(TrustedAddresses.parse("10.244.0.0/16"))
                .getInternalProxies());

        assertThat(believed.matcher("10.244.3.17").matches()).isTrue();
        assertThat(believed.matcher("10.245.3.17").matches()).isFalse();
        assertThat(believed.matcher("10.244.3.256").matches()).isFalse();
    }
}
