package io.tally.service.security;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Forwarding headers count from the configured addresses exactly, and from no other. */
class TrustedProxiesTest {

    @Test
    void nobodyIsTrustedByDefault() {
        assertThat(TrustedProxies.addresses("")).isEmpty();
        assertThat(TrustedProxies.addresses(" , ")).isEmpty();
    }

    @Test
    void readsAddressesAsTheServerReportsAPeers() {
        assertThat(TrustedProxies.addresses("127.0.0.1, 10.0.0.7,::1,127.0.0.1"))
                .containsExactly("127.0.0.1", "10.0.0.7", "0:0:0:0:0:0:0:1");
    }

    @Test
    void refusesAnythingButAnIpAddress() {
        for (String notAnAddress : List.of("gateway", "localhost", "10.0.0.256", "10.0.0", "10.0.0.0/8", "fe80::zz")) {
            assertThatIllegalArgumentException().as(notAnAddress)
                    .isThrownBy(() -> TrustedProxies.addresses(notAnAddress))
                    .withMessageContaining(notAnAddress);
        }
    }

    @Test
    void theValveBelievesExactlyTheConfiguredPeers() {
        RemoteIpValve valve = TrustedProxies.valve(TrustedProxies.addresses("127.0.0.1,10.0.0.7"));
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
}
