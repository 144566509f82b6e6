package io.tally.localstack;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of --demo, made through the gateway as the provider and a platform admin would make it:
 * a platform with its admin and credit pool, and a few customers with balances, credits and tags.
 */
final class Demo {

    static final String PLATFORM_NAME = "Demo Cloud";
    static final String CURRENCY = "USD";
    static final String ADMIN_EMAIL = "admin@demo.tally.local";
    static final String POOL_TOTAL = "70.00";
    /** The admin's lines in the credentials file begin so. */
    static final String ADMIN_VARIABLE_PREFIX = "ADMIN_";
    static final String ADMIN_USERNAME_VARIABLE = ADMIN_VARIABLE_PREFIX + "USERNAME";
    static final String ADMIN_PASSWORD_VARIABLE = ADMIN_VARIABLE_PREFIX + "PASSWORD";

    /** The ledger learns of platforms and customers from Kafka, a moment after they were created. */
    static final Duration LEDGER_CATCH_UP = Duration.ofSeconds(10);
    /** The customer list shows balances and credits once the ledger's facts reached customer-service. */
    private static final Duration LIST_CATCH_UP = Duration.ofSeconds(15);

    private static final String PROVIDER_SIGN_IN = "provider sign-in";
    private static final String CREATE_PLATFORM = "create the platform";

    enum BillingType { INDIVIDUAL, ENTERPRISE }

    /** Billing information as customer-service takes it; only an enterprise has a company name. */
    record Billing(BillingType type, Optional<String> companyName, String contactName) {

        static Billing individual(String contactName) {
            return new Billing(BillingType.INDIVIDUAL, Optional.empty(), contactName);
        }

        static Billing enterprise(String companyName, String contactName) {
            return new Billing(BillingType.ENTERPRISE, Optional.of(companyName), contactName);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type.name());
            companyName.ifPresent(company -> body.put("companyName", company));
            body.put("contactName", contactName);
            return body;
        }
    }

    record Refill(String amount, String note) {
    }

    /** One customer and what the admin does with it. Amounts in {@link #CURRENCY}. */
    record Customer(String email, String teamName, Optional<Billing> billing, List<String> tags,
                    Optional<Refill> refill, Optional<String> credits) {

        Map<String, Object> createBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", email);
            body.put("teamName", teamName);
            billing.ifPresent(info -> body.put("billingInfo", info.body()));
            return body;
        }

        Map<String, Object> tagsBody() {
            return Map.of("tags", tags);
        }

        Optional<Map<String, Object>> refillBody() {
            return refill.map(given -> Map.of("amount", given.amount(), "note", given.note()));
        }

        Optional<Map<String, Object>> creditsBody() {
            return credits.map(amount -> Map.of("amount", amount));
        }

        String expectedBalance() {
            return refill.map(Refill::amount).orElse("0.00");
        }

        String expectedCredits() {
            return credits.orElse("0.00");
        }
    }

    /** Their credits leave part of the pool free, so that the admin can still grant some. */
    static final List<Customer> CUSTOMERS = List.of(
            new Customer("ana.silva@northwind.example", "Northwind Analytics",
                    Optional.of(Billing.enterprise("Northwind Traders Ltd.", "Ana Silva")),
                    List.of("enterprise", "priority"), Optional.of(new Refill("250.00", "Opening balance")),
                    Optional.of("25.00")),
            new Customer("ben.okafor@lumen.example", "Lumen Studio",
                    Optional.of(Billing.individual("Ben Okafor")),
                    List.of("design"), Optional.of(new Refill("42.50", "Welcome top-up")), Optional.of("15.00")),
            new Customer("chloe.martin@orbitlabs.example", "Orbit Labs",
                    Optional.of(Billing.enterprise("Orbit Labs GmbH", "Chloe Martin")),
                    List.of("enterprise", "eu"), Optional.of(new Refill("120.00", "Quarterly prepayment")),
                    Optional.of("20.00")),
            new Customer("dev@tinkerers.example", "Tinkerers", Optional.empty(),
                    List.of("trial"), Optional.of(new Refill("5.00", "Trial payment")), Optional.empty()),
            new Customer("eve.johansson@fjord.example", "Fjord Freelance",
                    Optional.of(Billing.individual("Eve Johansson")),
                    List.of("freelance"), Optional.empty(), Optional.of("5.00")));

    /** What the demo made, for the box that tells how to use it and for the credentials file. */
    record Seeded(String platformId, String adminPassword) {

        Map<String, String> credentials() {
            return Map.of(ADMIN_USERNAME_VARIABLE, ADMIN_EMAIL, ADMIN_PASSWORD_VARIABLE, adminPassword);
        }
    }

    private final GatewayClient gateway;
    private final Console console;

    Demo(GatewayClient gateway, Console console) {
        this.gateway = gateway;
        this.console = console;
    }

    static BigDecimal creditsGranted() {
        return CUSTOMERS.stream().flatMap(customer -> customer.credits().stream())
                .map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Throws {@link GatewayClient.StepFailed} naming the step that did not succeed. */
    Seeded seed(ProviderLogin provider) {
        String providerToken = signIn(PROVIDER_SIGN_IN, provider.username(), provider.password());

        String platformId = string(CREATE_PLATFORM, gateway.post(CREATE_PLATFORM, "/api/v1/platforms",
                Optional.of(providerToken), Map.of("name", PLATFORM_NAME, "currency", CURRENCY)), "id");
        console.say("demo: platform " + PLATFORM_NAME + " (" + CURRENCY + ") " + platformId);

        String createAdmin = "create the admin";
        String adminPassword = string(createAdmin, gateway.post(createAdmin, "/api/v1/platforms/" + platformId + "/admins",
                Optional.of(providerToken), Map.of("email", ADMIN_EMAIL)), "password");
        gateway.moneyWrite("set the credit pool", "PUT", "/api/v1/platforms/" + platformId + "/credit-pool",
                providerToken, Map.of("total", POOL_TOTAL));
        console.say("demo: admin " + ADMIN_EMAIL + ", credit pool " + POOL_TOTAL + " " + CURRENCY);

        String adminToken = signIn("admin sign-in", ADMIN_EMAIL, adminPassword);
        // All customers first: by the time the money is written, the ledger has mostly heard of them.
        List<String> customerIds = new ArrayList<>();
        for (Customer customer : CUSTOMERS) {
            String step = "create customer " + customer.email();
            String id = string(step, gateway.post(step, "/api/v1/customers", Optional.of(adminToken),
                    customer.createBody()), "id");
            gateway.put("set the tags of " + customer.email(), "/api/v1/customers/" + id + "/tags", adminToken,
                    customer.tagsBody());
            customerIds.add(id);
        }
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            Customer customer = CUSTOMERS.get(i);
            String path = "/api/v1/customers/" + customerIds.get(i);
            customer.refillBody().ifPresent(body -> gateway.moneyWrite("refill " + customer.email(), "POST",
                    path + "/balance/refills", adminToken, body));
            customer.creditsBody().ifPresent(body -> gateway.moneyWrite("set the credits of " + customer.email(), "PUT",
                    path + "/credits", adminToken, body));
        }
        console.say("demo: " + CUSTOMERS.size() + " customers with balances, " + creditsGranted().toPlainString()
                + " " + CURRENCY + " of credits and tags");

        if (!awaitListShowsFigures(adminToken)) {
            console.say("demo: the customer list does not show every balance and credit yet; it follows the ledger");
        }
        return new Seeded(platformId, adminPassword);
    }

    /** The box printed after the demo, once the admin's login is in the credentials file. */
    static List<String> lines(Seeded seeded, String gatewayAddress) {
        List<String> lines = new ArrayList<>();
        lines.add(Summary.row("Platform", PLATFORM_NAME + " (" + CURRENCY + "), id " + seeded.platformId()));
        lines.add(Summary.row("Credit pool", POOL_TOTAL + ", of which " + creditsGranted().toPlainString() + " granted"));
        lines.add(Summary.row("Admin login", Summary.passwordInFile(ADMIN_EMAIL)));
        lines.add("(the admin's password is kept only in that file: auth-service keeps its hash alone)");
        lines.add(Summary.row("Customers", String.join(", ", CUSTOMERS.stream().map(Customer::email).toList())));
        lines.add("");
        lines.add(CredentialsFile.SOURCE);
        lines.add("export ADMIN_TOKEN="
                + Summary.signIn(gatewayAddress, ADMIN_USERNAME_VARIABLE, ADMIN_PASSWORD_VARIABLE));
        lines.add("curl -s -H \"Authorization: Bearer $ADMIN_TOKEN\" " + gatewayAddress + "/api/v1/customers");
        return lines;
    }

    /** What to do about a failure that has a usual cause. */
    static Optional<String> hint(GatewayClient.StepFailed failure) {
        if (failure.step().equals(CREATE_PLATFORM) && failure.status() == 409) {
            return Optional.of("The demo platform is there from an earlier run, which wrote its admin's password to "
                    + CredentialsFile.PATH + "."
                    + " ./local-stack/run --fresh --demo makes it anew (and drops every other record).");
        }
        if (failure.step().equals(PROVIDER_SIGN_IN) && failure.status() == 401) {
            return Optional.of("auth-service keeps the provider password of its first start: was"
                    + " .local-stack/provider-password or TALLY_PROVIDER_PASSWORD changed since?");
        }
        return Optional.empty();
    }

    private String signIn(String step, String username, String password) {
        return string(step, gateway.post(step, "/api/v1/auth/login", Optional.empty(),
                Map.of("username", username, "password", password)), "accessToken");
    }

    private boolean awaitListShowsFigures(String adminToken) {
        Instant deadline = Instant.now().plus(LIST_CATCH_UP);
        while (!listShowsFigures(gateway.get("list the customers", "/api/v1/customers?limit=50", adminToken))) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether every demo customer is in the list with its planned balance and credits. */
    static boolean listShowsFigures(Map<String, Object> page) {
        Map<String, Map<String, Object>> byAccount = new LinkedHashMap<>();
        try {
            Map<String, Object>[] items = JSONObjectUtils.getJSONObjectArray(page, "items");
            for (Map<String, Object> row : items == null ? List.<Map<String, Object>>of() : List.of(items)) {
                byAccount.put(JSONObjectUtils.getString(row, "account"), row);
            }
        } catch (ParseException unexpectedShape) {
            return false;
        }
        return CUSTOMERS.stream().allMatch(customer -> {
            Map<String, Object> row = byAccount.get(customer.email());
            return row != null && sameAmount(row.get("balance"), customer.expectedBalance())
                    && sameAmount(row.get("credits"), customer.expectedCredits());
        });
    }

    private static boolean sameAmount(Object shown, String expected) {
        return shown instanceof String text && new BigDecimal(text).compareTo(new BigDecimal(expected)) == 0;
    }

    private static String string(String step, Map<String, Object> answer, String field) {
        Object value = answer.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new GatewayClient.StepFailed(step, 0, "the answer has no " + field + ": " + answer);
        }
        return text;
    }
}
