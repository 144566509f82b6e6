package io.tally.auth.platform;

import io.tally.contracts.auth.PlatformCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Currency;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A platform (tenant) of the provider: its name, unique ignoring case, and the currency of all its amounts. */
@Aggregate
class Platform {

    static final String DEFAULT_CURRENCY = "USD";
    static final int MAX_NAME_LENGTH = 100;
    private static final Pattern ISO_4217_CODE = Pattern.compile("[A-Z]{3}");

    @AggregateIdentifier
    private String platformId;

    protected Platform() {
    }

    @CommandHandler
    public Platform(CreatePlatformCommand command, PlatformNameRegistry names) {
        String name = validName(command.name());
        String currency = validCurrency(command.currency());
        if (!names.claim(name, command.platformId())) {
            throw new PlatformNameTakenException(name);
        }
        apply(new PlatformCreatedEvent(command.platformId(), name, currency,
                GenericEventMessage.clock.instant()));
    }

    private static String validName(String requested) {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidPlatformDataException("name_length", "name",
                    "A platform's name has 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidPlatformDataException("control_character", "name",
                    "name must not contain control characters.");
        }
        return name;
    }

    private static String validCurrency(String requested) {
        if (requested == null) {
            return DEFAULT_CURRENCY;
        }
        if (!ISO_4217_CODE.matcher(requested).matches() || !isKnownCurrency(requested)) {
            throw new InvalidPlatformDataException("currency_unknown", "currency",
                    "currency must be an ISO 4217 code such as USD or EUR.");
        }
        return requested;
    }

    /**
     * A currency money is kept in: ISO 4217's codes that name no such thing (XXX, no currency; XTS, for
     * tests; the precious metals and the units of account such as XAU and XDR) have no minor unit
     * and are refused, while real currencies with an X code (XAF, XOF, XCD, XPF) are not.
     */
    private static boolean isKnownCurrency(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    @EventSourcingHandler
    void on(PlatformCreatedEvent event) {
        platformId = event.platformId();
    }
}
