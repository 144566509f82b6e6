package io.tally.auth.account;

import io.tally.auth.platform.PlatformNameRegistry;
import io.tally.contracts.auth.PlatformAdminCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class AccountTest {

    private static final String ACCOUNT_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String UNKNOWN_PLATFORM_ID = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuu5C7vG3hOa3K2xJcQ1o9x8w7v6u5t4s";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private AggregateTestFixture<Account> fixture;
    private UsernameRegistry usernames;

    @BeforeEach
    void setUp() {
        usernames = mock(UsernameRegistry.class);
        when(usernames.claim(any(), any(), anyString(), anyString())).thenReturn(true);
        PlatformNameRegistry platforms = mock(PlatformNameRegistry.class);
        when(platforms.exists(PLATFORM_ID)).thenReturn(true);
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(usernames);
        fixture.registerInjectableResource(platforms);
    }

    private static CreateAccountCommand admin(String platformId, String username) {
        return new CreateAccountCommand(ACCOUNT_ID, AccountRole.PLATFORM_ADMIN, platformId, username, HASH);
    }

    @Test
    void theProviderAccountBelongsToNoPlatformAndPublishesNothing() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ACCOUNT_ID, AccountRole.PROVIDER, null, " provider@tally.local ", HASH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountCreatedEvent(ACCOUNT_ID, AccountRole.PROVIDER, null, "provider@tally.local",
                        HASH));
    }

    @Test
    void anAdminAccountIsAnnouncedWithoutItsSecret() {
        fixture.givenCurrentTime(NOW)
                .when(admin(PLATFORM_ID, "ada@example.com"))
                .expectEvents(
                        new AccountCreatedEvent(ACCOUNT_ID, AccountRole.PLATFORM_ADMIN, PLATFORM_ID, "ada@example.com",
                                HASH),
                        new PlatformAdminCreatedEvent(ACCOUNT_ID, PLATFORM_ID, "ada@example.com", NOW));
    }

    @Test
    void theHashIsNeverPartOfAPublishedEvent() {
        assertThat(PlatformAdminCreatedEvent.class.getRecordComponents())
                .extracting(component -> component.getName().toLowerCase())
                .noneMatch(name -> name.contains("password") || name.contains("hash"));
    }

    @Test
    void refusesAnAdminOfAnUnknownPlatform() {
        fixture.givenNoPriorActivity()
                .when(admin(UNKNOWN_PLATFORM_ID, "ada@example.com"))
                .expectException(PlatformNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnAdminWithoutPlatform() {
        fixture.givenNoPriorActivity()
                .when(admin(null, "ada@example.com"))
                .expectException(PlatformNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAProviderBoundToAPlatform() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ACCOUNT_ID, AccountRole.PROVIDER, PLATFORM_ID, "p@tally.local", HASH))
                .expectException(breaking("provider_without_platform", "platformId"))
                .expectNoEvents();
    }

    @Test
    void refusesAUsernameAnotherOperatorHolds() {
        when(usernames.claim(AccountRole.PLATFORM_ADMIN, PLATFORM_ID, "Ada@Example.com", ACCOUNT_ID)).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(admin(PLATFORM_ID, "Ada@Example.com"))
                .expectException(UsernameTakenException.class)
                .expectException(breaking("username_taken", "username"))
                .expectNoEvents();
    }

    @Test
    void refusesABlankOrTooLongUsername() {
        for (String username : new String[] {" ", null, "a".repeat(Account.MAX_USERNAME_LENGTH + 1)}) {
            fixture.givenNoPriorActivity()
                    .when(admin(PLATFORM_ID, username))
                    .expectException(InvalidAccountDataException.class)
                    .expectException(breaking("username_length", "username"))
                    .expectNoEvents();
        }
    }

    @Test
    void refusesSpacesAndControlCharactersInTheUsername() {
        for (String username : new String[] {"ada lovelace", "ada\u0007@example.com"}) {
            fixture.givenNoPriorActivity()
                    .when(admin(PLATFORM_ID, username))
                    .expectException(breaking("username_characters", "username"))
                    .expectNoEvents();
        }
    }

    @Test
    void refusesAnAccountWithoutPasswordOrRole() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ACCOUNT_ID, AccountRole.PLATFORM_ADMIN, PLATFORM_ID, "a@b.co", " "))
                .expectException(breaking("password_required", "password"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ACCOUNT_ID, null, PLATFORM_ID, "a@b.co", HASH))
                .expectException(breaking("role_required", "role"))
                .expectNoEvents();
    }
}
