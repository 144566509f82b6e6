package io.tally.customer.customer;

import io.tally.service.security.Secrets;
import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.BillingType;
import io.tally.contracts.customer.CustomerBillingInfoSetEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEmailVerifiedEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.CustomerInformationUpdatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.CustomerTagsSetEvent;
import io.tally.contracts.customer.CustomerTeamTypeChangedEvent;
import io.tally.contracts.customer.PostalAddress;
import io.tally.contracts.customer.TeamType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.tally.testsupport.RejectionMatcher.breaking;

class CustomerTest {

    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String OTHER_PLATFORM_ID = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final PostalAddress ADDRESS =
            new PostalAddress("1 Main Street", null, "Springfield", "12345", null, "US");
    private static final PostalAddress OTHER_ADDRESS =
            new PostalAddress("9 Harbour Road", "Unit 4", "Portsmouth", "PO1 1AA", null, "GB");
    private static final BillingInformation INDIVIDUAL =
            new BillingInformation(BillingType.INDIVIDUAL, null, "Ann Lee", "+1 555 0100", ADDRESS);
    private static final BillingInformation ENTERPRISE =
            new BillingInformation(BillingType.ENTERPRISE, "Acme Ltd", "Ann Lee", "+1 555 0100", ADDRESS);
    private static final String TOKEN_DIGEST = Secrets.sha256("the-token-in-the-mail");
    private static final String OTHER_DIGEST = Secrets.sha256("another-token");
    private static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    private static CustomerCreatedEvent createdWithoutBillingInfo() {
        return new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "ann@example.com", "Blue Team", null,
                TeamType.DEFAULT, CREATED_AT);
    }

    private static CustomerCreatedEvent createdWith(BillingInformation billingInfo) {
        return new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "ann@example.com", "Blue Team", billingInfo,
                billingInfo.type().teamType(), CREATED_AT);
    }

    private static CustomerRegisteredEvent registered() {
        return new CustomerRegisteredEvent(CUSTOMER_ID, PLATFORM_ID, "ann@example.com", "Blue Team",
                "registration-1", "invitation-1", CREATED_AT);
    }

    private static EmailVerificationRequestedEvent verificationRequested(String digest) {
        return new EmailVerificationRequestedEvent(CUSTOMER_ID, digest, CREATED_AT.plus(LINK_LIFETIME));
    }

    private static UpdateCustomerInformationCommand update(String teamName, String companyName, String contactName,
                                                           String phone, PostalAddress address) {
        return new UpdateCustomerInformationCommand(CUSTOMER_ID, PLATFORM_ID, teamName, companyName, contactName,
                phone, address);
    }

    private static SetBillingInfoCommand setBillingInfo(BillingInformation billingInfo) {
        return new SetBillingInfoCommand(CUSTOMER_ID, PLATFORM_ID, billingInfo);
    }

    private static SetCustomerTagsCommand setTags(List<String> tags) {
        return new SetCustomerTagsCommand(CUSTOMER_ID, PLATFORM_ID, tags);
    }


    @Nested
    class UpdateCustomerInformation {

        @Test
        void changesOnlyTheGivenFields() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(update("  Red Team  ", null, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Red Team", null,
                            "Ann Lee", "+1 555 0100", ADDRESS));
        }

        @Test
        void replacesTheAddressAndKeepsTheRest() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(update(null, null, null, null, OTHER_ADDRESS))
                    .expectEvents(new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Blue Team", null,
                            "Ann Lee", "+1 555 0100", OTHER_ADDRESS));
        }

        @Test
        void emptyStringsClearTheOptionalFields() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(update(null, "", "", "  ", null))
                    .expectEvents(new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Blue Team", null,
                            null, null, ADDRESS));
        }

        @Test
        void keepsTheValuesOfEarlierUpdates() {
            fixture.given(createdWithoutBillingInfo(),
                            new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Blue Team", null,
                                    "Bo Chen", "+44 20 7946 0000", OTHER_ADDRESS))
                    .when(update(null, null, " Cy Diaz ", null, null))
                    .expectEvents(new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Blue Team", null,
                            "Cy Diaz", "+44 20 7946 0000", OTHER_ADDRESS));
        }

        @Test
        void anEnterpriseRenamesItsCompany() {
            fixture.given(createdWith(ENTERPRISE))
                    .when(update(null, " Acme Group ", null, null, null))
                    .expectEvents(new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Blue Team",
                            "Acme Group", "Ann Lee", "+1 555 0100", ADDRESS));
        }

        @Test
        void refusesACompanyNameForATeamWithoutBillingInformation() {
            fixture.given(createdWithoutBillingInfo())
                    .when(update(null, "Acme Ltd", null, null, null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_enterprise_only", "companyName"));
        }

        @Test
        void refusesACompanyNameForAnIndividualTeam() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(update("Red Team", "Acme Ltd", null, null, null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_enterprise_only", "companyName"))
                    .expectExceptionMessage(
                            "Only an enterprise team has a company name; set ENTERPRISE billing information first.");
        }

        @Test
        void anEmptyCompanyNameOfANonEnterpriseTeamChangesNothing() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(update(null, "", null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToRemoveTheCompanyNameOfAnEnterprise() {
            fixture.given(createdWith(ENTERPRISE))
                    .when(update("Red Team", "", null, null, null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_required", "companyName"))
                    .expectExceptionMessage("An enterprise team's company name cannot be removed.");
        }

        @Test
        void refusesABlankTeamName() {
            fixture.given(createdWithoutBillingInfo())
                    .when(update("   ", null, null, null, null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("team_name_blank", "teamName"));
        }

        @Test
        void refusesABlankCompanyNameForAnEnterprise() {
            fixture.given(createdWith(ENTERPRISE))
                    .when(update(null, "   ", null, null, null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_required", "companyName"));
        }

        @Test
        void emitsNothingWhenTheValuesAreTheSame() {
            fixture.given(createdWith(ENTERPRISE))
                    .when(update("Blue Team", "Acme Ltd", "Ann Lee", "+1 555 0100", ADDRESS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void emitsNothingWhenNoFieldIsGiven() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(update(null, null, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void answersNotFoundToAnotherPlatform() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(new UpdateCustomerInformationCommand(CUSTOMER_ID, OTHER_PLATFORM_ID, "Red Team", null,
                            null, null, null))
                    .expectNoEvents()
                    .expectException(CustomerNotFoundException.class)
                    .expectException(breaking("customer_not_found", null))
                    .expectExceptionMessage("No customer " + CUSTOMER_ID + " on this platform.");
        }
    }

    @Nested
    class SetBillingInfo {

        @Test
        void emitsNothingWhenTheBillingInformationIsTheSame() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(setBillingInfo(INDIVIDUAL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesIndividualBillingInformationWithACompanyName() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setBillingInfo(new BillingInformation(BillingType.INDIVIDUAL, "Acme Ltd", null, null, null)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_enterprise_only", "billingInfo.companyName"))
                    .expectExceptionMessage("Individual billing information has no company name.");
        }

        @Test
        void refusesEnterpriseBillingInformationWithoutACompanyName() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setBillingInfo(new BillingInformation(BillingType.ENTERPRISE, null, "Ann Lee", null, null)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_required", "billingInfo.companyName"))
                    .expectExceptionMessage("Enterprise billing information needs a company name.");
        }

        @Test
        void refusesEnterpriseBillingInformationWithABlankCompanyName() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(setBillingInfo(new BillingInformation(BillingType.ENTERPRISE, "  ", null, null, null)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("company_name_required", "billingInfo.companyName"));
        }

        @Test
        void refusesBillingInformationWithoutAType() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setBillingInfo(new BillingInformation(null, null, "Ann Lee", null, null)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("required", "billingInfo.type"));
        }

        @Test
        void refusesMissingBillingInformation() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setBillingInfo(null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("required", "billingInfo.type"));
        }

        @Test
        void makesAVerifiedDefaultCustomerIndividual() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setBillingInfo(INDIVIDUAL))
                    .expectEvents(new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, INDIVIDUAL),
                            new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.DEFAULT,
                                    TeamType.INDIVIDUAL));
        }

        @Test
        void makesAVerifiedDefaultCustomerEnterpriseWithTrimmedValues() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setBillingInfo(new BillingInformation(BillingType.ENTERPRISE, "  Acme Ltd ", " ",
                            " +1 555 0100 ", ADDRESS)))
                    .expectEvents(new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID,
                                    new BillingInformation(BillingType.ENTERPRISE, "Acme Ltd", null, "+1 555 0100",
                                            ADDRESS)),
                            new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.DEFAULT,
                                    TeamType.ENTERPRISE));
        }

        @Test
        void leavesAnUnverifiedRegisteredCustomerDefault() {
            fixture.given(registered())
                    .when(setBillingInfo(INDIVIDUAL))
                    .expectEvents(new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, INDIVIDUAL));
        }

        @Test
        void switchingFromIndividualToEnterpriseChangesTheTeamType() {
            fixture.given(createdWith(INDIVIDUAL))
                    .when(setBillingInfo(ENTERPRISE))
                    .expectEvents(new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, ENTERPRISE),
                            new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.INDIVIDUAL,
                                    TeamType.ENTERPRISE));
        }

        @Test
        void switchingFromEnterpriseToIndividualChangesTheTeamType() {
            fixture.given(createdWith(ENTERPRISE))
                    .when(setBillingInfo(INDIVIDUAL))
                    .expectEvents(new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, INDIVIDUAL),
                            new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.ENTERPRISE,
                                    TeamType.INDIVIDUAL));
        }

        @Test
        void keepingTheTypeEmitsNoTeamTypeChange() {
            BillingInformation moved = new BillingInformation(BillingType.INDIVIDUAL, null, "Ann Lee",
                    "+1 555 0100", OTHER_ADDRESS);
            fixture.given(createdWith(INDIVIDUAL))
                    .when(setBillingInfo(moved))
                    .expectEvents(new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, moved));
        }

        @Test
        void answersNotFoundToAnotherPlatform() {
            fixture.given(createdWithoutBillingInfo())
                    .when(new SetBillingInfoCommand(CUSTOMER_ID, OTHER_PLATFORM_ID, INDIVIDUAL))
                    .expectNoEvents()
                    .expectException(CustomerNotFoundException.class)
                    .expectException(breaking("customer_not_found", null));
        }
    }

    @Nested
    class SetCustomerState {

        @Test
        void disablesAnEnabledCustomer() {
            fixture.given(createdWithoutBillingInfo())
                    .when(new SetCustomerStateCommand(CUSTOMER_ID, PLATFORM_ID, false))
                    .expectEvents(new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID));
        }

        @Test
        void disablingADisabledCustomerEmitsNothing() {
            fixture.given(createdWithoutBillingInfo(), new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID))
                    .when(new SetCustomerStateCommand(CUSTOMER_ID, PLATFORM_ID, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void enablesADisabledCustomerAgain() {
            fixture.given(registered(), new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID))
                    .when(new SetCustomerStateCommand(CUSTOMER_ID, PLATFORM_ID, true))
                    .expectEvents(new CustomerEnabledEvent(CUSTOMER_ID, PLATFORM_ID));
        }

        @Test
        void enablingAnEnabledCustomerEmitsNothing() {
            fixture.given(createdWithoutBillingInfo(), new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID),
                            new CustomerEnabledEvent(CUSTOMER_ID, PLATFORM_ID))
                    .when(new SetCustomerStateCommand(CUSTOMER_ID, PLATFORM_ID, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void answersNotFoundToAnotherPlatform() {
            fixture.given(createdWithoutBillingInfo())
                    .when(new SetCustomerStateCommand(CUSTOMER_ID, OTHER_PLATFORM_ID, false))
                    .expectNoEvents()
                    .expectException(CustomerNotFoundException.class)
                    .expectException(breaking("customer_not_found", null));
        }
    }

    @Nested
    class SetCustomerTags {

        @Test
        void trimsTheTagsAndKeepsTheirOrder() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(List.of(" vip ", "beta", "Alpha\t")))
                    .expectEvents(new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of("vip", "beta", "Alpha")));
        }

        @Test
        void acceptsTwentyTags() {
            List<String> twenty = numberedTags(Tags.MAX_TAGS);
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(twenty))
                    .expectEvents(new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, twenty));
        }

        @Test
        void refusesTwentyOneTags() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(numberedTags(Tags.MAX_TAGS + 1)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("too_many_tags", "tags"))
                    .expectExceptionMessage("At most 20 tags, got 21.");
        }

        @Test
        void refusesABlankTagNamingItsPosition() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(List.of("vip", "   ", "beta")))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("tag_blank", "tags[1]"));
        }

        @Test
        void refusesAMissingTag() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(Arrays.asList("vip", "beta", null)))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("tag_blank", "tags[2]"));
        }

        @Test
        void acceptsATagOfFortyCharacters() {
            String forty = "t".repeat(Tags.MAX_LENGTH);
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(List.of(forty)))
                    .expectEvents(new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of(forty)));
        }

        @Test
        void refusesATagOfFortyOneCharacters() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(List.of("vip", "t".repeat(Tags.MAX_LENGTH + 1))))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("tag_too_long", "tags[1]"));
        }

        @Test
        void refusesDuplicatesIgnoringCase() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(List.of("VIP", "beta", " vip ")))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("duplicate_tag", "tags[2]"));
        }

        @Test
        void refusesAMissingList() {
            fixture.given(createdWithoutBillingInfo())
                    .when(setTags(null))
                    .expectNoEvents()
                    .expectException(InvalidCustomerDataException.class)
                    .expectException(breaking("required", "tags"));
        }

        @Test
        void theSameTagsAgainEmitNothing() {
            fixture.given(createdWithoutBillingInfo(),
                            new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of("vip", "beta")))
                    .when(setTags(List.of(" vip", "beta ")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherOrderIsAChange() {
            fixture.given(createdWithoutBillingInfo(),
                            new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of("vip", "beta")))
                    .when(setTags(List.of("beta", "vip")))
                    .expectEvents(new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of("beta", "vip")));
        }

        @Test
        void anEmptyListClearsTheTags() {
            fixture.given(createdWithoutBillingInfo(),
                            new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of("vip", "beta")))
                    .when(setTags(List.of()))
                    .expectEvents(new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of()));
        }

        @Test
        void anEmptyListOnACustomerWithoutTagsEmitsNothing() {
            fixture.given(registered())
                    .when(setTags(Collections.emptyList()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void answersNotFoundToAnotherPlatform() {
            fixture.given(createdWithoutBillingInfo())
                    .when(new SetCustomerTagsCommand(CUSTOMER_ID, OTHER_PLATFORM_ID, List.of("vip")))
                    .expectNoEvents()
                    .expectException(CustomerNotFoundException.class)
                    .expectException(breaking("customer_not_found", null));
        }

        private static List<String> numberedTags(int count) {
            List<String> tags = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                tags.add("tag-" + i);
            }
            return tags;
        }
    }

    @Nested
    class EmailVerification {

        private TestExecutor<Customer> givenAt(Instant now, Object... events) {
            return fixture.givenCurrentTime(CREATED_AT).andGiven(events).andGivenCurrentTime(now);
        }

        @Test
        void aRegisteredCustomerGetsAVerificationLink() {
            Instant expiresAt = CREATED_AT.plus(LINK_LIFETIME);
            fixture.given(registered())
                    .when(new RequestEmailVerificationCommand(CUSTOMER_ID, TOKEN_DIGEST, expiresAt))
                    .expectEvents(new EmailVerificationRequestedEvent(CUSTOMER_ID, TOKEN_DIGEST, expiresAt));
        }

        @Test
        void aVerifiedCustomerGetsNoVerificationLink() {
            fixture.given(createdWithoutBillingInfo())
                    .when(new RequestEmailVerificationCommand(CUSTOMER_ID, TOKEN_DIGEST, CREATED_AT.plus(LINK_LIFETIME)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCustomerVerifiedThroughTheLinkGetsNoOtherLink() {
            fixture.given(registered(), verificationRequested(TOKEN_DIGEST),
                            new CustomerEmailVerifiedEvent(CUSTOMER_ID, PLATFORM_ID, CREATED_AT.plusSeconds(60)))
                    .when(new RequestEmailVerificationCommand(CUSTOMER_ID, OTHER_DIGEST, CREATED_AT.plus(LINK_LIFETIME)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theRightTokenBeforeExpiryVerifiesTheEmail() {
            Instant now = CREATED_AT.plus(Duration.ofHours(1));
            givenAt(now, registered(), verificationRequested(TOKEN_DIGEST))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectEvents(new CustomerEmailVerifiedEvent(CUSTOMER_ID, PLATFORM_ID, now));
        }

        @Test
        void verifyingWithIndividualBillingInformationMakesTheTeamIndividual() {
            Instant now = CREATED_AT.plus(Duration.ofHours(2));
            givenAt(now, registered(), new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, INDIVIDUAL),
                    verificationRequested(TOKEN_DIGEST))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectEvents(new CustomerEmailVerifiedEvent(CUSTOMER_ID, PLATFORM_ID, now),
                            new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.DEFAULT,
                                    TeamType.INDIVIDUAL));
        }

        @Test
        void verifyingWithEnterpriseBillingInformationMakesTheTeamEnterprise() {
            Instant now = CREATED_AT.plus(Duration.ofHours(2));
            givenAt(now, registered(), verificationRequested(TOKEN_DIGEST),
                    new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, ENTERPRISE))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectEvents(new CustomerEmailVerifiedEvent(CUSTOMER_ID, PLATFORM_ID, now),
                            new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.DEFAULT,
                                    TeamType.ENTERPRISE));
        }

        @Test
        void refusesAWrongToken() {
            givenAt(CREATED_AT.plusSeconds(60), registered(), verificationRequested(TOKEN_DIGEST))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, OTHER_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_invalid", "token"))
                    .expectExceptionMessage("The verification token is not valid.");
        }

        @Test
        void refusesATokenWhenNoneWasRequested() {
            givenAt(CREATED_AT.plusSeconds(60), registered())
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_invalid", "token"));
        }

        @Test
        void refusesATokenSupersededByALaterRequest() {
            givenAt(CREATED_AT.plusSeconds(60), registered(), verificationRequested(TOKEN_DIGEST),
                    verificationRequested(OTHER_DIGEST))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_invalid", "token"));
        }

        @Test
        void refusesTheTokenAfterItsExpiry() {
            givenAt(CREATED_AT.plus(LINK_LIFETIME).plusSeconds(1), registered(), verificationRequested(TOKEN_DIGEST))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_expired", "token"))
                    .expectExceptionMessage("The verification token has expired.");
        }

        @Test
        void refusesTheTokenAtTheInstantOfItsExpiry() {
            givenAt(CREATED_AT.plus(LINK_LIFETIME), registered(), verificationRequested(TOKEN_DIGEST))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_expired", "token"));
        }

        @Test
        void refusesATokenAlreadyUsed() {
            givenAt(CREATED_AT.plus(Duration.ofHours(3)), registered(), verificationRequested(TOKEN_DIGEST),
                    new CustomerEmailVerifiedEvent(CUSTOMER_ID, PLATFORM_ID, CREATED_AT.plus(Duration.ofHours(1))))
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_used", "token"))
                    .expectExceptionMessage("The email address is already verified.");
        }

        @Test
        void refusesAnyTokenForACustomerCreatedByAnAdmin() {
            givenAt(CREATED_AT.plusSeconds(60), createdWithoutBillingInfo())
                    .when(new VerifyCustomerEmailCommand(CUSTOMER_ID, TOKEN_DIGEST))
                    .expectNoEvents()
                    .expectException(VerificationTokenException.class)
                    .expectException(breaking("token_invalid", "token"));
        }
    }
}
