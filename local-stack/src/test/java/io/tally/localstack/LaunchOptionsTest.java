package io.tally.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchOptionsTest {

    @Test
    void startsWithTheDataItHasOnTheStandardPortsByDefault() {
        assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(false, new Ports(0), false));
    }

    @Test
    void readsDemo() {
        assertThat(LaunchOptions.parse("--fresh", "--demo", "--port-offset", "300"))
                .isEqualTo(new LaunchOptions(true, new Ports(300), true));
        assertThat(LaunchOptions.parse("--demo").demo()).isTrue();
        assertThat(LaunchOptions.USAGE).contains("[--demo]");
    }

    @Test
    void readsFreshAndThePortOffset() {
        LaunchOptions options = LaunchOptions.parse("--port-offset", "100", "--fresh");

        assertThat(options.fresh()).isTrue();
        assertThat(options.demo()).isFalse();
        assertThat(options.ports().kafka()).isEqualTo(9192);
        assertThat(options.ports().kafkaController()).isEqualTo(9193);
        assertThat(options.ports().devJwks()).isEqualTo(8199);
        assertThat(options.ports().of(Services.CUSTOMER)).isEqualTo(8181);
    }

    @Test
    void readsHowManyInstancesOfEachService() {
        assertThat(LaunchOptions.parse().instances()).isOne();
        LaunchOptions options = LaunchOptions.parse("--instances", "3", "--port-offset", "100");

        assertThat(options.instances()).isEqualTo(3);
        assertThat(options.ports().of(Services.AUTH, 2)).isEqualTo(8383);
        assertThat(options.ports().managementOf(Services.AUTH, 2)).isEqualTo(9383);
        assertThat(LaunchOptions.USAGE).contains("[--instances N]");
    }

    @Test
    void refusesInstancesItCannotPlace() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--instances"))
                .withMessage("--instances needs a number");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--instances", "two"))
                .withMessage("--instances needs a number, not two");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--instances", "0"))
                .withMessage("--instances takes 1 to 5, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--instances", "6"))
                .withMessage("--instances takes 1 to 5, not 6");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse("--instances", "5", "--port-offset", "56400"))
                .withMessageContaining("leaves no room for 5 instances");
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--frseh"))
                .withMessage("unknown option --frseh");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--port-offset"))
                .withMessage("--port-offset needs a number");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--port-offset", "ten"))
                .withMessage("--port-offset needs a number, not ten");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--port-offset", "60000"))
                .withMessageContaining("between 0 and 56442");
    }
}
