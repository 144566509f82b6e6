package io.tally.auth.platform;

import io.tally.contracts.auth.PlatformCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PlatformTest {

    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private AggregateTestFixture<Platform> fixture;
    private PlatformNameRegistry names;

    @BeforeEach
    void setUp() {
        names = mock(PlatformNameRegistry.class);
        when(names.claim(anyString(), anyString())).thenReturn(true);
        fixture = new AggregateTestFixture<>(Platform.class);
        fixture.registerInjectableResource(names);
    }

    @Test
    void createsAPlatformWithItsTrimmedNameAndCurrency() {
        fixture.givenCurrentTime(NOW)
                .when(new CreatePlatformCommand(PLATFORM_ID, "  Acme Cloud  ", "EUR"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlatformCreatedEvent(PLATFORM_ID, "Acme Cloud", "EUR", NOW));
        verify(names).claim("Acme Cloud", PLATFORM_ID);
    }

    @Test
    void currencyDefaultsToUsd() {
        fixture.givenCurrentTime(NOW)
                .when(new CreatePlatformCommand(PLATFORM_ID, "Acme", null))
                .expectEvents(new PlatformCreatedEvent(PLATFORM_ID, "Acme", "USD", NOW));
    }

    @Test
    void aNameOfOneHundredCharactersIsAccepted() {
        String name = "n".repeat(Platform.MAX_NAME_LENGTH);
        fixture.givenCurrentTime(NOW)
                .when(new CreatePlatformCommand(PLATFORM_ID, name, "USD"))
                .expectEvents(new PlatformCreatedEvent(PLATFORM_ID, name, "USD", NOW));
    }

    @Test
    void refusesABlankMissingOrTooLongName() {
        for (String name : new String[] {"   ", null, "n".repeat(Platform.MAX_NAME_LENGTH + 1)}) {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlatformCommand(PLATFORM_ID, name, "USD"))
                    .expectException(InvalidPlatformDataException.class)
                    .expectException(breaking("name_length", "name"))
                    .expectNoEvents();
        }
    }

    @Test
    void refusesControlCharactersInTheName() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlatformCommand(PLATFORM_ID, "Acme\u0000Cloud", "USD"))
                .expectException(breaking("control_character", "name"))
                .expectNoEvents();
    }

    @Test
    void refusesACurrencyThatIsNotAnIso4217Code() {
        for (String currency : new String[] {"usd", "US", "DOLLAR", "XYZ", ""}) {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlatformCommand(PLATFORM_ID, "Acme", currency))
                    .expectException(breaking("currency_unknown", "currency"))
                    .expectNoEvents();
        }
        verify(names, never()).claim(anyString(), anyString());
    }

    @Test
    void refusesTheCodesThatNameNoCurrency() {
        for (String code : new String[] {"XXX", "XTS", "XAU", "XAG", "XDR"}) {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlatformCommand(PLATFORM_ID, "Acme", code))
                    .expectException(breaking("currency_unknown", "currency"))
                    .expectNoEvents();
        }
        verify(names, never()).claim(anyString(), anyString());
    }

    @Test
    void acceptsRealCurrenciesWithAnXCode() {
        for (String code : new String[] {"XAF", "XOF", "XCD", "XPF"}) {
            fixture.givenCurrentTime(NOW)
                    .when(new CreatePlatformCommand(PLATFORM_ID, "Acme", code))
                    .expectEvents(new PlatformCreatedEvent(PLATFORM_ID, "Acme", code, NOW));
        }
    }

    @Test
    void refusesANameAnotherPlatformHolds() {
        when(names.claim("ACME", PLATFORM_ID)).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(new CreatePlatformCommand(PLATFORM_ID, "ACME", "USD"))
                .expectException(PlatformNameTakenException.class)
                .expectException(breaking("platform_name_taken", "name"))
                .expectNoEvents();
    }
}
