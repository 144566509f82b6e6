package io.tally.auth.registration;

import io.tally.auth.registration.RegistrationStatusProjection.Undecided;
import io.tally.service.axon.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The sweep: which registrations it ends (those undecided since the deadline), one command each, come what may. */
class UndecidedRegistrationSweepTest {

    private static final Instant NOW = Instant.parse("2025-03-02T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(24);
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final Undecided FIRST = new Undecided("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", PLATFORM_ID);
    private static final Undecided SECOND = new Undecided("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", PLATFORM_ID);

    private RegistrationStatusProjection registrations;
    private CommandGateway commandGateway;
    private UndecidedRegistrationSweep sweep;

    @BeforeEach
    void setUp() {
        registrations = mock(RegistrationStatusProjection.class);
        commandGateway = mock(CommandGateway.class);
        sweep = new UndecidedRegistrationSweep(registrations, commandGateway, Clock.fixed(NOW, ZoneOffset.UTC),
                DEADLINE);
    }

    private List<CommandMessage<?>> sentCommands(int count) {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway, times(count)).sendAndWait(sent.capture());
        return sent.getAllValues().stream().<CommandMessage<?>>map(command -> (CommandMessage<?>) command).toList();
    }

    private static List<Object> payloads(List<CommandMessage<?>> commands) {
        return commands.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    @Test
    void itPicksThePendingRegistrationsSubmittedAtOrBeforeTheDeadlineAgoAndEndsEachWithItsOwnCommand() {
        when(registrations.undecidedSince(NOW.minus(DEADLINE), 500)).thenReturn(List.of(FIRST, SECOND));

        sweep.sweep();

        List<CommandMessage<?>> sent = sentCommands(2);
        assertThat(payloads(sent)).containsExactly(
                new ExpireRegistrationCommand(FIRST.registrationId(), DEADLINE),
                new ExpireRegistrationCommand(SECOND.registrationId(), DEADLINE));
        assertThat(sent).allSatisfy(command -> assertThat(command.getMetaData())
                .containsEntry(MetaDataKeys.ACTOR, UndecidedRegistrationSweep.ACTOR)
                .containsEntry(MetaDataKeys.PLATFORM_ID, PLATFORM_ID).containsKey(MetaDataKeys.CORRELATION_ID));
        assertThat(sent.get(0).getMetaData().get(MetaDataKeys.CORRELATION_ID))
                .isNotEqualTo(sent.get(1).getMetaData().get(MetaDataKeys.CORRELATION_ID));
    }

    @Test
    void nothingDueSendsNothing() {
        when(registrations.undecidedSince(any(), anyInt())).thenReturn(List.of());

        sweep.sweep();

        verify(registrations).undecidedSince(NOW.minus(DEADLINE), 500);
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aRegistrationThatRacedWithADecisionOrAnotherSweepDoesNotStopTheOthers() {
        when(registrations.undecidedSince(NOW.minus(DEADLINE), 500)).thenReturn(List.of(FIRST, SECOND));
        when(commandGateway.sendAndWait(any()))
                .thenThrow(new ConflictingAggregateVersionException(FIRST.registrationId(), 2, 3))
                .thenReturn(null);

        sweep.sweep();

        assertThat(payloads(sentCommands(2))).containsExactly(
                new ExpireRegistrationCommand(FIRST.registrationId(), DEADLINE),
                new ExpireRegistrationCommand(SECOND.registrationId(), DEADLINE));
    }

    @Test
    void theDeadlineMustBePositive() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new UndecidedRegistrationSweep(registrations, commandGateway, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decision-deadline");
        assertThatThrownBy(() -> new UndecidedRegistrationSweep(registrations, commandGateway, clock,
                Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
