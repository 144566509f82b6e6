package io.tally.customer.customer;

import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.BillingType;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** Creating customers with one email per platform, and sending a request's change to a customer. */
class CustomerAccountsTest {

    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";
    private static final String OTHER_CUSTOMER_ID = "1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String OTHER_PLATFORM_ID = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Caller ADMIN = new Caller("admin@example.com", "PLATFORM_ADMIN", PLATFORM_ID);

    private final ClaimedEmails emails = new ClaimedEmails();
    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private AggregateTestFixture<Customer> fixture;
    private CustomerAccounts accounts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        accounts = new CustomerAccounts(fixture.getRepository(), emails, dispatcher);
        fixture.registerAnnotatedCommandHandler(accounts);
    }

    /** The registry's rule in memory: a claim of a key the platform holds already fails. */
    private static final class ClaimedEmails extends EmailRegistry {
        private final Set<String> claimed = new HashSet<>();

        ClaimedEmails() {
            super(null);
        }

        @Override
        boolean claim(String platformId, String email, String customerId) {
            return claimed.add(platformId + "/" + key(email));
        }
    }

    private static CreateCustomerCommand create(String email, String teamName, BillingInformation billingInfo) {
        return new CreateCustomerCommand(CUSTOMER_ID, PLATFORM_ID, email, teamName, billingInfo);
    }

    @Nested
    class Create {

        @Test
        void createsAVerifiedDefaultCustomerWithTheAccountAndTeamNameTrimmed() {
            fixture.givenCurrentTime(NOW)
                    .when(create(" ann@example.com ", "  Blue Team\t", null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CUSTOMER_ID)
                    .expectEvents(new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "ann@example.com", "Blue Team",
                            null, TeamType.DEFAULT, NOW));
        }

        @Test
        void billingInformationGivesTheInitialTeamType() {
            BillingInformation enterprise = new BillingInformation(BillingType.ENTERPRISE, " Acme Ltd ", null, null,
                    null);
            fixture.givenCurrentTime(NOW)
                    .when(create("ann@example.com", "Blue Team", enterprise))
                    .expectEvents(new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "ann@example.com", "Blue Team",
                            new BillingInformation(BillingType.ENTERPRISE, "Acme Ltd", null, null, null),
                            TeamType.ENTERPRISE, NOW));
        }

        @Test
        void refusesAnEmailThePlatformHasIgnoringCase() {
            assertThat(emails.claim(PLATFORM_ID, "Ann@Example.com", OTHER_CUSTOMER_ID)).isTrue();

            fixture.givenNoPriorActivity()
                    .when(create("ann@EXAMPLE.com", "Blue Team", null))
                    .expectNoEvents()
                    .expectException(EmailTakenException.class)
                    .expectException(breaking("email_taken", "email"))
                    .expectExceptionMessage("The account ann@EXAMPLE.com already exists on this platform.");
        }

        @Test
        void anotherPlatformsEmailIsFree() {
            assertThat(emails.claim(OTHER_PLATFORM_ID, "ann@example.com", OTHER_CUSTOMER_ID)).isTrue();

            fixture.givenCurrentTime(NOW)
                    .when(create("ann@example.com", "Blue Team", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "ann@example.com", "Blue Team",
                            null, TeamType.DEFAULT, NOW));
            assertThat(emails.claim(PLATFORM_ID, "ANN@example.com", OTHER_CUSTOMER_ID))
                    .as("the created customer holds the email now").isFalse();
        }

        @Test
        void refusesControlCharactersInTheTeamName() {
            fixture.givenNoPriorActivity()
                    .when(create("ann@example.com", "Blue\u0000Team", null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("control_character", "teamName"));
        }

        @Test
        void refusesBillingInformationThatBreaksItsRules() {
            fixture.givenNoPriorActivity()
                    .when(create("ann@example.com", "Blue Team",
                            new BillingInformation(BillingType.ENTERPRISE, null, null, null, null)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_required", "billingInfo.companyName"));
        }
    }

    @Nested
    class Register {

        /** A registration is created by a direct call within the judging command; this command stands for it. */
        private record RegisterForTest(CustomerAccounts.Registrant registrant) {
        }

        @Test
        void createsAnUnverifiedCustomerWithTheAccountAndTeamNameTrimmed() {
            fixture.registerAnnotatedCommandHandler(new Object() {
                @CommandHandler
                void handle(RegisterForTest command) throws Exception {
                    accounts.register(CUSTOMER_ID, command.registrant());
                }
            });
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterForTest(new CustomerAccounts.Registrant(PLATFORM_ID, " Grace@Example.com ",
                            " Compilers ", "registration-1", "invitation-1")))
                    .expectEvents(new CustomerRegisteredEvent(CUSTOMER_ID, PLATFORM_ID, "Grace@Example.com",
                            "Compilers", "registration-1", "invitation-1", NOW));
        }

        @Test
        void theClaimIsRefusedForAnEmailThePlatformHasIgnoringCase() {
            assertThat(accounts.claimEmail(PLATFORM_ID, "grace@example.com", CUSTOMER_ID)).isTrue();
            assertThat(accounts.claimEmail(PLATFORM_ID, " GRACE@example.com", OTHER_CUSTOMER_ID)).isFalse();
            assertThat(accounts.claimEmail(OTHER_PLATFORM_ID, "grace@example.com", OTHER_CUSTOMER_ID)).isTrue();
        }
    }

    @Nested
    class Change {

        @Test
        void sendsTheCommandForTheIdInItsCanonicalForm() {
            accounts.change(CUSTOMER_ID.toUpperCase(), ADMIN,
                    id -> new SetCustomerStateCommand(id, PLATFORM_ID, false));

            verify(dispatcher).send(new SetCustomerStateCommand(CUSTOMER_ID, PLATFORM_ID, false), ADMIN);
        }

        @Test
        void aMalformedIdIsCustomerNotFoundAndNothingIsSent() {
            CustomerNotFoundException refusal = catchThrowableOfType(CustomerNotFoundException.class,
                    () -> accounts.change("not-a-uuid", ADMIN, id -> new SetCustomerStateCommand(id, PLATFORM_ID,
                            false)));

            assertThat(refusal.code()).isEqualTo("customer_not_found");
            assertThat(refusal).hasMessage("No customer not-a-uuid on this platform.");
            verifyNoInteractions(dispatcher);
        }

        @Test
        void anIdThatNamesNoCustomerIsCustomerNotFound() {
            doThrow(new AggregateNotFoundException(CUSTOMER_ID, "none")).when(dispatcher).send(any(), eq(ADMIN));

            CustomerNotFoundException refusal = catchThrowableOfType(CustomerNotFoundException.class,
                    () -> accounts.change(CUSTOMER_ID, ADMIN, id -> new SetCustomerStateCommand(id, PLATFORM_ID,
                            false)));

            assertThat(refusal.code()).isEqualTo("customer_not_found");
            assertThat(refusal).hasMessage("No customer " + CUSTOMER_ID + " on this platform.");
        }

        @Test
        void theCustomersOwnRefusalsPassUnchanged() {
            doThrow(new InvalidCustomerDataException("tag_blank", "tags[0]", "A tag must not be blank."))
                    .when(dispatcher).send(any(), eq(ADMIN));

            InvalidCustomerDataException refusal = catchThrowableOfType(InvalidCustomerDataException.class,
                    () -> accounts.change(CUSTOMER_ID, ADMIN, id -> new SetCustomerTagsCommand(id, PLATFORM_ID,
                            List.of(" "))));

            assertThat(refusal.code()).isEqualTo("tag_blank");
        }
    }
}
