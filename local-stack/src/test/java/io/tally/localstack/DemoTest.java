package io.tally.localstack;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTest {

    @Test
    void grantsNoMoreCreditsThanThePoolHoldsAndLeavesSomeToGrant() {
        assertThat(Demo.creditsGranted()).isEqualByComparingTo("65.00")
                .isLessThan(new BigDecimal(Demo.POOL_TOTAL));
    }

    @Test
    void showsEveryKindOfCustomer() {
        assertThat(Demo.CUSTOMERS).hasSize(5);
        assertThat(Demo.CUSTOMERS).extracting(Demo.Customer::email).doesNotHaveDuplicates()
                .allMatch(email -> email.matches("[a-z.]+@[a-z]+\\.example"));
        assertThat(Demo.CUSTOMERS).extracting(customer -> customer.billing().map(Demo.Billing::type))
                .contains(Optional.of(Demo.BillingType.ENTERPRISE), Optional.of(Demo.BillingType.INDIVIDUAL),
                        Optional.empty());
        assertThat(Demo.CUSTOMERS).anyMatch(customer -> customer.refill().isEmpty())
                .anyMatch(customer -> customer.credits().isEmpty())
                .allMatch(customer -> !customer.tags().isEmpty() && customer.tags().size() <= 20);
    }

    @Test
    void everyAmountIsADecimalStringInDollarsAndCents() {
        assertThat(Demo.CUSTOMERS).allSatisfy(customer -> {
            customer.refill().ifPresent(refill -> assertThat(refill.amount()).matches("[1-9][0-9]*\\.[0-9]{2}"));
            customer.credits().ifPresent(credits -> assertThat(credits).matches("[1-9][0-9]*\\.[0-9]{2}"));
        });
        assertThat(Demo.POOL_TOTAL).isEqualTo("70.00");
    }

    @Test
    void anEnterpriseIsCreatedWithItsCompanyName() throws ParseException {
        Demo.Customer enterprise = Demo.CUSTOMERS.get(0);

        assertThat(JSONObjectUtils.parse(JSONObjectUtils.toJSONString(enterprise.createBody()))).isEqualTo(Map.of(
                "email", "ana.silva@northwind.example",
                "teamName", "Northwind Analytics",
                "billingInfo", Map.of("type", "ENTERPRISE", "companyName", "Northwind Traders Ltd.",
                        "contactName", "Ana Silva")));
        assertThat(enterprise.refillBody()).contains(Map.of("amount", "250.00", "note", "Opening balance"));
        assertThat(enterprise.creditsBody()).contains(Map.of("amount", "25.00"));
        assertThat(JSONObjectUtils.toJSONString(enterprise.tagsBody())).isEqualTo("{\"tags\":[\"enterprise\",\"priority\"]}");
    }

    @Test
    void anIndividualHasNoCompanyNameAndACustomerWithoutBillingInformationNoBillingInfo() {
        assertThat(Demo.Billing.individual("Ben Okafor").body())
                .isEqualTo(Map.of("type", "INDIVIDUAL", "contactName", "Ben Okafor"));
        assertThat(Demo.CUSTOMERS).filteredOn(customer -> customer.billing().isEmpty())
                .allSatisfy(customer -> assertThat(customer.createBody()).containsOnlyKeys("email", "teamName"));
    }

    @Test
    void theBoxTellsHowToSignInAsTheAdminAndListTheCustomersThroughTheGatewayButNotThePassword() {
        List<String> lines = Demo.lines(new Demo.Seeded("p-1", "Pw7xKq"), "http://localhost:8380");

        assertThat(lines).containsSubsequence(
                "Platform                 Demo Cloud (USD), id p-1",
                "Admin login              admin@demo.tally.local (password in .local-stack/credentials)",
                "(the admin's password is kept only in that file: auth-service keeps its hash alone)",
                "source .local-stack/credentials",
                "export ADMIN_TOKEN=$(curl -s -H 'Content-Type: application/json' http://localhost:8380/api/v1/auth/login "
                        + "-d \"{\\\"username\\\":\\\"$ADMIN_USERNAME\\\",\\\"password\\\":\\\"$ADMIN_PASSWORD\\\"}\""
                        + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')",
                "curl -s -H \"Authorization: Bearer $ADMIN_TOKEN\" http://localhost:8380/api/v1/customers");
        assertThat(lines).noneMatch(line -> line.contains("Pw7xKq"));
    }

    @Test
    void theBoxSignsInWithTheAdminsLoginInTheCredentialsFile(@TempDir Path root) throws Exception {
        Demo.Seeded seeded = new Demo.Seeded("p-1", "Pw7x'Kq $x");
        CredentialsFile.under(root).write(seeded.credentials());

        List<String> printed = Demo.lines(seeded, "http://localhost:8380");

        assertThat(Bash.signInArguments(root, printed, "ADMIN_TOKEN")).containsExactly("-s", "-H",
                "Content-Type: application/json", "http://localhost:8380/api/v1/auth/login", "-d",
                "{\"username\":\"admin@demo.tally.local\",\"password\":\"Pw7x'Kq $x\"}");
    }

    @Test
    void theListShowsTheFiguresOnceEveryCustomerHasItsBalanceAndCredits() throws ParseException {
        // The figures the demo's refills and credits leave, as customer-service's list writes them.
        String items = row("ana.silva@northwind.example", "250.00", "25.00")
                + "," + row("ben.okafor@lumen.example", "42.50", "15.00")
                + "," + row("chloe.martin@orbitlabs.example", "120.00", "20.00")
                + "," + row("dev@tinkerers.example", "5.00", "0.00")
                + "," + row("eve.johansson@fjord.example", "0.00", "5.00");
        Map<String, Object> complete = JSONObjectUtils.parse("{\"items\":[" + items + "]}");
        Map<String, Object> lagging = JSONObjectUtils.parse("{\"items\":[" + items
                .replace("\"balance\":\"250.00\"", "\"balance\":\"0.00\"") + "]}");
        Map<String, Object> creditsLagging = JSONObjectUtils.parse("{\"items\":[" + items
                .replace("\"credits\":\"5.00\"", "\"credits\":\"0.00\"") + "]}");
        Map<String, Object> oneMissing = JSONObjectUtils.parse("{\"items\":[" + items
                .substring(0, items.lastIndexOf(",{")) + "]}");

        assertThat(Demo.listShowsFigures(complete)).isTrue();
        assertThat(Demo.listShowsFigures(lagging)).isFalse();
        assertThat(Demo.listShowsFigures(creditsLagging)).isFalse();
        assertThat(Demo.listShowsFigures(oneMissing)).isFalse();
        assertThat(Demo.listShowsFigures(Map.of())).isFalse();
    }

    private static String row(String account, String balance, String credits) {
        return "{\"account\":\"" + account + "\",\"balance\":\"" + balance + "\",\"credits\":\"" + credits + "\"}";
    }

    @Test
    void explainsTheUsualCausesOfAFailure() {
        assertThat(Demo.hint(new GatewayClient.StepFailed("create the platform", 409, "{\"code\":\"platform_name_taken\"}")))
                .hasValueSatisfying(hint -> assertThat(hint).contains(".local-stack/credentials", "--fresh --demo"));
        assertThat(Demo.hint(new GatewayClient.StepFailed("provider sign-in", 401, "{}")))
                .hasValueSatisfying(hint -> assertThat(hint).contains(".local-stack/provider-password"));
        assertThat(Demo.hint(new GatewayClient.StepFailed("refill dev@tinkerers.example", 404, "{}"))).isEmpty();
    }
}
