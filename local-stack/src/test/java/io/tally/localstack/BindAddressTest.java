package io.tally.localstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BindAddressTest {

    @Test
    void theLoopbackInterfaceUnlessTheVariableOpensIt() {
        assertThat(BindAddress.fromEnvironment(Map.of())).isEqualTo(BindAddress.LOOPBACK);
        assertThat(BindAddress.fromEnvironment(Map.of("TALLY_BIND_ADDRESS", " "))).isEqualTo(BindAddress.LOOPBACK);
        assertThat(BindAddress.LOOPBACK.address()).isEqualTo("127.0.0.1");
        assertThat(BindAddress.LOOPBACK.isLoopback()).isTrue();

        BindAddress open = BindAddress.fromEnvironment(Map.of("TALLY_BIND_ADDRESS", "0.0.0.0"));
        assertThat(open.address()).isEqualTo("0.0.0.0");
        assertThat(open.isLoopback()).isFalse();
    }

    @Test
    void loopbackAndTheWildcardsKeepTheServicesWithinTheLaunchersReach() {
        for (String address : new String[] {"127.0.0.1", "0.0.0.0", "::", "0:0:0:0:0:0:0:0"}) {
            assertThat(new BindAddress(address).problem()).as(address).isEmpty();
        }
    }

    @Test
    void anyOtherAddressIsAStartupProblemThatSaysWhatToSet() {
        for (String address : new String[] {"192.168.1.20", "127.0.0.2", "localhost", "::1"}) {
            assertThat(new BindAddress(address).problem()).as(address).hasValueSatisfying(problem -> {
                assertThat(problem.what()).contains("TALLY_BIND_ADDRESS=" + address);
                assertThat(problem.remedy()).contains("0.0.0.0");
            });
        }
    }
}
