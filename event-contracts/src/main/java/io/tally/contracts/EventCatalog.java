package io.tally.contracts;

import io.tally.contracts.auth.LoginLockedEvent;
import io.tally.contracts.auth.PasswordResetEvent;
import io.tally.contracts.auth.PlatformAdminCreatedEvent;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.auth.RegistrationSubmittedEvent;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.contracts.customer.CustomerBillingInfoSetEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEmailVerifiedEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.CustomerInformationUpdatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.CustomerTagsSetEvent;
import io.tally.contracts.customer.CustomerTeamTypeChangedEvent;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every published event class, with its CloudEvents type and topic. */
public final class EventCatalog {

    public static final List<Class<? extends PublishedEvent>> ALL = List.of(
            CustomerCreatedEvent.class,
            CustomerRegisteredEvent.class,
            CustomerEmailVerifiedEvent.class,
            CustomerBillingInfoSetEvent.class,
            CustomerTeamTypeChangedEvent.class,
            CustomerInformationUpdatedEvent.class,
            CustomerEnabledEvent.class,
            CustomerDisabledEvent.class,
            CustomerTagsSetEvent.class,
            InvitationIssuedEvent.class,
            InvitationAcceptedEvent.class,
            InvitationExpiredEvent.class,
            InvitationRevokedEvent.class,
            InvitationLockedEvent.class,
            RegistrationRejectedEvent.class,
            RegistrationSubmittedEvent.class,
            PlatformCreatedEvent.class,
            PlatformAdminCreatedEvent.class,
            PasswordResetEvent.class,
            SessionsRevokedEvent.class,
            LoginLockedEvent.class,
            BalanceRefilledEvent.class,
            BalanceDeductedEvent.class,
            CustomerCreditsSetEvent.class,
            PlatformCreditPoolSetEvent.class);

    private static final Map<String, Class<? extends PublishedEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    public static String typeOf(Class<?> eventClass) {
        return annotationOf(eventClass).value();
    }

    public static String topicOf(Class<?> eventClass) {
        return annotationOf(eventClass).topic();
    }

    /** The topic of a payload class, or empty when the class is not part of the published language. */
    public static Optional<String> topicIfPublished(Class<?> payloadClass) {
        EventType annotation = payloadClass.getAnnotation(EventType.class);
        return Optional.ofNullable(annotation).map(EventType::topic);
    }

    public static Optional<Class<? extends PublishedEvent>> classOfType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The classpath resource of the JSON schema of an event class. */
    public static String schemaResource(Class<?> eventClass) {
        return "/schemas/" + typeOf(eventClass) + ".json";
    }

    private static EventType annotationOf(Class<?> eventClass) {
        EventType annotation = eventClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event");
        }
        return annotation;
    }
}
