package io.tally.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchPlanTest {

    @TempDir
    Path root;

    @Test
    void startsTheServicesWhoseJarIsBuiltAndSkipsTheOthersVisibly() throws IOException {
        build(Services.CUSTOMER);

        LaunchPlan plan = LaunchPlan.of(Services.PLANNED, root, LocalStack.projectVersion());

        assertThat(plan.built()).containsExactly(Services.CUSTOMER);
        assertThat(plan.notBuilt()).containsExactly(Services.LEDGER, Services.AUTH, Services.GATEWAY);
        assertThat(plan.skipMessages()).containsExactly(
                "skipped credit-ledger-service: not built",
                "skipped auth-service: not built",
                "skipped api-gateway: not built");
    }

    @Test
    void startsTheGatewayWithTheServicesBehindIt() throws IOException {
        for (Service service : Services.PLANNED) {
            build(service);
        }

        LaunchPlan plan = LaunchPlan.of(Services.PLANNED, root, LocalStack.projectVersion());

        assertThat(plan.built()).containsExactly(Services.CUSTOMER, Services.LEDGER, Services.AUTH, Services.GATEWAY);
        assertThat(plan.skipMessages()).isEmpty();
    }

    @Test
    void holdsTheGatewayBackWithoutAuthServiceWhoseTokensAloneItAccepts() throws IOException {
        build(Services.CUSTOMER);
        build(Services.GATEWAY);

        LaunchPlan plan = LaunchPlan.of(Services.PLANNED, root, LocalStack.projectVersion());

        assertThat(plan.built()).containsExactly(Services.CUSTOMER);
        assertThat(plan.includes(Services.GATEWAY)).isFalse();
        assertThat(plan.whyNotStarted(Services.GATEWAY)).isEqualTo("needs auth-service, which is not built");
        assertThat(plan.skipMessages()).containsExactly(
                "skipped credit-ledger-service: not built",
                "skipped auth-service: not built",
                "skipped api-gateway: needs auth-service, which is not built");
    }

    @Test
    void aModuleWithSourcesButNoJarIsNotBuilt() throws IOException {
        Files.createDirectories(root.resolve("customer-service/target/classes"));

        LaunchPlan plan = LaunchPlan.of(Services.PLANNED, root, LocalStack.projectVersion());

        assertThat(plan.includes(Services.CUSTOMER)).isFalse();
        assertThat(plan.skipMessages()).contains("skipped customer-service: not built");
    }

    @Test
    void looksForTheJarOfTheProjectsVersion() {
        assertThat(Services.CUSTOMER.jar(root, LocalStack.projectVersion()))
                .isEqualTo(root.resolve("customer-service/target/customer-service-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void createsADatabaseForEveryPlannedServiceThatHasOne() {
        assertThat(Services.databases()).containsExactly("customers", "ledger", "auth");
    }

    private void build(Service service) throws IOException {
        Path jar = service.jar(root, LocalStack.projectVersion());
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[]{0x50, 0x4b});
    }
}
